<?xml version="1.0" encoding="UTF-8"?>
<!--
  agenda.xsl — a meeting → its agenda and convocation (ordre du jour).

  Printed from the planned part of the meeting file: body, session, date,
  start and planned end, place or video link, invitees, the numbered items
  with their start times computed from the planned durations, presenters,
  families and kinds, and the documents to read beforehand. Signed by the
  chair. The record, if any, is ignored here.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="m" select="/d:meeting"/>
  <xsl:variable name="start" select="number(substring-before($m/d:start, ':')) * 60 + number(substring-after($m/d:start, ':'))"/>
  <xsl:variable name="end" select="number(substring-before($m/d:end, ':')) * 60 + number(substring-after($m/d:end, ':'))"/>
  <xsl:variable name="date-text">
    <xsl:call-template name="date"><xsl:with-param name="iso" select="$m/d:date"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="body-text"><xsl:call-template name="body-name"/></xsl:variable>
  <xsl:variable name="chair" select="$m/d:members/d:member[@id = $m/d:chair/@ref]"/>
  <!-- Members named as guests of a point, then outside guests. -->
  <xsl:variable name="guests" select="$m/d:members/d:member[@id = $m/d:agenda//d:guest/@ref] | $m/d:agenda//d:guest[not(@ref)]"/>

  <xsl:variable name="created">
    <xsl:call-template name="created">
      <xsl:with-param name="date" select="$m/d:date"/>
      <xsl:with-param name="time" select="$m/d:start"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/d:meeting">
    <document title="Ordre du jour — {$body-text} — {$date-text}"
              author="{$chair/@civility} {$chair/d:name}"
              subject="Convocation et ordre du jour, {$m/d:establishment/d:name}, année scolaire {$m/d:school-year}"
              keywords="ordre du jour, convocation, {$body-text}"
              created="{$created}">
      <xsl:call-template name="page"/>
      <xsl:call-template name="styles"/>
      <xsl:call-template name="letterhead">
        <xsl:with-param name="right-title">Convocation<br/>et ordre du jour</xsl:with-param>
        <xsl:with-param name="right-lines">Année scolaire <xsl:value-of select="translate($m/d:school-year, '-', '–')"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="running-header">
        <xsl:with-param name="text">Ordre du jour du <xsl:value-of select="$date-text"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="footer"/>
      <body>
        <h1><xsl:value-of select="$body-text"/></h1>
        <p style="subtitle">
          <xsl:call-template name="ordinal-f"><xsl:with-param name="n" select="$m/d:session/@number"/></xsl:call-template>
          <xsl:text> réunion — </xsl:text>
          <xsl:call-template name="label">
            <xsl:with-param name="code" select="$m/d:session/@kind"/>
            <xsl:with-param name="table" select="$session-kinds"/>
          </xsl:call-template>
        </p>
        <p style="subtitle">
          <b><xsl:value-of select="concat(translate(substring($date-text, 1, 1), 'lmjvsd', 'LMJVSD'), substring($date-text, 2))"/></b>
          <xsl:text>, de </xsl:text>
          <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:start"/></xsl:call-template>
          <xsl:text> à </xsl:text>
          <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:end"/></xsl:call-template>
        </p>
        <p style="subtitle">
          <xsl:value-of select="$m/d:place"/>
          <xsl:if test="$m/d:place and $m/d:video-link"> — </xsl:if>
          <xsl:if test="$m/d:video-link">
            <xsl:text>en visioconférence : </xsl:text><a href="{$m/d:video-link}"><xsl:value-of select="$m/d:video-link"/></a>
          </xsl:if>
        </p>

        <xsl:call-template name="composition-note"/>
        <xsl:call-template name="schools-section"/>

        <p style="invitation">
          <xsl:text>Les membres du comité sont invités à la </xsl:text>
          <xsl:call-template name="ordinal-f"><xsl:with-param name="n" select="$m/d:session/@number"/></xsl:call-template>
          <xsl:text> réunion de l’année scolaire </xsl:text>
          <xsl:value-of select="translate($m/d:school-year, '-', '–')"/>
          <xsl:text>, qui se tiendra le </xsl:text>
          <xsl:value-of select="$date-text"/>
          <xsl:text> à </xsl:text>
          <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:start"/></xsl:call-template>
          <xsl:text>. L’ordre du jour est le suivant.</xsl:text>
          <xsl:if test="$guests"> Les personnes invitées pour un point sont attendues à l’heure de ce point.</xsl:if>
        </p>

        <h2>Ordre du jour</h2>
        <table>
          <col width="9mm"/><col width="15mm"/><col width="3*"/><col width="1.25*"/><col width="27mm"/>
          <head>
            <row><cell>N°</cell><cell>Heure</cell><cell>Point</cell><cell>Présenté par</cell><cell>Nature</cell></row>
          </head>
          <xsl:for-each select="$m/d:agenda/d:item">
            <xsl:call-template name="item-row"/>
            <xsl:for-each select="d:item">
              <xsl:call-template name="item-row"/>
            </xsl:for-each>
          </xsl:for-each>
          <row>
            <cell style="cell-center"></cell>
            <cell>
              <xsl:variable name="total"><xsl:call-template name="agenda-minutes"/></xsl:variable>
              <xsl:call-template name="clock">
                <xsl:with-param name="minutes" select="$start + $total"/>
              </xsl:call-template>
            </cell>
            <cell colspan="3">Fin de la réunion (prévue à <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:end"/></xsl:call-template>)</cell>
          </row>
        </table>

        <xsl:if test="$m/d:agenda//d:document">
          <h2>Documents à lire avant la réunion</h2>
          <list>
            <xsl:for-each select="$m/d:agenda//d:document">
              <item><xsl:value-of select="."/> (point <xsl:call-template name="item-number"><xsl:with-param name="i" select=".."/></xsl:call-template>)</item>
            </xsl:for-each>
          </list>
        </xsl:if>

        <h2>Membres convoqués</h2>
        <xsl:call-template name="people-table">
          <xsl:with-param name="people" select="$m/d:members/d:member[not(@id = $m/d:agenda//d:guest/@ref)]"/>
        </xsl:call-template>

        <xsl:if test="$guests">
          <h2>Personnes invitées pour certains points</h2>
          <xsl:call-template name="people-table">
            <xsl:with-param name="people" select="$guests"/>
            <xsl:with-param name="invited" select="true()"/>
          </xsl:call-template>
        </xsl:if>

        <!-- The first block of a keep loses its space-before: the
             invitation gets its distance from the table here. -->
        <spacer height="4mm"/>
        <keep>
          <p style="invitation">En cas d’empêchement, merci de prévenir <xsl:call-template name="absence-contact"/> et, le cas échéant, d’indiquer la personne qui vous représentera.</p>
          <spacer height="4mm"/>
          <columns>
            <column width="45%"/>
            <column>
              <signature id="Signature-president" space="20mm">
                <role><xsl:call-template name="function"><xsl:with-param name="m" select="$chair"/></xsl:call-template>,<br/><xsl:call-template name="agree"><xsl:with-param name="word" select="'president'"/><xsl:with-param name="who" select="$chair"/></xsl:call-template> de séance</role>
                <name><xsl:call-template name="person"><xsl:with-param name="p" select="$chair"/></xsl:call-template></name>
              </signature>
            </column>
          </columns>
        </keep>
      </body>
    </document>
  </xsl:template>

  <!-- One row of the agenda: an item or a sub-point, its start time, what
       it is about, who presents it, its kind, family and duration. -->
  <xsl:template name="item-row">
    <xsl:variable name="offset"><xsl:call-template name="item-offset"/></xsl:variable>
    <xsl:variable name="sub" select="boolean(parent::d:item)"/>
    <row>
      <cell style="cell-center"><xsl:call-template name="item-number"/></cell>
      <cell>
        <xsl:call-template name="clock"><xsl:with-param name="minutes" select="$start + $offset"/></xsl:call-template>
      </cell>
      <cell>
        <p style="ct">
          <xsl:choose>
            <xsl:when test="$sub"><xsl:value-of select="d:title"/></xsl:when>
            <xsl:otherwise><b><xsl:value-of select="d:title"/></b></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:apply-templates select="d:description/*" mode="text"><xsl:with-param name="style" select="'ct'"/></xsl:apply-templates>
        <xsl:if test="d:guest">
          <p style="ct-small">
            <xsl:call-template name="agree"><xsl:with-param name="word" select="'Invites'"/><xsl:with-param name="who" select="$m/d:members/d:member[@id = current()/d:guest/@ref] | d:guest[not(@ref)]"/></xsl:call-template>
            <xsl:text> : </xsl:text>
            <xsl:call-template name="guests-phrase"/>
          </p>
        </xsl:if>
        <xsl:if test="d:document">
          <p style="ct-small">À lire : <xsl:for-each select="d:document"><xsl:value-of select="."/><xsl:if test="position() != last()"> ; </xsl:if></xsl:for-each></p>
        </xsl:if>
      </cell>
      <cell>
        <xsl:if test="@presenter">
          <xsl:call-template name="member-name"><xsl:with-param name="id" select="@presenter"/></xsl:call-template>
        </xsl:if>
      </cell>
      <cell>
        <xsl:call-template name="label">
          <xsl:with-param name="code" select="@kind"/>
          <xsl:with-param name="table" select="$item-kinds"/>
        </xsl:call-template>
        <br/>
        <xsl:call-template name="label">
          <xsl:with-param name="code" select="@family"/>
          <xsl:with-param name="table" select="$families"/>
        </xsl:call-template>
        <br/>
        <xsl:variable name="minutes"><xsl:call-template name="item-minutes"/></xsl:variable>
        <xsl:call-template name="duration"><xsl:with-param name="minutes" select="$minutes"/></xsl:call-template>
      </cell>
    </row>
  </xsl:template>

  <!-- Name, function, organisation (left empty when none is given), and
       for guests the points they are invited for. -->
  <xsl:template name="people-table">
    <xsl:param name="people"/>
    <xsl:param name="invited" select="false()"/>
    <table>
      <xsl:choose>
        <xsl:when test="$invited"><col width="2*"/><col width="2.2*"/><col width="2*"/><col width="22mm"/></xsl:when>
        <xsl:otherwise><col width="2*"/><col width="2.2*"/><col width="2*"/></xsl:otherwise>
      </xsl:choose>
      <head>
        <row><cell>Nom</cell><cell>Fonction</cell><cell>Organisation</cell><xsl:if test="$invited"><cell>Point</cell></xsl:if></row>
      </head>
      <xsl:for-each select="$people">
        <xsl:variable name="p" select="."/>
        <row>
          <cell><xsl:call-template name="person"><xsl:with-param name="p" select="."/></xsl:call-template></cell>
          <cell><xsl:if test="d:label | @role"><xsl:call-template name="function"><xsl:with-param name="m" select="."/></xsl:call-template></xsl:if></cell>
          <cell><xsl:value-of select="d:organisation"/></cell>
          <xsl:if test="$invited">
            <cell>
              <xsl:for-each select="$m/d:agenda//d:item[d:guest[@ref = $p/@id] or count(d:guest | $p) = count(d:guest)]">
                <xsl:call-template name="item-number"/>
                <xsl:if test="position() != last()">, </xsl:if>
              </xsl:for-each>
            </cell>
          </xsl:if>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

</xsl:stylesheet>
