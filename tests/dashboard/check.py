#!/usr/bin/env python3
"""tests/dashboard/check.py EXPECTED.json CSVDIR [PDF.txt] — every figure `copil
dashboard --csv CSVDIR` wrote (and, given the PDF's text from pdftotext, every
share and count it prints), against what tests/dashboard/generate.py put in.

The académie's figures are computed here again from the generator's ground
truth, by the definitions of `copil help dashboard` (src/dashboard/), never
from the XML: etablissements.csv row by row and cell by cell, synthese.csv
figure by figure (numerator, denominator and percent). Prints one line per
difference and "N differences" last; exit 1 when there is any."""
import csv
import json
import sys

expected = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
problems = []


def pct(num, den):
    return "%.1f" % (100 * num / den) if den else ""


def fmt(v):
    """A count as the PDF prints it: groups of three digits apart (a
    narrow no-break space, which pdftotext gives as a space)."""
    return "{:,}".format(int(float(v))).replace(",", " ")


def number(v):
    return str(int(v)) if float(v) == int(v) else "%.2f" % v


schools = expected["schools"]
order = list(schools)  # the list's order, as copil keeps it

# --- etablissements.csv -----------------------------------------------------------
rows = list(csv.DictReader(open(out + "/etablissements.csv", encoding="utf-8")))
if [r["uai"] for r in rows] != order:
    problems.append("etablissements.csv: the schools are not the list's, in its order")
for r in rows:
    e = schools.get(r["uai"])
    if e is None:
        continue
    want = {
        "name": e["name"], "kind": e["kind"], "files": e["files"], "meetings": e["meetings"],
        "planned": e["planned"], "term1": e["terms"][0], "term2": e["terms"][1],
        "term3": e["terms"][2],
        "present_median": "" if e["present_median"] is None else e["present_median"],
        "roles": ";".join(e["roles"]), "decisions": e["decisions"],
        "actions_done": e["actions"]["done"], "actions_open": e["actions"]["open"],
        "actions_late": e["actions"]["late"], "actions_abandoned": e["actions"]["abandoned"],
        "objectives_reached": e["objectives"]["reached"],
        "objectives_partly": e["objectives"]["partly"], "objectives_not": e["objectives"]["not"],
        "ctice": e["ctice"], "letter": e["letter"], "report": e["report"],
    }
    for k, v in e["families"].items():
        want[k] = v
    for k, v in e["kinds"].items():
        want[k] = v
    for k, v in want.items():
        if r.get(k) != str(v):
            problems.append("etablissements.csv %s %s: %r, expected %r" % (r["uai"], k, r.get(k), str(v)))

# --- synthese.csv -----------------------------------------------------------------
got = {}
for r in csv.DictReader(open(out + "/synthese.csv", encoding="utf-8")):
    got[(r["section"], r["figure"])] = (r["numerator"], r["denominator"], r["percent"])
want = {}


def put(section, name, num, den=0, avg=None):
    if avg is not None:
        want[(section, name)] = (number(num), str(den), avg)
    else:
        want[(section, name)] = (number(num), str(den) if den else "", pct(num, den))


S = list(schools.values())
n = len(S)
silent = sum(1 for s in S if s["files"] == 0)
put("fichiers", "exploitables", expected["usable_files"])
put("fichiers", "non_exploitables", len(expected["invalid_files"]))
put("fichiers", "autre_annee", expected["other_year_files"])
put("fichiers", "ignores", 0)
put("etablissements", "total", n)
for kind in sorted({s["kind"] for s in S}):
    put("etablissements", "type:" + kind, sum(s["kind"] == kind for s in S), n)
put("etablissements", "aucun_document", silent, n)
put("etablissements", "hors_liste", 0)
met = [s for s in S if s["meetings"] > 0]
put("couverture", "comptes_rendus", sum(s["meetings"] for s in S))
put("couverture", "ordres_du_jour_seuls", sum(s["planned"] for s in S))
put("couverture", "comite_reuni", len(met), n)
for i, name in enumerate(["reunions_0", "reunions_1", "reunions_2", "reunions_3_et_plus"]):
    put("couverture", name, sum(min(s["meetings"], 3) == i for s in S), n)
put("couverture", "chaque_trimestre", sum(s["terms"] == [1, 1, 1] for s in S), n)
buckets = [(1, 4), (5, 8), (9, 12), (13, 10**9)]
for (lo, hi), name in zip(buckets, ["presents_1_4", "presents_5_8", "presents_9_12", "presents_13_et_plus"]):
    put("composition", name,
        sum(1 for s in met if s["present_median"] is not None and lo <= s["present_median"] <= hi), len(met))
roles = {}
for s in S:
    for r in s["roles"]:
        roles[r] = roles.get(r, 0) + 1
for r, c in roles.items():
    put("composition", "role:" + r, c, len(met))
items = sum(sum(s["families"].values()) for s in S)
for f in ["pedagogique", "technique", "financier"]:
    put("sujets", "famille:" + f, sum(s["families"][f] for s in S), items)
for k in ["information", "discussion", "decision"]:
    put("sujets", "nature:" + k, sum(s["kinds"][k] for s in S), items)
ctice = sum(s["ctice"] for s in S)
put("coordonnateur", "ctice_connu", ctice, n)
put("coordonnateur", "lettre_de_mission", sum(s["ctice"] and s["letter"] for s in S), ctice)
put("coordonnateur", "rapport_activite", sum(s["ctice"] and s["report"] for s in S), ctice)
reports = [s for s in S if s["report"]]
axes = {}
for s in reports:
    for a, v in (s["time_shares"] or {}).items():
        axes[a] = axes.get(a, 0) + v
for a, v in axes.items():
    put("rapports", "temps:" + a, v, len(reports), "%.1f" % (v / len(reports)))
put("rapports", "rapports", len(reports))
t = {k: sum(s["trainings"][k] for s in S) for k in ["sessions", "hours", "participations", "internal", "external"]}
put("rapports", "formations_sessions", t["sessions"])
put("rapports", "formations_heures", t["hours"])
put("rapports", "formations_participations", t["participations"])
put("rapports", "formations_internes", t["internal"], t["sessions"])
put("rapports", "formations_externes", t["external"], t["sessions"])
support = {}
for s in S:
    for c, v in s["support"].items():
        support[c] = support.get(c, 0) + v
requests = sum(support.values())
for c, v in support.items():
    put("rapports", "demandes:" + c, v, requests)
put("rapports", "indicateurs_atteints", sum(s["indicators"]["reached"] for s in S),
    sum(s["indicators"]["total"] for s in S))
put("suivi", "decisions", sum(s["decisions"] for s in S))
a = {k: sum(s["actions"][k] for s in S) for k in ["done", "open", "late", "abandoned"]}
actions = a["done"] + a["open"] + a["abandoned"]
put("suivi", "actions_faites", a["done"], actions)
put("suivi", "actions_ouvertes", a["open"], actions)
put("suivi", "actions_en_retard", a["late"], actions)
put("suivi", "actions_abandonnees", a["abandoned"], actions)
o = {k: sum(s["objectives"][k] for s in S) for k in ["reached", "partly", "not"]}
evaluated = sum(o.values())
put("suivi", "objectifs_atteints", o["reached"], evaluated)
put("suivi", "objectifs_partiellement_atteints", o["partly"], evaluated)
put("suivi", "objectifs_non_atteints", o["not"], evaluated)

for k in sorted(set(want) | set(got)):
    if k not in got:
        problems.append("synthese.csv: %s,%s missing (expected %s)" % (k + (",".join(want[k]),)))
    elif k not in want:
        problems.append("synthese.csv: %s,%s not expected (%s)" % (k + (",".join(got[k]),)))
    elif got[k] != want[k]:
        problems.append("synthese.csv %s,%s: %s, expected %s" % (k + (",".join(got[k]), ",".join(want[k]))))

# --- the PDF's text (a third argument): every share it prints, as printed ---
if len(sys.argv) > 3:
    text = " ".join(open(sys.argv[3], encoding="utf-8").read().split())
    for (section, name), (num, den, p) in sorted(want.items()):
        if not den or name.startswith("temps:") or name == "hors_liste":
            continue  # counts alone, averages (in a chart), the list's outsiders
        printed = "%s %% (%s sur %s)" % (p.replace(".", ","), fmt(num), fmt(den))
        if printed not in text:
            problems.append("PDF: %s,%s not printed as « %s »" % (section, name, printed))
    for section, name in [("fichiers", "exploitables"), ("couverture", "comptes_rendus"),
                          ("rapports", "rapports"), ("rapports", "formations_sessions"),
                          ("rapports", "formations_participations"), ("suivi", "decisions")]:
        if fmt(want[(section, name)][0]) not in text:
            problems.append("PDF: the count %s,%s (%s) not printed" % (section, name, want[(section, name)][0]))

for p in problems:
    print(p)
print("%d differences" % len(problems))
sys.exit(1 if problems else 0)
