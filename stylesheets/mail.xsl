<?xml version="1.0" encoding="UTF-8"?>
<!--
  mail.xsl — who receives a document by e-mail, and the words that fill the
  message templates of stylesheets/mail/ (copil mail).

  For each document a data file makes, one <document name="…">: the sender
  (the establishment's mailbox), the values of the {{…}} placeholders, and one
  <group> per message, with the copy it gets, whether its addresses are
  hidden (Bcc), and its own values, which win over the document's. Which copy a group gets is common.xsl's group-copy, the rule
  the minutes print too: what the group says (visibility), else the full
  copy for participants, membres and the académie, the public one for every
  wider group (RGPD).

  Output: urn:copil:mail, read by src/mail/plan.c.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:mail"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <mail>
      <xsl:apply-templates select="d:meeting | d:mission-letter | d:activity-report"/>
    </mail>
  </xsl:template>

  <!-- ===== a meeting: its agenda, and its minutes once recorded ===== -->

  <xsl:template match="d:meeting">
    <xsl:variable name="common">
      <xsl:call-template name="establishment-values"/>
      <value name="instance"><xsl:call-template name="in-sentence"><xsl:with-param name="s"><xsl:call-template name="body-name"/></xsl:with-param></xsl:call-template></value>
      <value name="date"><xsl:call-template name="date"><xsl:with-param name="iso" select="d:date"/></xsl:call-template></value>
      <value name="heure"><xsl:call-template name="time"><xsl:with-param name="hm" select="d:start"/></xsl:call-template></value>
      <value name="lieu"><xsl:value-of select="normalize-space(d:place)"/></value>
      <value name="annee"><xsl:value-of select="d:school-year"/></value>
      <value name="seance">
        <xsl:call-template name="label">
          <xsl:with-param name="code" select="d:session/@kind"/>
          <xsl:with-param name="table" select="$session-kinds"/>
        </xsl:call-template>
        <xsl:text> n° </xsl:text><xsl:value-of select="d:session/@number"/>
      </value>
      <value name="president"><xsl:call-template name="member-name"><xsl:with-param name="id" select="d:chair/@ref"/></xsl:call-template></value>
    </xsl:variable>

    <document name="agenda">
      <xsl:call-template name="from"/>
      <xsl:copy-of select="$common"/>
      <xsl:if test="d:members/d:member/d:email">
        <group label="Membres du comité" kind="membres" copy="complet" bcc="true">
          <xsl:for-each select="d:members/d:member/d:email">
            <to><xsl:value-of select="normalize-space(.)"/></to>
          </xsl:for-each>
        </group>
      </xsl:if>
      <!-- Outside persons invited for a point get the convocation too; a
           member invited for a point is in the members' group. -->
      <xsl:if test="d:agenda//d:guest[not(@ref)]/d:email">
        <group label="Personnes invitées pour un point" kind="participants" copy="complet" bcc="true">
          <xsl:for-each select="d:agenda//d:guest[not(@ref)]/d:email">
            <to><xsl:value-of select="normalize-space(.)"/></to>
          </xsl:for-each>
        </group>
      </xsl:if>
    </document>

    <xsl:if test="d:record">
      <document name="minutes">
        <xsl:call-template name="from"/>
        <xsl:copy-of select="$common"/>
        <xsl:apply-templates select="d:record/d:distribution/d:group"/>
      </document>
    </xsl:if>
  </xsl:template>

  <!-- ===== a mission letter: the appointee, then its distribution ===== -->

  <xsl:template match="d:mission-letter">
    <document name="mission-letter">
      <xsl:call-template name="from"/>
      <xsl:call-template name="establishment-values"/>
      <value name="date"><xsl:call-template name="date"><xsl:with-param name="iso" select="d:date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></value>
      <value name="annee"><xsl:value-of select="d:school-year"/></value>
      <value name="interesse"><xsl:call-template name="person"><xsl:with-param name="p" select="d:appointee"/></xsl:call-template></value>
      <value name="mission"><xsl:call-template name="in-sentence"><xsl:with-param name="s" select="normalize-space(d:mission-title)"/></xsl:call-template></value>
      <xsl:if test="d:appointee/d:email">
        <group kind="participants" copy="complet" bcc="false">
          <xsl:attribute name="label"><xsl:call-template name="agree"><xsl:with-param name="word" select="'l-interesse'"/><xsl:with-param name="who" select="d:appointee"/></xsl:call-template></xsl:attribute>
          <value name="appel"><xsl:choose><xsl:when test="d:appointee/@civility = 'Mme'">Madame</xsl:when><xsl:otherwise>Monsieur</xsl:otherwise></xsl:choose></value>
          <to><xsl:value-of select="normalize-space(d:appointee/d:email)"/></to>
        </group>
      </xsl:if>
      <xsl:apply-templates select="d:distribution/d:group"/>
    </document>
  </xsl:template>

  <!-- ===== an activity report: its distribution ===== -->

  <xsl:template match="d:activity-report">
    <document name="activity-report">
      <xsl:call-template name="from"/>
      <xsl:call-template name="establishment-values"/>
      <value name="annee"><xsl:value-of select="d:school-year"/></value>
      <value name="auteur"><xsl:call-template name="person"><xsl:with-param name="p" select="d:author"/></xsl:call-template></value>
      <xsl:apply-templates select="d:distribution/d:group"/>
    </document>
  </xsl:template>

  <!-- ===== shared parts ===== -->

  <xsl:template match="d:group">
    <xsl:variable name="copy"><xsl:call-template name="group-copy"/></xsl:variable>
    <group label="{normalize-space(d:label)}" kind="{@kind}" copy="{$copy}"
           bcc="{not(@bcc = 'false' or @bcc = '0')}">
      <xsl:for-each select="d:address">
        <to><xsl:value-of select="normalize-space(.)"/></to>
      </xsl:for-each>
    </group>
  </xsl:template>

  <xsl:template name="from">
    <xsl:if test="d:establishment/d:email">
      <from name="{normalize-space(d:establishment/d:name)}"><xsl:value-of select="normalize-space(d:establishment/d:email)"/></from>
    </xsl:if>
  </xsl:template>

  <!-- The values of every document: the establishment, and {{appel}}, the
       salutation of a group whose people are not known one by one (a
       group that is one known person says its own, see the appointee). -->
  <xsl:template name="establishment-values">
    <value name="etablissement"><xsl:value-of select="normalize-space(d:establishment/d:name)"/></value>
    <value name="appel">Madame, Monsieur</value>
  </xsl:template>

</xsl:stylesheet>
