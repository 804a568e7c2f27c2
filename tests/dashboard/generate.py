#!/usr/bin/python3
"""tests/dashboard/generate.py — a fictitious académie for testing `copil dashboard`.

Usage: generate.py OUT [--seed N] [--schools N]
Writes OUT/schools.csv (every school of the académie: uai,name,kind), OUT/files/
(what the schools sent: one folder per school, and files/mixed/ where about a
tenth of the schools' files lie together, told apart by their UAI) and
OUT/expected.json (what the dashboard must find for 2026-2027, computed from the
generator's own plans, never by reading the XML back). Each file is a copy of a
sample of samples/ with its parts replaced; the same seed writes the same bytes.
Standard library only; copil is not run here: check-generated.sh validates OUT.
"""
import argparse
import collections
import csv
import datetime
import json
import os
import random
import shutil
import time
import xml.etree.ElementTree as ET

NS = "urn:copil:data"
ET.register_namespace("", NS)
SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples")
YEAR, OTHER_YEAR, NEXT_YEAR = "2026-2027", "2025-2026", "2027-2028"
D = datetime.date
DAY = datetime.timedelta(days=1)
TERM_SPANS = {1: (D(2026, 9, 7), D(2026, 12, 18)), 2: (D(2027, 1, 5), D(2027, 3, 31)),
              3: (D(2027, 4, 1), D(2027, 7, 6))}
# Trap: meetings on the first and last days of the year and of its terms (one school each).
BOUNDARY_DATES = [D(2026, 9, 1), D(2026, 12, 31), D(2027, 1, 1), D(2027, 3, 31), D(2027, 4, 1),
                  D(2027, 8, 31)]
OPEN = ("a-faire", "en-cours")

KINDS = [("ecole", 40), ("college", 30), ("lycee", 12), ("lycee-professionnel", 10),
         ("cite-scolaire", 8)]
PREFIX = {"ecole": ["École élémentaire", "École primaire", "École maternelle"],
          "college": ["Collège"], "lycee": ["Lycée"],
          "lycee-professionnel": ["Lycée professionnel"], "cite-scolaire": ["Cité scolaire"]}
PATRONS = ("Jean-Moulin|Jules-Ferry|Victor-Hugo|Marie-Curie|Rabelais|Ronsard|Balzac|George-Sand|"
           "Jean-Zay|Paul-Bert|Descartes|Alain-Fournier|Anatole-France|Camille-Claudel|"
           "Jeanne-d’Arc|Léonard-de-Vinci|Louise-Michel|Maurice-Genevoix|Les Tilleuls|Racan|"
           "Simone-Veil|Albert-Camus|Charles-Péguy|Joachim-du-Bellay|Émile-Zola|Les Capucins"
           ).split("|")
TOWNS = [t.split(":") for t in (
    "Tours:37000 Amboise:37400 Chinon:37500 Loches:37600 Orléans:45000 Montargis:45200 "
    "Pithiviers:45300 Blois:41000 Vendôme:41100 Romorantin-Lanthenay:41200 Chartres:28000 "
    "Dreux:28100 Châteaudun:28200 Bourges:18000 Vierzon:18100 Châteauroux:36000 Issoudun:36100"
).split()]
STREETS = ("rue des Écoles|avenue de la République|rue Nationale|boulevard Béranger|"
           "rue du Commerce|allée des Marronniers|place du Marché|rue de la Gare").split("|")
FIRST = {"Mme": "Hélène Claire Sophie Nathalie Isabelle Camille Léa Agnès Chloé Émilie Inès "
                "Julie Manon Sarah Zoé Françoise".split(),
         "M.": "Karim Julien Thomas Olivier Bertrand Hugo Nicolas Étienne François Louis Mehdi "
               "Paul Rémi Yann Antoine Gaël".split()}
LAST = ("Rousseau Benali Lemaire Moreau Garnier Perrin Fabre Chevalier Dupré Martin Bernard Petit "
        "Durand Leroy Morel Fournier Girard Bonnet Lambert Fontaine Mercier Blanc Guérin Muller "
        "Henry Roussel Caron Gauthier Renaud Lefèvre N’Diaye Texier Boucher").split()
# Who a school may seat besides its head and teachers, at different frequencies so that
# the role shares differ: (role, probability, at most how many).
EPLE_ROLES = [("adjoint", .8, 1), ("gestionnaire", .8, 1), ("cpe", .6, 2),
              ("documentaliste", .5, 1), ("aed-tice", .45, 1), ("referent-dane", .2, 1),
              ("collectivite", .6, 2),
              ("parent", .7, 3), ("eleve", .4, 2), ("coordonnateur-disciplinaire", .3, 2),
              ("technicien", .15, 1)]
ECOLE_ROLES = [("ien", .3, 1), ("erun", .5, 1), ("cpc", .2, 1), ("elu", .6, 1),
               ("collectivite", .3, 1), ("parent", .7, 2), ("periscolaire", .3, 1), ("dden", .2, 1)]
FAMILIES = [("pedagogique", 5), ("technique", 4), ("financier", 2)]
ITEM_KINDS = [("information", 4), ("discussion", 4), ("decision", 3)]
TITLES = {"pedagogique": "Usages de l’ENT|Certification Pix|Plan de formation|EMI".split("|"),
          "technique": "Réseau et Wi-Fi|Signalement des pannes|Charte et RGPD".split("|"),
          "financier": "Budget numérique|Plan d’équipement|Devis de projecteurs".split("|")}
AXES = ("pilotage accompagnement-usages formation assistance-technique communication "
        "maintenance autre").split()
SUPPORT = ("postes-de-travail reseau ent videoprojection comptes logiciels impression tablettes "
           "autre").split()
RESULTS = [("atteint", 4), ("partiellement-atteint", 3), ("non-atteint", 3)]


def pick(rng, pairs):
    """One value of [(value, weight)], drawn with its weight."""
    return rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]


def weekday(rng, a, b):
    """A random Monday-to-Friday between a and b included."""
    while True:
        d = a + rng.randint(0, (b - a).days) * DAY
        if d.weekday() < 5:
            return d


# ===== The académie and its people =====

def make_schools(rng, n):
    """The schools of schools.csv, each with its town, its head (m1) and its roster."""
    schools, digits = [], []
    for _ in range(n):
        kind = pick(rng, KINDS)
        town, postcode = rng.choice(TOWNS)
        while True:  # UAI: "0" and the department, four digits, a letter; the digits unique
            uai = f"0{postcode[:2]}{rng.randint(0, 9999):04d}"
            if uai not in digits:
                break
        digits.append(uai)
        name = f"{rng.choice(PREFIX[kind])} {rng.choice(PATRONS)}"
        if rng.random() < 0.03:
            name += f", site de {town}"  # trap: a comma, so the CSV quotes the name
        s = {"uai": uai + rng.choice("ABCDEFGHJKLMNPRSTUVWZ"), "name": name, "kind": kind,
             "town": town, "postcode": postcode,
             "street": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
             "phone": "02 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4)),
             "roster": [], "docs": [], "actions": 0, "objectives": 0, "decisions": {}}
        head = add_person(rng, s, "directeur-ecole" if kind == "ecole" else "chef-etablissement")
        s["title"] = (("La principale", "Le principal") if kind == "college" else
                      ("La proviseure", "Le proviseur"))[head["civility"] != "Mme"]
        for role, p, most in ECOLE_ROLES if kind == "ecole" else EPLE_ROLES:
            for _ in range(rng.randint(1, most) if rng.random() < p else 0):
                add_person(rng, s, role)
        if kind == "lycee-professionnel" and rng.random() < 0.7:
            add_person(rng, s, "chef-travaux")
        for _ in range(rng.randint(2, 10)):
            add_person(rng, s, "enseignant")
        schools.append(s)
    return schools


def add_person(rng, s, role):
    """A new person of school s's roster, with the next id m1, m2…; returns it."""
    while True:
        civility = rng.choice(["Mme", "M."])
        name = f"{rng.choice(FIRST[civility])} {rng.choice(LAST)}"
        if name not in [p["name"] for p in s["roster"]]:
            break
    s["roster"].append({"id": f"m{len(s['roster']) + 1}", "civility": civility, "role": role,
                        "name": name})
    return s["roster"][-1]


# ===== Plans: what each file says, as data (its XML and the truth both come from it) =====

def plan_meeting(rng, s, day, year, held, n_present, n_away, with_ctice, prev=None,
                 session_kind="ordinaire", tag=""):
    """A meeting of school s on day: members and attendance, agenda and, when held, its
    record. prev: the previous meeting it names, whose objectives it evaluates."""
    chair, ctice = s["roster"][0], s.get("ctice")
    mandatory = [chair] + ([ctice] if with_ctice else [])
    need = n_present + n_away - len(mandatory)
    if need < 0:
        n_away, need = n_away - need, 0
    others = [p for p in s["roster"][1:] if p is not ctice]
    while len(others) < need:  # 13 or more present: seat more teachers and guests
        others.append(add_person(rng, s, rng.choice(["enseignant", "enseignant", "invite"])))
    chosen = sorted(mandatory + rng.sample(others, need), key=lambda p: int(p["id"][1:]))
    away = rng.sample(chosen[1:], n_away)  # the chair, m1, is always there
    present = [p for p in chosen if p not in away]
    members = []
    for p in chosen:
        att = by = None
        if held:
            att = "present"
            if p in away:  # traps: excused, absent, represented by a present member
                att = pick(rng, [("excuse", 45), ("absent", 30), ("represente", 25)])
                by = rng.choice(present)["id"] if att == "represente" else None
        members.append({"p": p, "att": att, "by": by})
    if not held and rng.random() < 0.15:
        # Trap: an agenda with attendance filled in ahead: still no record, so not held.
        for x in members:
            x["att"] = "excuse" if x["p"] in away else "present"
    ids = [p["id"] for p in chosen]
    m = {"type": "meeting", "year": year, "date": day, "held": held, "members": members,
         "chair": chair["id"], "session_kind": session_kind, "tag": tag,
         "secretary": rng.choice([p["id"] for p in present[1:]] or [chair["id"]]),
         "items": plan_agenda(rng, ids, held and rng.random() < 0.1), "previous": prev,
         "decisions": [], "actions": [], "objectives": [], "evaluations": [], "next": None}
    if held:
        plan_record(rng, s, m, ids)
    return m


def plan_agenda(rng, ids, with_subs):
    """Top-level items with family and kind; sub-items (never counted) when with_subs."""
    def item(id_, minutes, presenter):
        fam = pick(rng, FAMILIES)
        return {"id": id_, "family": fam, "kind": pick(rng, ITEM_KINDS), "minutes": minutes,
                "title": rng.choice(TITLES[fam]), "presenter": presenter, "subs": []}
    items = [item(f"i{k}", rng.choice([5, 10, 15, 20, 30]),
                  rng.choice(ids) if rng.random() < 0.8 else None)
             for k in range(1, rng.randint(2, 8) + 1)]
    if with_subs:  # trap: nested items
        parent = rng.choice(items)
        parent["subs"] = [item(f"{parent['id']}-{j}", rng.choice([5, 10]), None)
                          for j in range(1, rng.randint(2, 3) + 1)]
    return items


def plan_record(rng, s, m, ids):
    """Decisions, actions (the previous meeting's open ones followed up, then new ones),
    objectives, and the evaluation of each objective the previous meeting set."""
    day, prev = m["date"], m["previous"]
    for _ in range(rng.randint(0, 4)):  # numbered per calendar year, unique in a file
        s["decisions"][day.year] = s["decisions"].get(day.year, 0) + 1
        m["decisions"].append(f"{day.year}-{s['decisions'][day.year]:02d}")
    if prev:
        for a in prev["actions"]:  # most open actions followed up (the others: a warning)
            if a["status"] in OPEN and rng.random() < 0.8:
                status = pick(rng, [("fait", 5), ("en-cours", 3), ("a-faire", 1), ("abandonne", 1)])
                # copil reads a previous meeting without its own previous: an owner who
                # does not sit on this meeting hands the action over to one who does.
                owner = a["owner"] if a["outside"] or a["owner"] in ids else rng.choice(ids)
                m["actions"].append(dict(a, status=status, owner=owner))
        m["evaluations"] = [(o, pick(rng, RESULTS)) for o in prev["objectives"]]
    for _ in range(rng.randint(0, 4)):
        s["actions"] += 1
        r = rng.random()  # trap: some due before the meeting (late if open), some undated
        due = (None if r < 0.1 else day - rng.randint(3, 40) * DAY if r < 0.3
               else day + rng.randint(7, 90) * DAY)
        outside = rng.random() < 0.05
        m["actions"].append({"id": f"a{s['actions']}", "due": due, "outside": outside,
                             "owner": None if outside else rng.choice(ids),
                             "status": pick(rng, [("a-faire", 11), ("en-cours", 5), ("fait", 3),
                                                  ("abandonne", 2)])})
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        s["objectives"] += 1
        m["objectives"].append(f"o{s['objectives']}")


def held_dates(rng, n, boundary):
    """n distinct days of 2026-2027 spread over the terms; boundary: one of them, forced."""
    if n <= 3 and rng.random() < 0.75:
        terms = rng.sample([1, 2, 3], n)
    elif rng.random() < 0.5:
        terms = [1, 2, 3][:n] + [rng.choice([1, 2, 3]) for _ in range(n - 3)]
    else:
        terms = [rng.choice([1, 2, 3]) for _ in range(n)]  # some term may have none
    days = []
    for t in terms:
        d = weekday(rng, *TERM_SPANS[t])
        while d in days:
            d = weekday(rng, *TERM_SPANS[t])
        days.append(d)
    if boundary and boundary not in days:
        days[0] = boundary
    return sorted(days)


def plan_school(rng, s, traps):
    """Every file school s sends, as plans in s['docs']."""
    eple = s["kind"] != "ecole"
    # Where its CTICE sits: at every 2026-2027 meeting, only on agendas (trap: still a
    # CTICE), only at last year's meetings (trap: no CTICE this year), or nowhere.
    mode = (pick(rng, [("all", 55), ("planned", 6), ("other-year", 8), ("none", 31)]) if eple
            else pick(rng, [("all", 12), ("none", 88)]))
    s["ctice_mode"] = mode
    if mode != "none":
        s["ctice"] = add_person(rng, s, "ctice")
    size = pick(rng, [(0, 20), (1, 35), (2, 30), (3, 15)])  # present: 1–4, 5–8, 9–12, 13+

    def meeting(day, year, held, with_ctice, **kw):
        spans = [(1, 4), (5, 8), (9, 12), (13, 20)]
        b = min(3, max(0, size + rng.choice([-1, 0, 0, 0, 0, 1])))
        return plan_meeting(rng, s, day, year, held, rng.randint(*spans[b]),
                            rng.choice([0, 0, 1, 1, 2, 3, 4]), with_ctice, **kw)

    # Trap: last year's held meetings, the last one sometimes the previous of this year's first.
    last, old_days = None, []
    if rng.random() < 0.3:
        old_days = sorted({weekday(rng, D(2025, 9, 8), D(2026, 6, 30)) for _ in range(2)})
        old_days = old_days[:rng.randint(1, len(old_days))]
    if s["uai"] in traps["old-boundary"]:
        old_days = old_days[:1] + [D(2026, 8, 31)]  # the last day of 2025-2026
    for day in old_days:
        last = meeting(day, OTHER_YEAR, True, mode in ("all", "other-year"),
                       prev=last if last and rng.random() < 0.5 else None)
        s["docs"].append(last)
    n_held = pick(rng, [(0, 12), (1, 20), (2, 26), (3, 27), (4, 15)])
    if s["uai"] in traps["tie"] or s["uai"] in traps["boundary"]:
        n_held = max(n_held, 1)
    chain = n_held >= 2 and rng.random() < 0.5
    prev = last if last and last["objectives"] and rng.random() < 0.5 else None
    held = []
    for day in held_dates(rng, n_held, traps["boundary"].get(s["uai"])):
        held.append(meeting(day, YEAR, True, mode == "all", prev=prev))
        prev = held[-1] if chain else None
    if s["uai"] in traps["tie"]:
        # Trap: two held meetings on the last day; the one whose path sorts last counts.
        held[-1]["tag"] = "-elargi"
        held.append(meeting(held[-1]["date"], YEAR, True, mode == "all",
                            session_kind="restreinte", tag="-restreint"))
    for a, b in zip(held, held[1:]):
        if b["date"] > a["date"] and rng.random() < 0.6:
            a["next"] = b["date"]
    s["docs"] += held
    # Trap: agendas without a record (planned, not held), this year and, rarely, next year.
    for _ in range(pick(rng, [(0, 65), (1, 30), (2, 5)])):
        day = weekday(rng, D(2026, 9, 7), D(2027, 7, 6))
        if day not in [d["date"] for d in s["docs"]]:
            s["docs"].append(meeting(day, YEAR, False, mode in ("all", "planned")))
    if rng.random() < 0.04:
        s["docs"].append(meeting(weekday(rng, D(2027, 9, 6), D(2027, 10, 15)), NEXT_YEAR, False,
                                 False))
    if eple:  # a mission letter must be signed by a chef-etablissement: none in écoles
        ctice = s.get("ctice") or add_person(rng, s, "ctice")
        aed = next((p for p in s["roster"] if p["role"] == "aed-tice"), None)
        has = mode in ("all", "planned")
        if rng.random() < (0.55 if has else 0.1 if mode == "none" else 0):
            s["docs"].append(plan_letter(rng, YEAR, ctice))
        if rng.random() < 0.25:  # trap: an AED TICE's letter is no CTICE's
            s["docs"].append(plan_letter(rng, YEAR, aed or add_person(rng, s, "aed-tice")))
        if rng.random() < (0.6 if mode == "other-year" else 0.15):  # trap: last year's letter
            s["docs"].append(plan_letter(rng, OTHER_YEAR, ctice))
        if has and rng.random() < 0.5:
            s["docs"].append(plan_report(rng, YEAR, ctice))
        elif not has and rng.random() < 0.08:  # trap: a report by an AED TICE, not a CTICE
            s["docs"].append(plan_report(rng, YEAR, aed or add_person(rng, s, "aed-tice")))
        if rng.random() < 0.05:
            s["docs"].append(plan_report(rng, OTHER_YEAR, ctice))
    if not s["docs"]:
        s["docs"].append(meeting(weekday(rng, D(2027, 4, 1), D(2027, 7, 6)), YEAR, False,
                                 mode in ("all", "planned")))


def plan_letter(rng, year, who):
    y = int(year[:4])
    return {"type": "letter", "year": year, "who": who,
            "date": weekday(rng, D(y, 9, 1), D(y, 10, 15)), "due": D(y + 1, 6, 30)}


def plan_report(rng, year, who):
    """An activity report: time shares adding up to 100 (halves allowed), trainings,
    support by category, indicators that rise or fall to their target."""
    axes = rng.sample(AXES, rng.randint(2, 7))
    weights = [rng.randint(1, 10) for _ in axes]
    halves = [round(200 * w / sum(weights)) for w in weights]
    halves[0] += 200 - sum(halves)  # percents counted in halves: an exact sum of 100
    shares = {a: h // 2 if h % 2 == 0 else h / 2 for a, h in zip(axes, halves)}
    y = int(year[:4])
    trainings = [{"trainer": rng.choice(["interne", "interne", "externe"]),
                  "date": weekday(rng, D(y, 9, 15), D(y + 1, 6, 20)),
                  "hours": rng.choice([0.75, 1, 1, 1.5, 2, 3, 6]),  # exact in binary
                  "participants": rng.randint(0, 25)}
                 for _ in range(rng.choice([0, 1, 2, 3, 4, 6, 8]))]
    support = {c: rng.randint(0, 200) for c in SUPPORT if rng.random() < 0.5}
    indicators = []  # (baseline, target, value) in tenths, compared as integers
    for _ in range(rng.randint(0, 5)):
        base = rng.randint(300, 900)
        target = base + rng.choice([-1, 1, 1]) * rng.randint(50, 300)
        value = rng.choice([target, base + (target - base) * rng.randint(0, 14) // 10])
        indicators.append((base, target, value))
    return {"type": "report", "year": year, "who": who, "shares": shares,
            "trainings": trainings, "support": support, "indicators": indicators}


def reached(base, target, value):
    return value >= target if target >= base else value <= target


# ===== XML: each plan written over a copy of a sample =====

def q(tag):
    return f"{{{NS}}}{tag}"


def template(name):
    return ET.parse(os.path.join(SAMPLES, name)).getroot()


def sub(parent, tag, text=None, attrs=None):
    """A new last child of parent with text and attributes (those None left out)."""
    el = ET.SubElement(parent, q(tag), {k: str(v) for k, v in (attrs or {}).items()
                                        if v is not None})
    el.text = text
    return el


def put(el, text=None, attrs=None):
    """Sets el's text (unless None) and attributes; returns el."""
    if text is not None:
        el.text = text
    for k, v in (attrs or {}).items():
        el.set(k, str(v))
    return el


def drop(root, *tags):
    for tag in tags:
        for el in root.findall(q(tag)):
            root.remove(el)


def emptied(root, tag):
    el = root.find(q(tag))
    for child in list(el):
        el.remove(child)
    return el


def set_establishment(root, s):
    est = put(root.find(q("establishment")), None, {"kind": s["kind"], "uai": s["uai"]})
    est.find(q("name")).text = s["name"]
    address = est.find(q("address"))
    address.find(q("line")).text = s["street"]
    address.find(q("postcode")).text = s["postcode"]
    address.find(q("city")).text = s["town"]
    est.find(q("phone")).text = s["phone"]
    est.find(q("email")).text = f"ce.{s['uai'].lower()}@ac-orleans-tours.fr"
    drop(est, "website")
    if s["kind"] == "cite-scolaire":  # trap: the UAIs of its collège and lycée are not its own
        schools = sub(est, "schools")
        for kind, letter in (("college", "X"), ("lycee", "Y")):  # letters no school of the CSV has
            sub(schools, "school", f"{PREFIX[kind][0]} {s['name'].split(' ', 2)[2]}",
                {"kind": kind, "uai": f"{s['uai'][:3]}{int(s['uai'][3:7]) ^ 1:04d}{letter}"})


def meeting_xml(s, m):
    root = template("college-2026-t2.xml" if m["previous"] else
                    "college-2026-t1.xml" if m["held"] else "college-2026-t1-agenda.xml")
    set_establishment(root, s)
    if m["session_kind"] == "restreinte":
        put(root.find(q("body")), "Comité restreint du numérique", {"kind": "comite-restreint"})
    elif s["kind"] == "ecole":
        put(root.find(q("body")), "COPIL-Num de l’école", {"kind": "copil-num"})
    put(root.find(q("session")), None, {"number": m["session"], "kind": m["session_kind"]})
    root.find(q("school-year")).text = m["year"]
    root.find(q("date")).text = m["date"].isoformat()
    if m["previous"]:
        root.find(q("previous")).set("href", m["previous"]["name"])
    members = emptied(root, "members")
    for x in m["members"]:
        p = x["p"]
        sub(sub(members, "member", None, {"id": p["id"], "civility": p["civility"],
                                          "role": p["role"], "attendance": x["att"],
                                          "represented-by": x["by"]}), "name", p["name"])
    root.find(q("chair")).set("ref", m["chair"])
    root.find(q("secretary")).set("ref", m["secretary"])
    agenda = emptied(root, "agenda")
    for it in m["items"]:
        el = item_xml(agenda, it)
        for si in it["subs"]:
            item_xml(el, si)
    drop(root, "record")
    if m["held"]:
        record_xml(sub(root, "record"), m)
    return root


def item_xml(parent, it):
    el = sub(parent, "item", None, {"id": it["id"], "family": it["family"], "kind": it["kind"],
                                    "presenter": it["presenter"],  # with sub-items: their sum
                                    "minutes": None if it["subs"] else it["minutes"]})
    sub(el, "title", it["title"])
    return el


def record_xml(rec, m):
    votes = [it["id"] for it in m["items"] if it["kind"] == "decision"]
    if m["decisions"]:
        decisions = sub(rec, "decisions")
        for k, number in enumerate(m["decisions"]):
            sub(sub(decisions, "decision", None,
                    {"number": number, "item": votes[k % len(votes)] if votes else None}),
                "text", f"Le comité adopte la proposition n° {number}.")
    if m["actions"]:
        actions = sub(rec, "actions")
        for a in m["actions"]:
            el = sub(actions, "action", None, {"id": a["id"], "owner": a["owner"],
                                               "due": a["due"] and a["due"].isoformat(),
                                               "status": a["status"]})
            sub(el, "what", f"Action {a['id']} décidée par le comité.")
            if a["outside"]:
                sub(sub(el, "owner", None, {"civility": "Mme"}), "name", "Service informatique")
    if m["objectives"]:
        objectives = sub(rec, "objectives")
        for o in m["objectives"]:
            el = sub(objectives, "objective", None, {"id": o})
            sub(el, "text", f"Objectif {o} du comité.")
            sub(el, "indicator", "Part des enseignants qui utilisent l’ENT chaque semaine")
            sub(el, "target", "80 %")
    if m["evaluations"]:
        evaluations = sub(rec, "evaluations")
        for o, result in m["evaluations"]:
            sub(evaluations, "evaluation", None, {"objective": o, "result": result})
    if m["next"]:
        sub(rec, "next-meeting", "Salle du conseil", {"date": m["next"].isoformat()})


def grade(who):
    fem = who["civility"] == "Mme"
    if who["role"] == "aed-tice":
        return "Assistante d’éducation" if fem else "Assistant d’éducation"
    return "Professeure certifiée" if fem else "Professeur certifié"


def letter_xml(s, d):
    who, fem = d["who"], d["who"]["civility"] == "Mme"
    ctice = who["role"] == "ctice"
    root = template("lettre-mission-ctice.xml" if ctice else "lettre-mission-aed-tice.xml")
    set_establishment(root, s)
    root.find(q("place")).text = s["town"]
    root.find(q("date")).text = d["date"].isoformat()
    period = root.find(q("period"))
    if period is not None:  # the AED sample's <period> becomes a <school-year>: one clear year
        period.clear()
        period.tag = q("school-year")
    root.find(q("school-year")).text = d["year"]
    app = put(root.find(q("appointee")), None, {"civility": who["civility"], "role": who["role"]})
    app.find(q("name")).text = who["name"]
    app.find(q("grade")).text = grade(who)
    drop(app, "email")
    root.find(q("mission-title")).text = (
        ("Coordonnatrice" if fem else "Coordonnateur") + " pour le numérique (CTICE)" if ctice
        else ("Assistante" if fem else "Assistant") + " d’éducation TICE (maintenance)")
    drop(root, "context", "copies", "distribution")
    root.find(q("report-duty")).set("due", d["due"].isoformat())
    head = put(root.find(q("signatories"))[0], None, {"civility": s["roster"][0]["civility"]})
    head.find(q("name")).text = s["roster"][0]["name"]  # the chef-etablissement; then the DAN
    head.find(q("title")).text = s["title"]
    return root


def report_xml(s, d):
    who = d["who"]
    root = template("rapport-activite-ctice-2026-2027.xml")
    set_establishment(root, s)
    root.find(q("school-year")).text = d["year"]
    author = put(root.find(q("author")), None, {"civility": who["civility"], "role": who["role"]})
    author.find(q("name")).text = who["name"]
    author.find(q("grade")).text = grade(who)
    drop(author, "discipline", "email")
    if d.get("letter"):  # a file it names must lie next to it
        root.find(q("mission-letter")).set("href", d["letter"])
    sub(emptied(root, "summary"), "p", f"Bilan de l’année {d['year']}.")
    shares = emptied(root, "time-shares")
    for axis, pct in d["shares"].items():
        sub(shares, "share", None, {"axis": axis, "percent": pct})
    lists = {tag: emptied(root, tag) for tag in ("trainings", "support", "indicators", "meetings")}
    for t in d["trainings"]:
        el = sub(lists["trainings"], "training", None, dict(t, date=t["date"].isoformat()))
        sub(el, "title", "Atelier numérique")
        sub(el, "audience", "Enseignants volontaires")
    for code, count in d["support"].items():
        sub(lists["support"], "category", None, {"code": code, "count": count})
    for base, target, value in d["indicators"]:  # in tenths
        el = sub(lists["indicators"], "indicator", None, {
            "unit": "%", "baseline": base / 10, "target": target / 10, "value": value / 10})
        sub(el, "name", "Taux d’usage de l’ENT")
    for href in d.get("meetings") or []:
        sub(lists["meetings"], "meeting-file", None, {"href": href})
    signatories = emptied(root, "signatories")
    for role, civility, name, title in (
            (who["role"], who["civility"], who["name"], "L’auteur du rapport"),
            ("chef-etablissement", s["roster"][0]["civility"], s["roster"][0]["name"],
             "Vu, " + s["title"].lower())):
        sig = sub(signatories, "signatory", None, {"role": role, "civility": civility})
        sub(sig, "name", name)
        sub(sig, "title", title)
    if not d.get("letter"):
        drop(root, "mission-letter")
    drop(root, "actions", "difficulties", "outlook")  # the sample's own words
    for tag, el in lists.items():
        if len(el) == 0:  # a list needs an entry: an empty one goes
            drop(root, tag)
    return root


def serialize(root):
    ET.indent(root, "  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


# ===== Files, names and the truth =====

def name_docs(s):
    """File names (unique in their folder: mixed/ prefixes the UAI), session numbers, and
    the links that need names: previous meetings, a report's letter and meetings."""
    pre = f"{s['uai']}-" if s["folder"].endswith("mixed") else ""
    for d in s["docs"]:
        if d["type"] == "meeting":
            stem = "copil" if d["held"] else "ordre-du-jour"
            d["name"] = f"{pre}{stem}-{d['date'].isoformat()}{d['tag']}.xml"
        elif d["type"] == "letter":
            d["name"] = f"{pre}lettre-mission-{d['who']['role']}-{d['year']}.xml"
        else:
            d["name"] = f"{pre}rapport-activite-{d['year']}.xml"
    meetings = sorted((d for d in s["docs"] if d["type"] == "meeting"),
                      key=lambda d: (d["date"], d["name"]))
    for year in (OTHER_YEAR, YEAR, NEXT_YEAR):
        for n, d in enumerate((d for d in meetings if d["year"] == year), 1):
            d["session"] = n
    for d in s["docs"]:
        if d["type"] == "report":
            d["letter"] = next((x["name"] for x in s["docs"] if x["type"] == "letter"
                                and x["year"] == d["year"] and x["who"] is d["who"]), None)
            d["meetings"] = [x["name"] for x in meetings if x["year"] == d["year"] and x["held"]]


def term_of(day):
    return 1 if day.month >= 9 else 2 if day.month <= 3 else 3


def truth(s):
    """The school's entry in expected.json, from its plans of 2026-2027."""
    cur = [d for d in s["docs"] if d["year"] == YEAR]
    held = sorted((d for d in cur if d["type"] == "meeting" and d["held"]),
                  key=lambda d: (d["date"], f"{s['folder']}/{d['name']}"))
    present = sorted(sum(x["att"] == "present" for x in m["members"]) for m in held)
    items = [it for m in held for it in m["items"]]
    actions = held[-1]["actions"] if held else []
    opened = [a for a in actions if a["status"] in OPEN]
    evals = [r for m in held for _, r in m["evaluations"]]
    letters = [d["who"]["role"] for d in cur if d["type"] == "letter"]
    report = next((d for d in cur if d["type"] == "report"), None)
    seated = [x["p"]["role"] for d in cur if d["type"] == "meeting" for x in d["members"]]
    authors = [report["who"]["role"]] if report else []
    tr = report["trainings"] if report else []
    return {
        "name": s["name"], "kind": s["kind"], "files": len(cur), "meetings": len(held),
        "planned": sum(d["type"] == "meeting" and not d["held"] for d in cur),
        "terms": [int(any(term_of(m["date"]) == t for m in held)) for t in (1, 2, 3)],
        "present_median": present[(len(present) - 1) // 2] if present else None,
        "roles": sorted({x["p"]["role"] for m in held for x in m["members"]
                         if x["att"] == "present"}),
        "families": {f: sum(it["family"] == f for it in items) for f, _ in FAMILIES},
        "kinds": {k: sum(it["kind"] == k for it in items) for k, _ in ITEM_KINDS},
        "decisions": sum(len(m["decisions"]) for m in held),
        "actions": {"done": sum(a["status"] == "fait" for a in actions), "open": len(opened),
                    "late": sum(bool(a["due"] and a["due"] < held[-1]["date"]) for a in opened),
                    "abandoned": sum(a["status"] == "abandonne" for a in actions)},
        "objectives": {"reached": evals.count("atteint"),
                       "partly": evals.count("partiellement-atteint"),
                       "not": evals.count("non-atteint")},
        "ctice": int("ctice" in seated + letters + authors),
        "letter": int("ctice" in letters), "report": int(report is not None),
        "time_shares": report["shares"] if report else None,
        "trainings": {"sessions": len(tr), "hours": float(sum(t["hours"] for t in tr)),
                      "participations": sum(t["participants"] for t in tr),
                      "internal": sum(t["trainer"] == "interne" for t in tr),
                      "external": sum(t["trainer"] == "externe" for t in tr)},
        "support": dict(report["support"]) if report else {},
        "indicators": {"reached": sum(reached(*i) for i in report["indicators"]) if report else 0,
                       "total": len(report["indicators"]) if report else 0}}


def write_invalid(rng, schools, out):
    """Trap: three files copil refuses, one in each of three schools' folders: a meeting
    dated 2026-13-45, a meeting cut short, a report whose time shares add up to 90.
    Never counted. Returns their paths relative to out."""
    def meeting(s):
        m = dict(plan_meeting(rng, s, D(2027, 2, 11), YEAR, True, 6, 1, False), session=9)
        return serialize(meeting_xml(s, m)).decode()

    def report(s):
        r = dict(plan_report(rng, YEAR, s["roster"][0]), shares={"pilotage": 60, "formation": 30})
        return serialize(report_xml(s, r))
    makers = [("compte-rendu-date-erronee.xml", lambda s: meeting(s).replace(
                  "<date>2027-02-11</date>", "<date>2026-13-45</date>").encode()),
              ("copil-tronque.xml", lambda s: meeting(s).split("<agenda>")[0].encode()),
              ("rapport-activite-brouillon.xml", report)]
    paths = []
    for s, (name, make) in zip(schools, makers):
        with open(os.path.join(out, s["folder"], name), "wb") as f:
            f.write(make(s))
        paths.append(f"{s['folder']}/{name}")
    return sorted(paths)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2027)
    ap.add_argument("--schools", type=int, default=200)
    args = ap.parse_args()
    started = time.monotonic()
    rng = random.Random(args.seed)
    schools = make_schools(rng, args.schools)
    senders = [s for s in schools if rng.random() >= 0.15]  # about 15% send nothing
    order = rng.sample(senders, len(senders))  # mixed/ first, the trap schools last
    mixed = order[:round(len(senders) / 10)]
    traps = {"tie": [s["uai"] for s in order[-4:-2]],
             "old-boundary": [s["uai"] for s in order[-5:-4]],
             "boundary": {s["uai"]: d for s, d in zip(order[-11:-5], BOUNDARY_DATES)}}
    for s in schools:
        s["folder"] = "files/mixed" if s in mixed else f"files/{s['uai']}"
        if s in senders:
            plan_school(rng, s, traps)
            name_docs(s)
    shutil.rmtree(os.path.join(args.out, "files"), ignore_errors=True)
    os.makedirs(os.path.join(args.out, "files"))
    for s in [s for s in schools if s not in senders][:2]:  # trap: folders left empty
        os.makedirs(os.path.join(args.out, s["folder"]))
    for s in schools:
        for d in s["docs"]:
            os.makedirs(os.path.join(args.out, s["folder"]), exist_ok=True)
            write = {"meeting": meeting_xml, "letter": letter_xml, "report": report_xml}[d["type"]]
            with open(os.path.join(args.out, s["folder"], d["name"]), "wb") as f:
                f.write(serialize(write(s, d)))
    invalid = write_invalid(rng, order[len(mixed):len(mixed) + 3], args.out)
    with open(os.path.join(args.out, "schools.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uai", "name", "kind"])
        w.writerows([s["uai"], s["name"], s["kind"]] for s in schools)
    expected = {"year": YEAR, "schools": {s["uai"]: truth(s) for s in schools},
                "invalid_files": invalid,
                "other_year_files": sum(d["year"] != YEAR for s in schools for d in s["docs"]),
                "usable_files": sum(d["year"] == YEAR for s in schools for d in s["docs"])}
    with open(os.path.join(args.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    summary(schools, senders, traps, invalid, expected, time.monotonic() - started)


def summary(schools, senders, traps, invalid, expected, seconds):
    """What was written and how many of each trap, on standard output."""
    docs = [d for s in senders for d in s["docs"]]
    counts = collections.Counter(" ".join((d["type"], d["who"]["role"] if "who" in d else
                                           "held" if d["held"] else "planned", d["year"]))
                                 for d in docs)
    ms = [d for d in docs if d["type"] == "meeting"]
    att = [x["att"] for m in ms if m["held"] and m["year"] == YEAR for x in m["members"]]
    sizes = collections.Counter(min(4, (e["present_median"] + 3) // 4) for e in
                                expected["schools"].values() if e["present_median"])
    modes = collections.Counter(s["ctice_mode"] for s in senders)
    print(f"{len(schools)} schools, {len(senders)} senders, {len(docs)} valid files and "
          f"{len(invalid)} invalid, in {seconds:.2f} s")
    print("".join(f"  {counts[k]:4d} {k}\n" for k in sorted(counts)), end="")
    chained = [m for m in ms if m["previous"] and m["year"] == YEAR]
    print(f"traps: {att.count('represente')} represente, {att.count('excuse')} excuse, "
          f"{att.count('absent')} absent at held 2026-2027 meetings;")
    print(f"  present medians 1-4/5-8/9-12/13+: {[sizes[b] for b in (1, 2, 3, 4)]};")
    print(f"  CTICE only on agendas in {modes['planned']} schools, only last year in "
          f"{modes['other-year']}; agendas with attendance: "
          f"{sum(not m['held'] and bool(m['members'][0]['att']) for m in ms)};")
    print(f"  meetings with a previous: {len(chained)} "
          f"({sum(m['previous']['year'] != YEAR for m in chained)} of last year); with "
          f"sub-items: {sum(any(i['subs'] for i in m['items']) for m in ms)};")
    print(f"  same-day pairs: {len(traps['tie'])}; boundary dates: "
          f"{len(traps['boundary']) + len(traps['old-boundary'])}; "
          f"names with a comma: {sum(',' in s['name'] for s in schools)}")
    print("invalid: " + " ".join(invalid))


if __name__ == "__main__":
    main()
