<?xml version="1.0" encoding="UTF-8"?>
<!--
  activity-report.xsl — the coordinator's year-end activity report.

  Identification (with a reference to the mission letter the report
  answers, its date and title read from its file), summary, share of time
  per mission, actions, trainings (with totals: sessions, hours,
  participants, inside and outside trainers),
  support and maintenance, indicators against their targets, the committee's
  year computed from the meeting files the report names (meetings, attendance
  rate, decisions, actions each at its latest follow-up, objectives reached /
  partly / not reached), difficulties,
  outlook, the place and date (the establishment's city, the end of the
  school year), the author's signature and the principal's visa.

  Figures are shown as tables for now; the charts of issue 4 will stand
  beside them.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="rep" select="/d:activity-report"/>
  <xsl:variable name="meetings" select="document($rep/d:meetings/d:meeting-file/@href)/d:meeting"/>
  <!-- the mission letter this report answers (the loader admits only a mission letter) -->
  <xsl:variable name="letter" select="document($rep/d:mission-letter/@href)/d:mission-letter"/>
  <xsl:variable name="author" select="$rep/d:author"/>
  <xsl:variable name="principal" select="$rep/d:signatories/d:signatory[@role = 'chef-etablissement']"/>
  <xsl:variable name="year" select="translate($rep/d:school-year, '-', '–')"/>
  <!-- The report's date: the data has none of its own, so the end of its
       school year (30 June), the date the PDF carries too; never the clock. -->
  <xsl:variable name="report-date" select="concat(substring($rep/d:school-year, 6, 4), '-06-30')"/>
  <!-- "de la coordonnatrice pour le numérique" for a CTICE, else "de Mme …" -->
  <xsl:variable name="of-author">
    <xsl:choose>
      <xsl:when test="$author/@role = 'ctice'"><xsl:call-template name="agree"><xsl:with-param name="word" select="'du-coordonnateur'"/><xsl:with-param name="who" select="$author"/></xsl:call-template> pour le numérique</xsl:when>
      <xsl:otherwise>de <xsl:call-template name="person"><xsl:with-param name="p" select="$author"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="created">
    <xsl:call-template name="created">
      <xsl:with-param name="date" select="$report-date"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/d:activity-report">
    <document title="Rapport d’activité {$year} — {$author/@civility} {$author/d:name}"
              author="{$author/@civility} {$author/d:name}"
              subject="Rapport d’activité {$of-author}, {$rep/d:establishment/d:name}"
              keywords="rapport d’activité, numérique, {$year}"
              created="{$created}">
      <xsl:call-template name="page"/>
      <xsl:call-template name="styles"/>
      <xsl:call-template name="letterhead">
        <xsl:with-param name="right-title">Rapport d’activité</xsl:with-param>
        <xsl:with-param name="right-lines">Année scolaire <xsl:value-of select="$year"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="running-header">
        <xsl:with-param name="text">Rapport d’activité <xsl:value-of select="$year"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="footer"/>
      <body>
        <h1>Rapport d’activité <xsl:value-of select="$year"/></h1>
        <p style="subtitle">
          <xsl:call-template name="person"><xsl:with-param name="p" select="$author"/></xsl:call-template>
          <xsl:if test="$author/d:grade">, <xsl:value-of select="$author/d:grade"/></xsl:if>
          <xsl:if test="$author/d:discipline"> (<xsl:value-of select="$author/d:discipline"/>)</xsl:if>
        </p>
        <xsl:if test="$letter">
          <p style="reference">
            <xsl:text>Lettre de mission du </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$letter/d:date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
            <xsl:text> : </xsl:text><xsl:call-template name="in-sentence"><xsl:with-param name="s" select="normalize-space($letter/d:mission-title)"/></xsl:call-template>
          </p>
        </xsl:if>

        <h2>Synthèse</h2>
        <xsl:apply-templates select="$rep/d:summary/*" mode="text"/>

        <h2>Répartition du temps par mission</h2>
        <chart kind="donut" title="Part du temps de travail consacrée à chaque mission" unit="%" height="48mm">
          <xsl:for-each select="$rep/d:time-shares/d:share[position() &lt;= 40]">
            <point values="{@percent}">
              <xsl:attribute name="label"><xsl:call-template name="label"><xsl:with-param name="code" select="@axis"/><xsl:with-param name="table" select="$axes"/></xsl:call-template></xsl:attribute>
            </point>
          </xsl:for-each>
        </chart>
        <table>
          <col width="3*"/><col width="20mm"/><col width="3*"/>
          <head><row><cell>Mission</cell><cell>Part</cell><cell>Détail</cell></row></head>
          <xsl:for-each select="$rep/d:time-shares/d:share">
            <row>
              <cell header="row"><xsl:call-template name="label"><xsl:with-param name="code" select="@axis"/><xsl:with-param name="table" select="$axes"/></xsl:call-template></cell>
              <cell style="cell-right"><xsl:call-template name="number"><xsl:with-param name="value" select="@percent"/></xsl:call-template> %</cell>
              <cell><xsl:value-of select="normalize-space(.)"/></cell>
            </row>
          </xsl:for-each>
        </table>

        <xsl:if test="$rep/d:actions">
          <h2>Actions et projets</h2>
          <table>
            <col width="3*"/><col width="22mm"/><col width="20mm"/><col width="30mm"/>
            <head><row><cell>Action</cell><cell>Domaine</cell><cell>Statut</cell><cell>Date</cell></row></head>
            <xsl:for-each select="$rep/d:actions/d:action">
              <row>
                <cell><p style="ct"><b><xsl:value-of select="d:title"/></b></p><xsl:apply-templates select="d:description/*" mode="text"><xsl:with-param name="style" select="'ct'"/></xsl:apply-templates></cell>
                <cell><xsl:call-template name="label"><xsl:with-param name="code" select="@family"/><xsl:with-param name="table" select="$families"/></xsl:call-template></cell>
                <cell><xsl:call-template name="label"><xsl:with-param name="code" select="@status"/><xsl:with-param name="table" select="$action-statuses"/></xsl:call-template></cell>
                <cell><xsl:if test="@date"><xsl:call-template name="date"><xsl:with-param name="iso" select="@date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:if></cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:if test="$rep/d:trainings">
          <xsl:variable name="t" select="$rep/d:trainings/d:training"/>
          <h2>Formations</h2>
          <table>
            <col width="30mm"/><col width="3*"/><col width="2*"/><col width="14mm"/><col width="22mm"/>
            <head><row><cell>Date</cell><cell>Formation</cell><cell>Formateur</cell><cell>Durée</cell><cell>Participants</cell></row></head>
            <xsl:for-each select="$t">
              <row>
                <cell><xsl:call-template name="date"><xsl:with-param name="iso" select="@date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></cell>
                <cell><p style="ct"><xsl:value-of select="d:title"/></p><p style="ct-small"><xsl:value-of select="d:audience"/></p></cell>
                <cell><xsl:value-of select="d:trainer-name"/><xsl:choose><xsl:when test="@trainer = 'interne'"> (interne)</xsl:when><xsl:otherwise> (externe)</xsl:otherwise></xsl:choose></cell>
                <cell style="cell-right"><xsl:call-template name="number"><xsl:with-param name="value" select="@hours"/></xsl:call-template> h</cell>
                <cell style="cell-right"><xsl:value-of select="@participants"/></cell>
              </row>
            </xsl:for-each>
          </table>
          <p>
            <xsl:call-template name="count"><xsl:with-param name="n" select="count($t)"/><xsl:with-param name="word" select="'session'"/></xsl:call-template>,
            <xsl:call-template name="number"><xsl:with-param name="value" select="sum($t/@hours)"/></xsl:call-template> heure<xsl:if test="sum($t/@hours) &gt;= 2">s</xsl:if> de formation,
            <xsl:call-template name="count"><xsl:with-param name="n" select="sum($t/@participants)"/><xsl:with-param name="word" select="'participation'"/></xsl:call-template> ;
            formateur interne : <xsl:call-template name="count"><xsl:with-param name="n" select="count($t[@trainer = 'interne'])"/><xsl:with-param name="word" select="'session'"/></xsl:call-template>
            et <xsl:call-template name="count"><xsl:with-param name="n" select="sum($t[@trainer = 'interne']/@participants)"/><xsl:with-param name="word" select="'participation'"/></xsl:call-template> ;
            formateurs extérieurs : <xsl:call-template name="count"><xsl:with-param name="n" select="count($t[@trainer = 'externe'])"/><xsl:with-param name="word" select="'session'"/></xsl:call-template>
            et <xsl:call-template name="count"><xsl:with-param name="n" select="sum($t[@trainer = 'externe']/@participants)"/><xsl:with-param name="word" select="'participation'"/></xsl:call-template>.
          </p>
        </xsl:if>

        <xsl:if test="$rep/d:support">
          <h2>Assistance et maintenance</h2>
          <table>
            <col width="2*"/><col width="20mm"/><col width="26mm"/><col width="3*"/>
            <head><row><cell>Catégorie</cell><cell>Demandes</cell><cell>Délai habituel</cell><cell>Remarque</cell></row></head>
            <xsl:for-each select="$rep/d:support/d:category">
              <row>
                <cell header="row"><xsl:call-template name="label"><xsl:with-param name="code" select="@code"/><xsl:with-param name="table" select="$supports"/></xsl:call-template></cell>
                <cell style="cell-right"><xsl:value-of select="@count"/></cell>
                <cell style="cell-right"><xsl:if test="@typical-delay-hours"><xsl:call-template name="number"><xsl:with-param name="value" select="@typical-delay-hours"/></xsl:call-template> h</xsl:if></cell>
                <cell><xsl:value-of select="normalize-space(.)"/></cell>
              </row>
            </xsl:for-each>
            <row><cell header="row"><b>Total</b></cell><cell style="cell-right"><b><xsl:value-of select="sum($rep/d:support/d:category/@count)"/></b></cell><cell/><cell/></row>
          </table>
        </xsl:if>

        <xsl:if test="$rep/d:indicators">
          <h2>Indicateurs</h2>
          <!-- One chart per unit: a percentage and a delay in hours do not
               share an axis. -->
          <xsl:for-each select="$rep/d:indicators/d:indicator[not(@unit = preceding-sibling::d:indicator/@unit)]">
            <xsl:variable name="unit" select="@unit"/>
            <xsl:variable name="same" select="../d:indicator[@unit = $unit][position() &lt;= 40]"/>
            <chart kind="grouped" unit="{$unit}" height="{38 + 12 * (count($same) &gt; 2)}mm">
              <xsl:attribute name="title">Valeur atteinte et cible (<xsl:value-of select="$unit"/>)</xsl:attribute>
              <xsl:if test="$unit = '%'"><xsl:attribute name="max">100</xsl:attribute></xsl:if>
              <series name="Valeur atteinte"/>
              <series name="Cible"/>
              <xsl:for-each select="$same">
                <point label="{normalize-space(d:name)}" values="{@value} {@target}"/>
              </xsl:for-each>
            </chart>
          </xsl:for-each>
          <table>
            <col width="3*"/><col width="22mm"/><col width="22mm"/><col width="22mm"/><col width="2*"/>
            <head><row><cell>Indicateur</cell><cell>Départ</cell><cell>Cible</cell><cell>Valeur</cell><cell>Commentaire</cell></row></head>
            <xsl:for-each select="$rep/d:indicators/d:indicator">
              <row>
                <cell header="row"><xsl:value-of select="d:name"/></cell>
                <cell style="cell-right"><xsl:if test="@baseline"><xsl:call-template name="number"><xsl:with-param name="value" select="@baseline"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@unit"/></xsl:if></cell>
                <cell style="cell-right"><xsl:call-template name="number"><xsl:with-param name="value" select="@target"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@unit"/></cell>
                <cell style="cell-right"><b><xsl:call-template name="number"><xsl:with-param name="value" select="@value"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@unit"/></b></cell>
                <cell><xsl:value-of select="d:comment"/></cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:if test="$meetings">
          <xsl:variable name="members" select="$meetings/d:members/d:member"/>
          <xsl:variable name="came" select="$members[@attendance = 'present' or @attendance = 'represente']"/>
          <xsl:variable name="evals" select="$meetings/d:record/d:evaluations/d:evaluation"/>
          <!-- Each action once, at its latest state: an action the next
               meeting of the year's files follows up (an action with the
               same id in a meeting that names a previous one) counts there,
               not here. One letter per action: F fait, E en cours, A à
               faire, X abandonné. -->
          <xsl:variable name="states">
            <xsl:for-each select="$meetings/d:record/d:actions/d:action">
              <xsl:variable name="id" select="@id"/>
              <xsl:variable name="day" select="number(translate(ancestor::d:meeting/d:date, '-', ''))"/>
              <xsl:variable name="followed">
                <xsl:for-each select="$meetings[number(translate(d:date, '-', '')) &gt; $day]">
                  <xsl:sort select="d:date"/>
                  <xsl:if test="position() = 1 and d:previous and d:record/d:actions/d:action[@id = $id]">yes</xsl:if>
                </xsl:for-each>
              </xsl:variable>
              <xsl:if test="not(string($followed))">
                <xsl:value-of select="substring-before(substring-after('|a-faire=A|en-cours=E|fait=F|abandonne=X|', concat('|', @status, '=')), '|')"/>
              </xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <h2>Le comité de pilotage dans l’année</h2>
          <table>
            <col width="3*"/><col width="28mm"/>
            <head><row><cell>Mesure (d’après les comptes rendus)</cell><cell>Valeur</cell></row></head>
            <row><cell header="row">Réunions tenues</cell><cell style="cell-right"><xsl:value-of select="count($meetings[d:record])"/></cell></row>
            <row><cell header="row">Taux de présence (présents et représentés)</cell><cell style="cell-right">
              <xsl:choose>
                <xsl:when test="count($members[@attendance])"><xsl:value-of select="format-number(100 * count($came) div count($members[@attendance]), '0', 'fr')"/> %</xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose></cell></row>
            <row><cell header="row">Décisions prises</cell><cell style="cell-right"><xsl:value-of select="count($meetings/d:record/d:decisions/d:decision)"/></cell></row>
            <row><cell header="row">Actions décidées (chacune comptée une fois)</cell><cell style="cell-right"><xsl:value-of select="string-length($states)"/></cell></row>
            <row><cell header="row">Actions réalisées, au dernier suivi</cell><cell style="cell-right"><xsl:value-of select="string-length($states) - string-length(translate($states, 'F', ''))"/></cell></row>
            <row><cell header="row">Actions en cours ou à faire, au dernier suivi</cell><cell style="cell-right"><xsl:value-of select="string-length($states) - string-length(translate($states, 'EA', ''))"/></cell></row>
            <xsl:if test="contains($states, 'X')">
              <row><cell header="row">Actions abandonnées, au dernier suivi</cell><cell style="cell-right"><xsl:value-of select="string-length($states) - string-length(translate($states, 'X', ''))"/></cell></row>
            </xsl:if>
            <row><cell header="row">Objectifs fixés</cell><cell style="cell-right"><xsl:value-of select="count($meetings/d:record/d:objectives/d:objective)"/></cell></row>
            <row><cell header="row">Objectifs évalués : atteints</cell><cell style="cell-right"><xsl:value-of select="count($evals[@result = 'atteint'])"/></cell></row>
            <row><cell header="row">Objectifs évalués : partiellement atteints</cell><cell style="cell-right"><xsl:value-of select="count($evals[@result = 'partiellement-atteint'])"/></cell></row>
            <row><cell header="row">Objectifs évalués : non atteints</cell><cell style="cell-right"><xsl:value-of select="count($evals[@result = 'non-atteint'])"/></cell></row>
          </table>
        </xsl:if>

        <xsl:if test="$rep/d:difficulties">
          <h2>Difficultés rencontrées</h2>
          <xsl:apply-templates select="$rep/d:difficulties/*" mode="text"/>
        </xsl:if>
        <xsl:if test="$rep/d:outlook">
          <h2>Perspectives</h2>
          <xsl:apply-templates select="$rep/d:outlook/*" mode="text"/>
        </xsl:if>

        <spacer height="8mm"/>
        <keep>
          <p style="signature">Fait à <xsl:value-of select="$rep/d:establishment/d:address/d:city"/>, le <xsl:call-template name="date"><xsl:with-param name="iso" select="$report-date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></p>
          <spacer height="5mm"/>
          <columns gap="14mm">
            <xsl:for-each select="$rep/d:signatories/d:signatory">
              <column>
                <signature id="Signature-{@role}" space="22mm">
                  <role><xsl:value-of select="d:title"/></role>
                  <name><xsl:call-template name="person"><xsl:with-param name="p" select="."/></xsl:call-template></name>
                </signature>
              </column>
            </xsl:for-each>
          </columns>
        </keep>
      </body>
    </document>
  </xsl:template>

</xsl:stylesheet>
