#!/usr/bin/env bash
# bench/make-meetings.sh DIR COUNT [ITEMS PARAGRAPHS ACTIONS] — writes COUNT
# meeting files with their record (minutes) into DIR, for the benchmarks:
# DIR/meeting-0001.xml … Each has its own establishment, date and people;
# ITEMS agenda items (at most 50), each discussed in PARAGRAPHS justified
# paragraphs, a decision on every other item and ACTIONS actions (at most
# 200). The defaults (6 items, 2 paragraphs, 12 actions) give a 4-page
# minutes document like the samples. Only bash and awk; the same files on
# every run.
set -eu
if [ $# -lt 2 ] || [ $# -gt 5 ]; then
    echo "usage: $0 DIR COUNT [ITEMS PARAGRAPHS ACTIONS]" >&2
    exit 2
fi
mkdir -p "$1"
awk -v dir="$1" -v count="$2" -v items="${3:-6}" -v paras="${4:-2}" -v actions="${5:-12}" '
function esc(s) { return s }
BEGIN {
    nc = split("Jean-Moulin|Victor-Hugo|Jules-Ferry|Marie-Curie|Simone-Veil|Louise-Michel|Jean-Jaurès|George-Sand|Albert-Camus|Colette", college, "|")
    nv = split("Tours|Blois|Orléans|Chartres|Bourges|Châteauroux|Amboise|Vendôme|Loches|Chinon", city, "|")
    split("Hélène Rousseau|Karim Benali|Claire Lemaire|Julien Moreau|Sophie Garnier|Thomas Perrin|Nathalie Fabre|Olivier Chevalier|Isabelle Dupré", name, "|")
    split("Mme|M.|Mme|M.|Mme|M.|Mme|M.|Mme", civ, "|")
    split("chef-etablissement|adjoint|ctice|aed-tice|gestionnaire|cpe|documentaliste|collectivite|parent", role, "|")
    split("Principale|Principal adjoint|Coordonnatrice TICE|Assistant d’éducation TICE|Gestionnaire|Conseiller principal d’éducation|Professeure documentaliste|Chargé de mission numérique éducatif|Représentante des parents d’élèves", label, "|")
    nt = split("Bilan du cahier de textes de l’ENT|Ateliers de formation des enseignants|Délais de dépannage des salles équipées|Classes mobiles : règles de prêt|Réseau Wi-Fi du bâtiment B|Vidéoprojecteurs : choix de l’offre|Certification Pix des élèves de 3e|Charte d’usage du numérique|Éducation aux médias et à l’information|Protection des données personnelles", title, "|")
    nf = split("pedagogique|technique|financier", family, "|")
    ns = split("Le cahier de textes de l’ENT est désormais renseigné chaque semaine par la plupart des enseignants, ce qui permet aux familles de suivre le travail demandé.|Trois ateliers sur quatre ont eu lieu ; le créneau du mardi midi convient mal à plusieurs disciplines, qui demandent un atelier le mercredi matin.|Le délai moyen de résolution des pannes reste trop long : la panne du commutateur, signalée début décembre, n’est toujours pas réparée.|Le matériel sera prêté par l’atelier Canopé ; les productions des élèves seront publiées sur l’ENT après accord des familles.|Le comité retient un prêt par réservation sur l’ENT, au plus une demi-journée, avec retour en salle B08 pour la recharge des appareils.|L’offre passée par le groupement d’achat départemental est la moins chère et garantie cinq ans, pour 7 140 € TTC les six appareils.|Les élèves de 3e passeront la certification en mars ; deux séances d’entraînement sont prévues en salle informatique au 2e trimestre.|Le délégué à la protection des données rappelle que tout nouveau service en ligne doit être inscrit au registre des traitements avant usage.", sentence, "|")
    nw = split("Fixer les dates des ateliers ENT et publier le calendrier.|Relever les zones mal couvertes par le Wi-Fi et transmettre la demande au Département.|Mettre en service le formulaire unique de signalement des pannes.|Mettre à jour le registre des traitements avec le délégué à la protection des données.|Demander trois devis pour des vidéoprojecteurs à focale courte.|Organiser un atelier supplémentaire le mercredi matin.|Passer commande des vidéoprojecteurs auprès du groupement d’achat.|Recueillir les autorisations des familles pour la diffusion de la webradio.", what, "|")
    ns2 = split("fait|en-cours|a-faire", status, "|")
    for (n = 1; n <= count; n++) {
        file = sprintf("%s/meeting-%04d.xml", dir, n)
        c = college[(n - 1) % nc + 1]; v = city[int((n - 1) / nc) % nv + 1]
        day = (n % 27) + 1; month = (n % 3) + 10
        uai = sprintf("0%02d%04dA", 37 + n % 9, n % 10000)
        print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > file
        print "<meeting xmlns=\"urn:copil:data\" version=\"1\">" > file
        printf "  <establishment kind=\"college\" uai=\"%s\">\n    <name>Collège %s</name>\n    <academie>Académie d’Orléans-Tours</academie>\n", uai, c > file
        printf "    <address>\n      <line>%d rue des Tanneurs</line>\n      <postcode>37000</postcode>\n      <city>%s</city>\n    </address>\n", n % 90 + 1, v > file
        print "    <phone>02 47 12 34 56</phone>\n  </establishment>" > file
        print "  <body kind=\"comite-pilotage-numerique\" scale=\"etablissement\">Comité de pilotage du numérique</body>" > file
        print "  <session number=\"1\" kind=\"ordinaire\"/>\n  <school-year>2026-2027</school-year>" > file
        printf "  <date>2026-%02d-%02d</date>\n  <start>17:30</start>\n  <end>23:30</end>\n  <place>Salle du conseil</place>\n", month, day > file
        print "  <members>" > file
        for (m = 1; m <= 9; m++)
            printf "    <member id=\"m%d\" civility=\"%s\" role=\"%s\" attendance=\"%s\">\n      <name>%s</name>\n      <label>%s</label>\n    </member>\n", m, civ[m], role[m], (m == 8 ? "excuse" : "present"), name[m], label[m] > file
        print "  </members>\n  <chair ref=\"m1\"/>\n  <secretary ref=\"m6\"/>\n  <agenda>" > file
        for (i = 1; i <= items; i++)
            printf "    <item id=\"i%d\" family=\"%s\" kind=\"%s\" presenter=\"m%d\" minutes=\"5\">\n      <title>%s</title>\n    </item>\n", i, family[i % nf + 1], (i % 2 ? "discussion" : "decision"), i % 7 + 1, title[(i + n) % nt + 1] > file
        print "  </agenda>\n  <record>" > file
        for (i = 1; i <= items; i++) {
            printf "    <discussion item=\"i%d\">\n", i > file
            for (p = 1; p <= paras; p++)
                printf "      <p>%s %s</p>\n", sentence[(i + p + n) % ns + 1], sentence[(i * 3 + p) % ns + 1] > file
            print "    </discussion>" > file
        }
        if (items >= 2) {
            print "    <decisions>" > file
            for (i = 2; i <= items; i += 2)
                printf "      <decision number=\"2026-%02d\" item=\"i%d\">\n        <text>Le comité adopte la proposition présentée au point %d.</text>\n      </decision>\n", i / 2, i, i > file
            print "    </decisions>" > file
        }
        if (actions > 0) {
            print "    <actions>" > file
            for (a = 1; a <= actions; a++)
                printf "      <action id=\"a%d\" owner=\"m%d\" due=\"2027-%02d-%02d\" status=\"%s\">\n        <what>%s</what>\n      </action>\n", a, a % 7 + 1, a % 6 + 1, a % 27 + 1, status[a % ns2 + 1], what[(a + n) % nw + 1] > file
            print "    </actions>" > file
        }
        print "  </record>\n</meeting>" > file
        close(file)
    }
}'
