<?xml version="1.0" encoding="UTF-8"?>
<!--
  dashboard.xsl — the académie's dashboard: the figures copil dashboard
  computed from the schools' files (schemas/dashboard.xsd), for one school
  year.

  The essentials first (each share with its numerator and denominator, « 61,5 %
  (123 sur 200) », so that a reader can check it), then a section per theme
  with its charts and their tables — coverage, composition, topics,
  coordinators and their reports, follow-up — and the annexes: the schools
  of the list that sent nothing, the files that could not be used with their
  first problem. Figures only: no person is named.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="db" select="/d:dashboard"/>
  <xsl:variable name="year" select="translate($db/d:school-year, '-', '–')"/>
  <xsl:variable name="f" select="$db/d:figure"/>
  <xsl:variable name="kinds-of-schools">|ecole=Écoles|college=Collèges|lycee=Lycées|lycee-professionnel=Lycées professionnels|sep=SEP|lycee-polyvalent=Lycées polyvalents|cite-scolaire=Cités scolaires|circonscription=Circonscriptions|commune=Communes|communaute-de-communes=Communautés de communes|</xsl:variable>
  <xsl:variable name="kind-of-school">|ecole=École|college=Collège|lycee=Lycée|lycee-professionnel=Lycée professionnel|sep=SEP|lycee-polyvalent=Lycée polyvalent|cite-scolaire=Cité scolaire|circonscription=Circonscription|commune=Commune|communaute-de-communes=Communauté de communes|</xsl:variable>
  <xsl:variable name="total" select="$f[@section = 'etablissements' and @name = 'total']/@n"/>

  <xsl:variable name="created">
    <xsl:call-template name="created">
      <xsl:with-param name="date" select="$db/d:date"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- ===== figures ===== -->

  <!-- The figure section/name. -->
  <xsl:template name="n">
    <xsl:param name="section"/>
    <xsl:param name="name"/>
    <xsl:call-template name="number"><xsl:with-param name="value" select="$f[@section = $section and @name = $name]/@n"/></xsl:call-template>
  </xsl:template>

  <!-- The files a section comes from: « le seul compte rendu », « les 338
       comptes rendus », « aucun compte rendu ». -->
  <xsl:template name="the-files">
    <xsl:param name="fig"/>
    <xsl:param name="one"/>
    <xsl:param name="many"/>
    <xsl:choose>
      <xsl:when test="$fig/@n = 0">aucun <xsl:value-of select="$one"/></xsl:when>
      <xsl:when test="$fig/@n = 1">le seul <xsl:value-of select="$one"/></xsl:when>
      <xsl:otherwise>les <xsl:value-of select="format-number($fig/@n, '#&#x202F;##0', 'fr')"/><xsl:text> </xsl:text><xsl:value-of select="$many"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A share in French, with what it is made of: « 61,5 % (123 sur 200) ». -->
  <xsl:template name="share">
    <xsl:param name="fig"/>
    <xsl:choose>
      <xsl:when test="$fig/@of &gt; 0">
        <xsl:value-of select="format-number(100 * $fig/@n div $fig/@of, '0,0', 'fr')"/>
        <xsl:text>&#x202F;% (</xsl:text>
        <xsl:value-of select="format-number($fig/@n, '#&#x202F;##0', 'fr')"/>
        <xsl:text> sur </xsl:text>
        <xsl:value-of select="format-number($fig/@of, '#&#x202F;##0', 'fr')"/>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A row of a table of figures: its label, its share. -->
  <xsl:template name="row">
    <xsl:param name="label"/>
    <xsl:param name="fig"/>
    <row>
      <cell header="row"><xsl:copy-of select="$label"/></cell>
      <cell style="cell-right"><xsl:call-template name="share"><xsl:with-param name="fig" select="$fig"/></xsl:call-template></cell>
    </row>
  </xsl:template>

  <!-- The percent of a figure, for a chart (a dot, as charts read it). -->
  <xsl:template name="percent">
    <xsl:param name="fig"/>
    <xsl:choose>
      <xsl:when test="$fig/@of &gt; 0"><xsl:value-of select="format-number(100 * $fig/@n div $fig/@of, '0.0')"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of a code figure ("role:ctice" → "Coordonnateur TICE"). -->
  <xsl:template name="code-label">
    <xsl:param name="fig"/>
    <xsl:param name="table"/>
    <xsl:call-template name="label">
      <xsl:with-param name="code" select="substring-after($fig/@name, ':')"/>
      <xsl:with-param name="table" select="$table"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== the document ===== -->

  <xsl:template match="/d:dashboard">
    <document title="Tableau de bord du numérique {$year}"
              author="copil dashboard"
              subject="Les comités de pilotage du numérique des établissements, année scolaire {$year}"
              keywords="tableau de bord, comité de pilotage du numérique, {$year}"
              created="{$created}">
      <xsl:call-template name="page"/>
      <xsl:call-template name="styles"/>
      <first-header>
        <columns gap="8mm">
          <column width="58%">
            <p style="lh-name">Les comités de pilotage du numérique</p>
            <p style="lh-address">Chiffres calculés à partir des fichiers des établissements</p>
          </column>
          <column>
            <p style="lh-right">Tableau de bord</p>
            <p style="lh-right-small">Année scolaire <xsl:value-of select="$year"/></p>
          </column>
        </columns>
      </first-header>
      <header>
        <p style="running">Tableau de bord du numérique — <xsl:value-of select="$year"/></p>
      </header>
      <xsl:call-template name="footer"/>
      <body>
        <h1>Les comités de pilotage du numérique en <xsl:value-of select="$year"/></h1>
        <p style="subtitle">
          <xsl:choose>
            <xsl:when test="@schools = 'list'">
              <xsl:value-of select="format-number($total, '#&#x202F;##0', 'fr')"/> établissements, selon la liste de l’académie ; ceux qui n’ont rien envoyé comptent aussi.
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="format-number($total, '#&#x202F;##0', 'fr')"/> établissements vus dans les fichiers. La liste de l’académie n’a pas été donnée : chaque part porte sur ces seuls établissements.
            </xsl:otherwise>
          </xsl:choose>
        </p>
        <p>
          <xsl:text>Chiffres établis d’après </xsl:text>
          <xsl:call-template name="n"><xsl:with-param name="section" select="'fichiers'"/><xsl:with-param name="name" select="'exploitables'"/></xsl:call-template>
          <xsl:text> fichiers de l’année</xsl:text>
          <xsl:if test="d:date">
            <xsl:text>, le dernier du </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="d:date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
          </xsl:if>
          <xsl:text>. </xsl:text>
          <xsl:variable name="bad" select="$f[@section = 'fichiers' and @name = 'non_exploitables']/@n"/>
          <xsl:variable name="other" select="$f[@section = 'fichiers' and @name = 'autre_annee']/@n"/>
          <xsl:choose>
            <xsl:when test="$bad &gt; 0 or $other &gt; 0">
              <xsl:text>Ne sont pas comptés : </xsl:text>
              <xsl:if test="$bad &gt; 0">
                <xsl:call-template name="count"><xsl:with-param name="n" select="number($bad)"/><xsl:with-param name="word" select="'fichier'"/></xsl:call-template>
                <xsl:text> non exploitable</xsl:text><xsl:if test="$bad &gt;= 2">s</xsl:if>
                <xsl:text> (voir l’annexe)</xsl:text>
                <xsl:if test="$other &gt; 0">, </xsl:if>
              </xsl:if>
              <xsl:if test="$other &gt; 0">
                <xsl:call-template name="count"><xsl:with-param name="n" select="number($other)"/><xsl:with-param name="word" select="'fichier'"/></xsl:call-template>
                <xsl:text> d’une autre année</xsl:text>
              </xsl:if>
              <xsl:text>. </xsl:text>
            </xsl:when>
            <xsl:otherwise>Chaque fichier lu a été compté. </xsl:otherwise>
          </xsl:choose>
          <xsl:text>Chaque part est suivie de son numérateur et de son dénominateur.</xsl:text>
        </p>

        <h2>L’essentiel</h2>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Mesure</cell><cell>Part</cell></row></head>
          <xsl:call-template name="row"><xsl:with-param name="label">Établissements dont le comité s’est réuni (compte rendu à l’appui)</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'couverture' and @name = 'comite_reuni']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Comités réunis au moins une fois par trimestre</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'couverture' and @name = 'chaque_trimestre']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Comités de 5 à 8 membres présents</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'composition' and @name = 'presents_5_8']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Coordonnateurs (CTICE) munis d’une lettre de mission</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'coordonnateur' and @name = 'lettre_de_mission']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Coordonnateurs ayant écrit un rapport d’activité</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'coordonnateur' and @name = 'rapport_activite']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Actions réalisées, au dernier comité de l’année</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'actions_faites']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Objectifs évalués atteints</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'objectifs_atteints']"/></xsl:call-template>
        </table>

        <h2>Les établissements et leurs comités</h2>
        <xsl:variable name="by-kind" select="$f[@section = 'etablissements' and starts-with(@name, 'type:')]"/>
        <chart kind="donut" title="Établissements par type" height="48mm">
          <xsl:for-each select="$by-kind[position() &lt;= 40]">
            <point values="{@n}">
              <xsl:attribute name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$kinds-of-schools"/></xsl:call-template></xsl:attribute>
            </point>
          </xsl:for-each>
        </chart>
        <xsl:variable name="meetings" select="$f[@section = 'couverture' and starts-with(@name, 'reunions_')]"/>
        <chart kind="bar" title="Réunions tenues dans l’année, par établissement" unit="%" max="100" height="50mm">
          <xsl:for-each select="$meetings">
            <point values="{format-number(100 * @n div @of, '0.0')}">
              <xsl:attribute name="label">
                <xsl:choose>
                  <xsl:when test="@name = 'reunions_0'">aucune</xsl:when>
                  <xsl:when test="@name = 'reunions_1'">une</xsl:when>
                  <xsl:when test="@name = 'reunions_2'">deux</xsl:when>
                  <xsl:otherwise>trois ou plus</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </point>
          </xsl:for-each>
        </chart>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Établissements</cell><cell>Part</cell></row></head>
          <xsl:for-each select="$by-kind">
            <xsl:call-template name="row"><xsl:with-param name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$kinds-of-schools"/></xsl:call-template></xsl:with-param><xsl:with-param name="fig" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="@schools = 'list'">
            <xsl:call-template name="row"><xsl:with-param name="label">Aucun document reçu pour l’année</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'etablissements' and @name = 'aucun_document']"/></xsl:call-template>
          </xsl:if>
          <xsl:for-each select="$meetings">
            <xsl:call-template name="row">
              <xsl:with-param name="label">
                <xsl:choose>
                  <xsl:when test="@name = 'reunions_0'">Aucune réunion tenue</xsl:when>
                  <xsl:when test="@name = 'reunions_1'">Une réunion tenue</xsl:when>
                  <xsl:when test="@name = 'reunions_2'">Deux réunions tenues</xsl:when>
                  <xsl:otherwise>Trois réunions tenues ou plus</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="fig" select="."/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="row"><xsl:with-param name="label">Au moins une réunion par trimestre</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'couverture' and @name = 'chaque_trimestre']"/></xsl:call-template>
        </table>

        <h2>La composition des comités</h2>
        <p>
          <xsl:text>D’après </xsl:text>
          <xsl:call-template name="the-files"><xsl:with-param name="fig" select="$f[@section = 'couverture' and @name = 'comptes_rendus']"/><xsl:with-param name="one" select="'compte rendu'"/><xsl:with-param name="many" select="'comptes rendus'"/></xsl:call-template>
          <xsl:text> de l’année, parmi les établissements dont le comité s’est réuni : nombre habituel de membres présents (la médiane de ses réunions ; un membre représenté n’est pas compté présent), et part des comités où chaque fonction a siégé au moins une fois.</xsl:text>
        </p>
        <xsl:variable name="sizes" select="$f[@section = 'composition' and starts-with(@name, 'presents_')]"/>
        <chart kind="bar" title="Membres présents par réunion" unit="%" max="100" height="46mm">
          <xsl:for-each select="$sizes">
            <point>
              <xsl:attribute name="label">
                <xsl:choose>
                  <xsl:when test="@name = 'presents_1_4'">1 à 4</xsl:when>
                  <xsl:when test="@name = 'presents_5_8'">5 à 8</xsl:when>
                  <xsl:when test="@name = 'presents_9_12'">9 à 12</xsl:when>
                  <xsl:otherwise>13 ou plus</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:attribute name="values"><xsl:call-template name="percent"><xsl:with-param name="fig" select="."/></xsl:call-template></xsl:attribute>
            </point>
          </xsl:for-each>
        </chart>
        <xsl:variable name="roles-present" select="$f[@section = 'composition' and starts-with(@name, 'role:')]"/>
        <xsl:if test="$roles-present">
          <chart kind="hbar" title="Fonctions présentes au comité" unit="%" max="100" height="{20 + 6 * count($roles-present[position() &lt;= 40])}mm">
            <xsl:for-each select="$roles-present[position() &lt;= 40]">
              <point>
                <xsl:attribute name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$roles"/></xsl:call-template></xsl:attribute>
                <xsl:attribute name="values"><xsl:call-template name="percent"><xsl:with-param name="fig" select="."/></xsl:call-template></xsl:attribute>
              </point>
            </xsl:for-each>
          </chart>
        </xsl:if>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Composition</cell><cell>Part des comités</cell></row></head>
          <xsl:for-each select="$sizes">
            <xsl:call-template name="row">
              <xsl:with-param name="label">
                <xsl:choose>
                  <xsl:when test="@name = 'presents_1_4'">1 à 4 membres présents</xsl:when>
                  <xsl:when test="@name = 'presents_5_8'">5 à 8 membres présents</xsl:when>
                  <xsl:when test="@name = 'presents_9_12'">9 à 12 membres présents</xsl:when>
                  <xsl:otherwise>13 membres présents ou plus</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="fig" select="."/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$roles-present">
            <xsl:call-template name="row"><xsl:with-param name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$roles"/></xsl:call-template></xsl:with-param><xsl:with-param name="fig" select="."/></xsl:call-template>
          </xsl:for-each>
        </table>

        <h2>Les sujets traités</h2>
        <p>
          <xsl:text>Les points de l’ordre du jour des réunions tenues, par famille et par nature, d’après </xsl:text>
          <xsl:call-template name="the-files"><xsl:with-param name="fig" select="$f[@section = 'couverture' and @name = 'comptes_rendus']"/><xsl:with-param name="one" select="'compte rendu'"/><xsl:with-param name="many" select="'comptes rendus'"/></xsl:call-template>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:variable name="fams" select="$f[@section = 'sujets' and starts-with(@name, 'famille:')]"/>
        <xsl:variable name="natures" select="$f[@section = 'sujets' and starts-with(@name, 'nature:')]"/>
        <columns gap="8mm">
          <column>
            <chart kind="donut" title="Points par famille" height="46mm">
              <xsl:for-each select="$fams">
                <point values="{@n}"><xsl:attribute name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$families"/></xsl:call-template></xsl:attribute></point>
              </xsl:for-each>
            </chart>
          </column>
          <column>
            <chart kind="donut" title="Points par nature" height="46mm">
              <xsl:for-each select="$natures">
                <point values="{@n}"><xsl:attribute name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$item-kinds"/></xsl:call-template></xsl:attribute></point>
              </xsl:for-each>
            </chart>
          </column>
        </columns>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Points de l’ordre du jour</cell><cell>Part</cell></row></head>
          <xsl:for-each select="$fams">
            <xsl:call-template name="row"><xsl:with-param name="label">Famille : <xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$families"/></xsl:call-template></xsl:with-param><xsl:with-param name="fig" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$natures">
            <xsl:call-template name="row"><xsl:with-param name="label">Nature : <xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$item-kinds"/></xsl:call-template></xsl:with-param><xsl:with-param name="fig" select="."/></xsl:call-template>
          </xsl:for-each>
        </table>

        <h2>Les coordonnateurs et leurs rapports</h2>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Coordonnateur pour le numérique (CTICE)</cell><cell>Part</cell></row></head>
          <xsl:call-template name="row"><xsl:with-param name="label">Établissements dont le coordonnateur est connu</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'coordonnateur' and @name = 'ctice_connu']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">… dont le coordonnateur a une lettre de mission</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'coordonnateur' and @name = 'lettre_de_mission']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">… dont le coordonnateur a écrit un rapport d’activité</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'coordonnateur' and @name = 'rapport_activite']"/></xsl:call-template>
        </table>
        <p>
          <xsl:text>D’après </xsl:text>
          <xsl:call-template name="the-files"><xsl:with-param name="fig" select="$f[@section = 'rapports' and @name = 'rapports']"/><xsl:with-param name="one" select="'rapport d’activité'"/><xsl:with-param name="many" select="'rapports d’activité'"/></xsl:call-template>
          <xsl:text> de l’année :</xsl:text>
        </p>
        <xsl:variable name="shares" select="$f[@section = 'rapports' and starts-with(@name, 'temps:')]"/>
        <xsl:if test="$shares[@of &gt; 0]">
          <!-- bars, not a donut: seven axes would repeat a colour -->
          <chart kind="hbar" title="Part moyenne du temps par mission, d’après les rapports" unit="%" max="100" height="{20 + 6 * count($shares)}mm">
            <xsl:for-each select="$shares">
              <point values="{format-number(@n div @of, '0.0')}"><xsl:attribute name="label"><xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$axes"/></xsl:call-template></xsl:attribute></point>
            </xsl:for-each>
          </chart>
        </xsl:if>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>D’après les rapports d’activité</cell><cell>Chiffre</cell></row></head>
          <row><cell header="row">Formations : sessions</cell><cell style="cell-right"><xsl:call-template name="n"><xsl:with-param name="section" select="'rapports'"/><xsl:with-param name="name" select="'formations_sessions'"/></xsl:call-template></cell></row>
          <row><cell header="row">Formations : heures</cell><cell style="cell-right"><xsl:call-template name="n"><xsl:with-param name="section" select="'rapports'"/><xsl:with-param name="name" select="'formations_heures'"/></xsl:call-template></cell></row>
          <row><cell header="row">Formations : participations</cell><cell style="cell-right"><xsl:call-template name="n"><xsl:with-param name="section" select="'rapports'"/><xsl:with-param name="name" select="'formations_participations'"/></xsl:call-template></cell></row>
          <xsl:call-template name="row"><xsl:with-param name="label">Sessions animées en interne</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'rapports' and @name = 'formations_internes']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Sessions animées par un intervenant extérieur</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'rapports' and @name = 'formations_externes']"/></xsl:call-template>
          <xsl:for-each select="$f[@section = 'rapports' and starts-with(@name, 'demandes:')]">
            <xsl:call-template name="row"><xsl:with-param name="label">Demandes d’assistance : <xsl:call-template name="code-label"><xsl:with-param name="fig" select="."/><xsl:with-param name="table" select="$supports"/></xsl:call-template></xsl:with-param><xsl:with-param name="fig" select="."/></xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="row"><xsl:with-param name="label">Indicateurs atteints</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'rapports' and @name = 'indicateurs_atteints']"/></xsl:call-template>
        </table>

        <h2>Le suivi des décisions, des actions et des objectifs</h2>
        <p>
          <xsl:call-template name="n"><xsl:with-param name="section" select="'suivi'"/><xsl:with-param name="name" select="'decisions'"/></xsl:call-template>
          <xsl:text> décisions prises. Les actions sont comptées telles que le dernier comité de l’année de chaque établissement les a laissées ; une action en retard est ouverte et échue à la date de ce comité.</xsl:text>
        </p>
        <table>
          <col width="3*"/><col width="45mm"/>
          <head><row><cell>Suivi</cell><cell>Part</cell></row></head>
          <xsl:call-template name="row"><xsl:with-param name="label">Actions réalisées</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'actions_faites']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Actions à faire ou en cours</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'actions_ouvertes']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">… dont en retard</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'actions_en_retard']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Actions abandonnées</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'actions_abandonnees']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Objectifs évalués atteints</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'objectifs_atteints']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Objectifs évalués partiellement atteints</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'objectifs_partiellement_atteints']"/></xsl:call-template>
          <xsl:call-template name="row"><xsl:with-param name="label">Objectifs évalués non atteints</xsl:with-param><xsl:with-param name="fig" select="$f[@section = 'suivi' and @name = 'objectifs_non_atteints']"/></xsl:call-template>
        </table>

        <xsl:if test="d:silent/d:school">
          <h2>Annexe : établissements sans document reçu</h2>
          <table>
            <col width="24mm"/><col width="3*"/><col width="40mm"/>
            <head><row><cell>UAI</cell><cell>Établissement</cell><cell>Type</cell></row></head>
            <xsl:for-each select="d:silent/d:school">
              <row>
                <cell><xsl:value-of select="@uai"/></cell>
                <cell header="row"><xsl:value-of select="."/></cell>
                <cell><xsl:call-template name="label"><xsl:with-param name="code" select="@kind"/><xsl:with-param name="table" select="$kind-of-school"/></xsl:call-template></cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>
        <h2>Annexe : fichiers non exploitables</h2>
        <xsl:choose>
          <xsl:when test="d:unusable/d:file">
            <p>Chacun avec son premier problème, tel que copil validate le signale ; corrigé, le fichier sera compté au prochain tableau de bord.</p>
            <table>
              <col width="2*"/><col width="3*"/>
              <head><row><cell>Fichier</cell><cell>Premier problème</cell></row></head>
              <xsl:for-each select="d:unusable/d:file">
                <row>
                  <cell header="row"><xsl:value-of select="@path"/></cell>
                  <cell><xsl:value-of select="."/></cell>
                </row>
              </xsl:for-each>
            </table>
          </xsl:when>
          <xsl:otherwise><p>Aucun : chaque fichier lu a pu être compté.</p></xsl:otherwise>
        </xsl:choose>
      </body>
    </document>
  </xsl:template>
</xsl:stylesheet>
