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

  <xsl:template match="/d:meeting">
    <document title="Ordre du jour — {$body-text} — {$date-text}"
              author="{$chair/@civility} {$chair/d:name}"
              subject="Convocation et ordre du jour, {$m/d:establishment/d:name}, année scolaire {$m/d:school-year}"
              keywords="ordre du jour, convocation, {$body-text}"
              created="{$m/d:date}">
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

        <p>
          <xsl:text>Les membres du comité sont invités à la </xsl:text>
          <xsl:call-template name="ordinal-f"><xsl:with-param name="n" select="$m/d:session/@number"/></xsl:call-template>
          <xsl:text> réunion de l’année scolaire </xsl:text>
          <xsl:value-of select="translate($m/d:school-year, '-', '–')"/>
          <xsl:text>, qui se tiendra le </xsl:text>
          <xsl:value-of select="$date-text"/>
          <xsl:text> à </xsl:text>
          <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:start"/></xsl:call-template>
          <xsl:text>. L’ordre du jour est le suivant.</xsl:text>
        </p>

        <h2>Ordre du jour</h2>
        <table>
          <col width="8mm"/><col width="15mm"/><col width="3*"/><col width="1.25*"/><col width="27mm"/>
          <head>
            <row><cell>N°</cell><cell>Heure</cell><cell>Point</cell><cell>Présenté par</cell><cell>Nature</cell></row>
          </head>
          <xsl:for-each select="$m/d:agenda/d:item">
            <row>
              <cell style="cell-center"><xsl:value-of select="position()"/></cell>
              <cell>
                <xsl:call-template name="clock">
                  <xsl:with-param name="minutes" select="$start + sum(preceding-sibling::d:item/@minutes)"/>
                </xsl:call-template>
              </cell>
              <cell>
                <p style="ct"><b><xsl:value-of select="d:title"/></b></p>
                <xsl:for-each select="d:description/d:p">
                  <p style="ct"><xsl:apply-templates mode="inline"/></p>
                </xsl:for-each>
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
                <xsl:call-template name="duration"><xsl:with-param name="minutes" select="@minutes"/></xsl:call-template>
              </cell>
            </row>
          </xsl:for-each>
          <row>
            <cell style="cell-center"></cell>
            <cell>
              <xsl:call-template name="clock">
                <xsl:with-param name="minutes" select="$start + sum($m/d:agenda/d:item/@minutes)"/>
              </xsl:call-template>
            </cell>
            <cell colspan="3">Fin de la réunion (prévue à <xsl:call-template name="time"><xsl:with-param name="hm" select="$m/d:end"/></xsl:call-template>)</cell>
          </row>
        </table>

        <xsl:if test="$m/d:agenda/d:item/d:document">
          <h2>Documents à lire avant la réunion</h2>
          <list>
            <xsl:for-each select="$m/d:agenda/d:item/d:document">
              <item><xsl:value-of select="."/> (point <xsl:value-of select="count(../preceding-sibling::d:item) + 1"/>)</item>
            </xsl:for-each>
          </list>
        </xsl:if>

        <h2>Membres convoqués</h2>
        <table>
          <col width="2*"/><col width="2.2*"/><col width="2*"/>
          <head><row><cell>Nom</cell><cell>Fonction</cell><cell>Organisation</cell></row></head>
          <xsl:for-each select="$m/d:members/d:member">
            <row>
              <cell><xsl:call-template name="person"><xsl:with-param name="p" select="."/></xsl:call-template></cell>
              <cell><xsl:call-template name="function"><xsl:with-param name="m" select="."/></xsl:call-template></cell>
              <cell><xsl:choose><xsl:when test="d:organisation"><xsl:value-of select="d:organisation"/></xsl:when><xsl:otherwise><xsl:value-of select="$m/d:establishment/d:name"/></xsl:otherwise></xsl:choose></cell>
            </row>
          </xsl:for-each>
        </table>

        <keep>
          <p>En cas d’empêchement, merci de prévenir le secrétariat de direction et, le cas échéant, d’indiquer la personne qui vous représentera.</p>
          <columns>
            <column width="45%"/>
            <column>
              <signature id="Signature-president" space="20mm">
                <role><xsl:call-template name="function"><xsl:with-param name="m" select="$chair"/></xsl:call-template>, président(e) de séance</role>
                <name><xsl:call-template name="person"><xsl:with-param name="p" select="$chair"/></xsl:call-template></name>
              </signature>
            </column>
          </columns>
        </keep>
      </body>
    </document>
  </xsl:template>

</xsl:stylesheet>
