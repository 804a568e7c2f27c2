# tests/new.sh — `copil new KIND`, the templates to fill in; sourced by
# tests/run.sh (uses ok/fail/expect_exit, $COPIL, $TMP).
#
# Each template is printed as stored, is well-formed, and does not validate
# while its [[NAME]] blanks are there. Filled from the table below, it
# validates and renders; so do its commented optional parts once uncommented.
# A blank added to a template without a value here fails the test.

N="$TMP/new"
mkdir -p "$N/suite"

# A value for every blank of every template: a collège's term-2 meeting,
# its CTICE's mission letter and year-end report.
declare -A NEW_VALUES=(
    [TYPE_ETABLISSEMENT]="college"
    [UAI]="0370012A"
    [NOM_ETABLISSEMENT]="Collège Jean-Moulin"
    [ACADEMIE]="Académie d’Orléans-Tours"
    [ADRESSE]="12 rue des Tanneurs"
    [CODE_POSTAL]="37000"
    [VILLE]="Tours"
    [TELEPHONE]="02 47 12 34 56"
    [COURRIEL_ETABLISSEMENT]="ce.0370012a@ac-orleans-tours.fr"
    [NUMERO_SEANCE]="2"
    [ANNEE_SCOLAIRE]="2026-2027"
    [DATE_REUNION]="2027-01-14"
    [HEURE_DEBUT]="17:30"
    [HEURE_FIN]="19:00"
    [LIEU]="Salle du conseil, bâtiment A"
    [LIEN_VISIO]="https://visio.ac-orleans-tours.fr/copil-jean-moulin"
    [FICHIER_REUNION_PRECEDENTE]="college-2026-t1.xml"
    [CIVILITE_CHEF_ETABLISSEMENT]="Mme"
    [NOM_CHEF_ETABLISSEMENT]="Hélène Rousseau"
    [FONCTION_CHEF_ETABLISSEMENT]="Principale"
    [TITRE_CHEF_ETABLISSEMENT]="La principale"
    [VISA_CHEF_ETABLISSEMENT]="Vu, la principale"
    [COURRIEL_CHEF_ETABLISSEMENT]="helene.rousseau@ac-orleans-tours.fr"
    [PRESENCE_CHEF_ETABLISSEMENT]="present"
    [CIVILITE_COORDONNATEUR]="Mme"
    [NOM_COORDONNATEUR]="Claire Lemaire"
    [FONCTION_COORDONNATEUR]="Coordonnatrice TICE"
    [TITRE_COORDONNATEUR]="La coordonnatrice TICE"
    [GRADE_COORDONNATEUR]="Professeure certifiée"
    [DISCIPLINE_COORDONNATEUR]="Technologie"
    [COURRIEL_COORDONNATEUR]="claire.lemaire@ac-orleans-tours.fr"
    [PRESENCE_COORDONNATEUR]="present"
    [CIVILITE_GESTIONNAIRE]="M."
    [NOM_GESTIONNAIRE]="Paul Garnier"
    [COURRIEL_GESTIONNAIRE]="paul.garnier@ac-orleans-tours.fr"
    [PRESENCE_GESTIONNAIRE]="present"
    [CIVILITE_REPRESENTANT_COLLECTIVITE]="M."
    [NOM_REPRESENTANT_COLLECTIVITE]="Olivier Chevalier"
    [FONCTION_REPRESENTANT_COLLECTIVITE]="Chargé de mission numérique éducatif"
    [ORGANISME_COLLECTIVITE]="Conseil départemental d’Indre-et-Loire"
    [COURRIEL_REPRESENTANT_COLLECTIVITE]="olivier.chevalier@departement-touraine.fr"
    [PRESENCE_REPRESENTANT_COLLECTIVITE]="excuse"
    [FAMILLE_POINT_1]="pedagogique"
    [NATURE_POINT_1]="discussion"
    [DUREE_POINT_1]="30"
    [TITRE_POINT_1]="Bilan des ateliers ENT du premier trimestre"
    [DESCRIPTION_POINT_1]="Trois ateliers sur quatre ont eu lieu ; les professeurs d’EPS demandent un créneau le mercredi matin."
    [FAMILLE_POINT_2]="technique"
    [NATURE_POINT_2]="decision"
    [DUREE_POINT_2]="20"
    [TITRE_POINT_2]="Classes mobiles : règles de prêt et de recharge"
    [DOCUMENT_POINT_2]="Projet de règlement du prêt des tablettes"
    [FAMILLE_POINT_3]="financier"
    [NATURE_POINT_3]="information"
    [DUREE_POINT_3]="15"
    [TITRE_POINT_3]="Budget numérique 2027"
    [APPROBATION_COMPTE_RENDU_PRECEDENT]="approuve"
    [ECHANGES_POINT_1]="Quatorze enseignants ont suivi au moins un atelier. Un atelier supplémentaire aura lieu le mercredi matin."
    [ECHANGES_POINT_2]="Les deux classes mobiles ont été livrées le 5 janvier ; le comité retient un prêt par réservation sur l’ENT."
    [NUMERO_DECISION]="2027-01"
    [TEXTE_DECISION]="Le règlement du prêt des tablettes est adopté ; il sera publié sur l’ENT."
    [VOIX_POUR]="5"
    [VOIX_CONTRE]="0"
    [ABSTENTIONS]="1"
    [ECHEANCE_ACTION]="2027-02-05"
    [ACTION]="Publier le règlement du prêt des tablettes sur l’ENT et l’afficher en salle B08."
    [ECHEANCE_OBJECTIF]="2027-03-25"
    [OBJECTIF]="Faire utiliser les classes mobiles dans toutes les disciplines."
    [INDICATEUR_OBJECTIF]="Nombre de disciplines ayant réservé une classe mobile"
    [CIBLE_OBJECTIF]="8 disciplines sur 11"
    [OBJECTIF_PRECEDENT]="o2"
    [RESULTAT_OBJECTIF_PRECEDENT]="partiellement-atteint"
    [MESURE_OBJECTIF_PRECEDENT]="14 enseignants sur 38"
    [COMMENTAIRE_OBJECTIF_PRECEDENT]="Un atelier supplémentaire est prévu le mercredi matin."
    [DATE_PROCHAINE_REUNION]="2027-03-25"
    [HEURE_PROCHAINE_REUNION]="17:30"
    [LIEU_PROCHAINE_REUNION]="Salle du conseil, bâtiment A"
    [COURRIEL_PERSONNELS]="personnels.0370012a@ac-orleans-tours.fr"
    [DATE_LETTRE]="2026-09-21"
    [INTITULE_MISSION]="Coordonnatrice pour le numérique (CTICE)"
    [REFERENCE]="Décret n° 2015-475 du 27 avril 2015 relatif à l’indemnité pour mission particulière"
    [CONTEXTE]="Le volet numérique du projet d’établissement fait de l’usage raisonné de l’ENT une priorité pour 2026-2027."
    [MISSION_PILOTAGE]="Préparer les réunions du comité de pilotage du numérique et suivre ses objectifs."
    [MISSION_USAGES]="Aider les équipes à concevoir des séances intégrant le numérique."
    [MISSION_FORMATION]="Animer des ateliers courts à destination des enseignants."
    [MISSION_ASSISTANCE]="Être l’interlocutrice du service informatique du Département pour la maintenance."
    [MISSION_COMMUNICATION]="Informer la communauté éducative des décisions du comité."
    [HEURES_PAR_SEMAINE]="2"
    [TAUX_IMP]="2"
    [MONTANT_ANNUEL]="2500"
    [MODALITES_VERSEMENT]="Versée mensuellement sur l’année scolaire."
    [EQUIPEMENT]="Ordinateur portable professionnel"
    [CONDITIONS_INTERVENTION]="Les demandes sont déposées au moyen du formulaire de signalement de l’ENT."
    [DELAI_HEURES]="4"
    [NATURE_DEMANDE]="Panne bloquante d’une salle de cours"
    [DATE_RAPPORT]="2027-06-30"
    [CIVILITE_DAN]="M."
    [NOM_DAN]="Bertrand Lacoste"
    [TITRE_DAN]="Le délégué académique au numérique"
    [COPIE_A]="DRANE de l’académie d’Orléans-Tours"
    [COURRIEL_DAN]="dan@ac-orleans-tours.fr"
    [COURRIEL_DANE]="dane@ac-orleans-tours.fr"
    [FICHIER_LETTRE_MISSION]="lettre-mission-ctice.xml"
    [SYNTHESE]="L’année a été marquée par la mise en place du comité de pilotage du numérique."
    [PART_PILOTAGE]="25"
    [PART_USAGES]="20"
    [PART_FORMATION]="15"
    [PART_ASSISTANCE]="30"
    [PART_COMMUNICATION]="10"
    [FAMILLE_ACTION]="technique"
    [DATE_ACTION]="2026-11-13"
    [INTITULE_ACTION]="Formulaire unique de signalement des pannes sur l’ENT"
    [DESCRIPTION_ACTION]="Mis en service en novembre, il centralise les demandes d’assistance."
    [TYPE_FORMATEUR]="interne"
    [DATE_FORMATION]="2026-11-17"
    [DUREE_FORMATION]="1.5"
    [PARTICIPANTS_FORMATION]="9"
    [INTITULE_FORMATION]="Atelier ENT : cahier de textes et agenda de la classe"
    [PUBLIC_FORMATION]="Enseignants de toutes disciplines"
    [FORMATEUR]="Claire Lemaire"
    [DEMANDES_POSTES]="142"
    [DELAI_POSTES]="24"
    [DEMANDES_RESEAU]="31"
    [DELAI_RESEAU]="72"
    [DEMANDES_ENT]="58"
    [DELAI_ENT]="8"
    [UNITE_INDICATEUR]="%"
    [VALEUR_DEPART]="54"
    [VALEUR_CIBLE]="75"
    [VALEUR_ATTEINTE]="71"
    [NOM_INDICATEUR]="Taux d’usage hebdomadaire de l’ENT par les élèves"
    [COMMENTAIRE_INDICATEUR]="Mesuré sur la dernière semaine de mai."
    [FICHIER_REUNION_1]="college-2026-t1.xml"
    [FICHIER_REUNION_2]="college-2026-t2.xml"
    [DIFFICULTES]="Les demandes d’assistance arrivent encore souvent en dehors du formulaire."
    [PERSPECTIVES]="Porter l’accompagnement des usages à 30 % du temps de la mission."
)

# new_fill IN OUT: every [[NAME]] of IN replaced by ${NEW_VALUES[NAME]}, with
# sed. Names with no value are left as they are, for the check that follows.
new_fill() {
    local script="" name value
    for name in $(grep -o '\[\[[A-Z][A-Z0-9_]*\]\]' "$1" | sort -u | sed 's/^\[\[//; s/\]\]$//'); do
        [ -n "${NEW_VALUES[$name]+set}" ] || continue
        value=$(printf '%s' "${NEW_VALUES[$name]}" | sed 's/[\\|&]/\\&/g')
        script+="s|\\[\\[$name\\]\\]|$value|g"$'\n'
    done
    sed "$script" "$1" >"$2"
}

# new_pdf_text PDF: its text, no-break spaces as plain spaces.
new_pdf_text() { pdftotext -layout "$1" - 2>/dev/null | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g'; }

# new_shows NAME TEXT STRING...: each STRING is in TEXT.
new_shows() {
    local name=$1 text=$2 s; shift 2
    for s in "$@"; do
        grep -qF -- "$s" <<<"$text" && ok "$name shows \"$s\"" || fail "$name lacks \"$s\""
    done
}

for kind in agenda minutes mission-letter activity-report; do
    t="$N/$kind.xml"
    filled="$N/$kind-filled.xml"
    expect_exit "new $kind" 0 "$COPIL" new "$kind"
    cp "$TMP/out" "$t"
    cmp -s "$t" "stylesheets/templates/$kind.xml" && ok "new $kind: the template byte for byte" \
        || fail "new $kind: output differs from stylesheets/templates/$kind.xml"
    if msg=$(xmllint --noout "$t" 2>&1); then ok "new $kind: well-formed"; else fail "new $kind: not well-formed" "$msg"; fi
    grep -q "Mode d’emploi" "$t" && ok "new $kind: notes for the person filling it in" || fail "new $kind: no « Mode d’emploi »"
    # Every blank is [[NAME]], NAME in capitals, digits and _; and there are blanks.
    all=$(grep -o '\[\[' "$t" | wc -l)
    good=$(grep -o '\[\[[A-Z][A-Z0-9_]*\]\]' "$t" | wc -l)
    [ "$all" -gt 0 ] && [ "$all" = "$good" ] && ok "new $kind: $good blanks, all written [[NAME]]" \
        || fail "new $kind: malformed blanks" "$(grep -o '\[\[[^]]*\]*' "$t" | grep -v '^\[\[[A-Z][A-Z0-9_]*\]\]$')"

    # Unfilled, it must not validate: nobody sends a document with a blank in it.
    expect_exit "new $kind: the unfilled template does not validate" 1 "$COPIL" validate "$t"
    grep -qF '<school-year> "[[ANNEE_SCOLAIRE]]" is not valid' "$TMP/err" && ok "new $kind: the blank school year is named" \
        || fail "new $kind: the blank school year is not reported" "$(head -5 "$TMP/err")"

    new_fill "$t" "$filled"
    left=$(grep -o '\[\[[^]]*\]*' "$filled" | sort -u | tr '\n' ' ')
    [ -z "$left" ] && ok "new $kind: every blank has a value in tests/new.sh" \
        || fail "new $kind: blanks without a value in tests/new.sh's table: $left"
    expect_exit "new $kind: filled in, it validates" 0 "$COPIL" validate "$filled"
    expect_exit "new $kind: filled in, it renders" 0 "$COPIL" render "$filled" -o "$N/$kind.pdf"
    [ ! -s "$TMP/err" ] && ok "new $kind: rendered without a warning" || fail "new $kind: render warned" "$(cat "$TMP/err")"
    if qpdf --check "$N/$kind.pdf" >/dev/null 2>&1; then ok "new $kind: qpdf --check"; else fail "new $kind: qpdf --check"; fi
    text=$(new_pdf_text "$N/$kind.pdf")
    grep -qF '[[' <<<"$text" && fail "new $kind: a blank reached the PDF" || ok "new $kind: no blank in the PDF"
    case $kind in
    agenda)
        new_shows "new agenda" "$text" "Convocation" "Ordre du jour" "Collège Jean-Moulin" \
            "Jeudi 14 janvier 2027, de 17 h 30 à 19 h" "Bilan des ateliers ENT" "18 h 20" \
            "Fin de la réunion (prévue à 19 h)" \
            "Documents à lire avant la réunion" "Membres convoqués" "Principale," "présidente de séance" ;;
    minutes)
        new_shows "new minutes" "$text" "Compte rendu" "2e réunion — séance ordinaire" "Présents (3)" "Excusé (1) : M. " \
            "Secrétaire de séance : Mme Claire Lemaire" "Relevé des décisions" "Pour : 5" "Actions décidées" \
            "Objectifs fixés pour la prochaine réunion" "Prochaine réunion" "jeudi 25 mars 2027 à 17 h 30" "Diffusion :" ;;
    mission-letter)
        new_shows "new mission-letter" "$text" "Tours, le 21 septembre 2026" "Objet : lettre de mission" "Madame," \
            "vous êtes désignée" "1. Conseil et pilotage" "soit 2 500 € par an" "La principale" \
            "Le délégué académique au numérique" "Vu et pris connaissance" "Copie à :" ;;
    activity-report)
        new_shows "new activity-report" "$text" "Rapport d’activité 2026–2027" "Mme Claire Lemaire, Professeure certifiée" \
            "Répartition du temps par mission" "Actions et projets" "Formations" "Assistance et maintenance" \
            "Indicateurs" "Difficultés rencontrées" "Perspectives" "Vu, la principale" ;;
    esac
done

# The kinds that are sent come with their usual recipients: the mission
# letter goes to the appointee, the DAN and the gestionnaire, the report to
# the DANE; the académie's office gets the full copy by default (no
# visibility="complet" in the template for it).
for g in "mission-letter:academie" "activity-report:academie"; do
    kind=${g%%:*}
    xmllint --xpath "//*[local-name()='distribution']/*[local-name()='group'][@kind='${g#*:}'][not(@visibility)]" \
        "stylesheets/templates/$kind.xml" >/dev/null 2>&1 \
        && ok "new $kind: an academie group without visibility" || fail "new $kind: no academie group relying on the default"
done
mkdir -p "$N/mail"
cp "$N/mission-letter-filled.xml" "$N/activity-report-filled.xml" "$N/mail/"
expect_exit "new mission-letter, filled in: copil mail's plan" 0 "$COPIL" mail "$N/mail/mission-letter-filled.xml"
grep -qx "1\. L’intéressée (participants): full copy, 1 address" "$TMP/out" \
    && grep -qx "2\. Délégation académique au numérique (academie): full copy, 1 address" "$TMP/out" \
    && grep -qx "   ${NEW_VALUES[COURRIEL_DAN]}" "$TMP/out" \
    && grep -qx "3\. Gestionnaire de l’établissement (personnels): full copy, 1 address" "$TMP/out" \
    && grep -qx "   ${NEW_VALUES[COURRIEL_GESTIONNAIRE]}" "$TMP/out" && ! grep -q "^4\. " "$TMP/out" \
    && ok "new mission-letter: sent to the appointee, the DAN and the gestionnaire, full copies" \
    || fail "new mission-letter: copil mail's plan" "$(cat "$TMP/out" "$TMP/err")"
expect_exit "new activity-report, filled in: copil mail's plan" 0 "$COPIL" mail "$N/mail/activity-report-filled.xml"
grep -qx "1\. Délégation académique au numérique éducatif (academie): full copy, 1 address" "$TMP/out" \
    && grep -qx "   ${NEW_VALUES[COURRIEL_DANE]}" "$TMP/out" && ! grep -q "^2\. " "$TMP/out" \
    && ok "new activity-report: sent to the DANE, full copy" \
    || fail "new activity-report: copil mail's plan" "$(cat "$TMP/out" "$TMP/err")"

# The commented optional parts, uncommented as their notes say, against the
# samples as the files they name.
cp samples/college-2026-t1.xml samples/college-2026-t2.xml samples/lettre-mission-ctice.xml "$N/suite/"
sed 's|<!-- \(<video-link>.*</video-link>\) -->|\1|' "$N/agenda-filled.xml" >"$N/suite/agenda-visio.xml"
grep -q '^ *<video-link>' "$N/suite/agenda-visio.xml" && ok "agenda: the video link example uncomments" \
    || fail "agenda: no commented <video-link> line"
expect_exit "agenda with its video link validates" 0 "$COPIL" validate "$N/suite/agenda-visio.xml"

# The new action takes an id the previous meeting did not use, as the note says;
# every objective of the previous meeting is evaluated (the template's block
# evaluates one: the other two are added).
sed -e 's|<!-- \(<previous [^>]*/>\) -->|\1|' -e 's|<!-- <evaluations>|<evaluations>|' \
    -e 's|</evaluations> -->|<evaluation objective="o1" result="atteint"/><evaluation objective="o3" result="non-atteint"/></evaluations>|' \
    -e 's|<action id="a1"|<action id="a6"|' \
    "$N/minutes-filled.xml" >"$N/suite/minutes-suite.xml"
grep -q '^ *<previous ' "$N/suite/minutes-suite.xml" && grep -q '^ *<evaluations>' "$N/suite/minutes-suite.xml" \
    && ok "minutes: <previous> and <evaluations> uncomment" || fail "minutes: the commented <previous> or <evaluations> is missing"
expect_exit "minutes that follow a previous meeting render" 0 "$COPIL" render "$N/suite/minutes-suite.xml" -o "$N/minutes-suite.pdf"
text=$(new_pdf_text "$N/minutes-suite.pdf")
new_shows "minutes that follow a previous meeting" "$text" "Évaluation des objectifs de la réunion précédente" \
    "Partiellement" "14 enseignants sur" "Suivi des actions de la réunion précédente" "Actions décidées"
obj=$(xmllint --xpath "string(//*[local-name()='objective'][@id='${NEW_VALUES[OBJECTIF_PRECEDENT]}']/*[local-name()='text'])" samples/college-2026-t1.xml)
new_shows "minutes that follow a previous meeting" "$text" "$(echo "$obj" | cut -d' ' -f1-4)"

sed -e 's|<!-- \(<mission-letter [^>]*/>\) -->|\1|' -e 's|<!-- <meetings>|<meetings>|' \
    -e 's|</meetings> -->|</meetings>|' "$N/activity-report-filled.xml" >"$N/suite/report-suite.xml"
grep -q '^ *<mission-letter ' "$N/suite/report-suite.xml" && grep -q '^ *<meetings>' "$N/suite/report-suite.xml" \
    && ok "report: <mission-letter> and <meetings> uncomment" || fail "report: the commented <mission-letter> or <meetings> is missing"
expect_exit "a report that names the year's meetings renders" 0 "$COPIL" render "$N/suite/report-suite.xml" -o "$N/report-suite.pdf"
text=$(new_pdf_text "$N/report-suite.pdf")
new_shows "report with the year's meetings" "$text" "Le comité de pilotage dans l’année"
grep -qE "Réunions tenues +2$" <<<"$text" && ok "report with the year's meetings: 2 meetings held" \
    || fail "report with the year's meetings: not 2 meetings held" "$(grep -F "Réunions tenues" <<<"$text")"

# The command line.
expect_exit "new without KIND is a usage error" 2 "$COPIL" new
grep -q "agenda, minutes, mission-letter or activity-report" "$TMP/err" && ok "new without KIND lists the kinds" \
    || fail "new without KIND: message" "$(cat "$TMP/err")"
[ ! -s "$TMP/out" ] && ok "new without KIND prints nothing on stdout" || fail "new without KIND printed on stdout"
expect_exit "new with an unknown KIND is a usage error" 2 "$COPIL" new convocation
grep -q 'there is no template "convocation": choose agenda, minutes, mission-letter or activity-report' "$TMP/err" \
    && ok "unknown KIND message" || fail "unknown KIND message" "$(cat "$TMP/err")"
expect_exit "new never takes KIND as a path" 2 "$COPIL" new ../../schemas/common
expect_exit "new with two kinds" 2 "$COPIL" new agenda minutes
expect_exit "new with an unknown option" 2 "$COPIL" new --frob agenda
expect_exit "help new" 0 "$COPIL" help new
grep -q "^Usage: copil new KIND" "$TMP/out" && ok "help new text" || fail "help new text" "$(cat "$TMP/out")"
expect_exit "new --help" 0 "$COPIL" new --help
expect_exit "--help" 0 "$COPIL" --help
grep -q "copil new KIND" "$TMP/out" && ok "--help lists new" || fail "--help lists new" "$(cat "$TMP/out")"
got=0
"$COPIL" new agenda >/dev/full 2>"$TMP/err" || got=$?
[ "$got" = 3 ] && grep -q "cannot write the template to standard output" "$TMP/err" \
    && ok "new onto a full disk: exit 3 with a message" || fail "new onto a full disk: exit $got" "$(cat "$TMP/err")"

# The templates come from the data folder: missing there, exit 3 with a
# message; replaced there, the replacement is printed.
mkdir -p "$N/data" && cp -R schemas "$N/data/"
expect_exit "a missing template is an I/O error" 3 env COPIL_DATADIR="$N/data" "$COPIL" new minutes
grep -q "the minutes template is missing from copil's data folder" "$TMP/err" && ok "missing template message" \
    || fail "missing template message" "$(cat "$TMP/err")"
[ ! -s "$TMP/out" ] && ok "a missing template prints nothing on stdout" || fail "a missing template printed on stdout"
mkdir -p "$N/data/stylesheets/templates"
printf '<!-- modèle de l’académie -->\n<meeting/>' >"$N/data/stylesheets/templates/agenda.xml"
expect_exit "a template replaced in COPIL_DATADIR" 0 env COPIL_DATADIR="$N/data" "$COPIL" new agenda
cmp -s "$TMP/out" "$N/data/stylesheets/templates/agenda.xml" && ok "the replaced template is printed byte for byte" \
    || fail "the replaced template is not what was printed"
