<?xml version="1.0" encoding="UTF-8"?>
<!--
  mission-letter.xsl — a mission letter (lettre de mission) as a French
  administrative letter: the establishment's block on the left, place and
  date on the right, the addressee, Objet and Références, the body (context,
  missions by axis, means and compensation, intervention conditions and
  delays, the activity-report duty), the courtesy formula, the principal's
  and the DAN's signatures side by side, the appointee's acknowledgement and
  the copies.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="l" select="/d:mission-letter"/>
  <xsl:variable name="a" select="$l/d:appointee"/>
  <!-- how the letter addresses the appointee (a form of address, not an
       agreement: the words that agree go through common.xsl's agree) -->
  <xsl:variable name="madame">
    <xsl:choose><xsl:when test="$a/@civility = 'Mme'">Madame</xsl:when><xsl:otherwise>Monsieur</xsl:otherwise></xsl:choose>
  </xsl:variable>
  <xsl:variable name="principal" select="$l/d:signatories/d:signatory[@role = 'chef-etablissement']"/>
  <!-- the mission's title in the middle of a sentence: "coordonnatrice pour
       le numérique (CTICE)" -->
  <xsl:variable name="mission">
    <xsl:call-template name="in-sentence"><xsl:with-param name="s" select="normalize-space($l/d:mission-title)"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="period">
    <xsl:choose>
      <xsl:when test="$l/d:school-year">l’année scolaire <xsl:value-of select="translate($l/d:school-year, '-', '–')"/></xsl:when>
      <xsl:otherwise>la période du <xsl:call-template name="date"><xsl:with-param name="iso" select="$l/d:period/@from"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template> au <xsl:call-template name="date"><xsl:with-param name="iso" select="$l/d:period/@to"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="created">
    <xsl:call-template name="created">
      <xsl:with-param name="date" select="$l/d:date"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/d:mission-letter">
    <document title="Lettre de mission — {$l/d:mission-title} — {$a/@civility} {$a/d:name}"
              author="{$principal/@civility} {$principal/d:name}"
              subject="Lettre de mission, {$l/d:establishment/d:name}"
              keywords="lettre de mission, {$l/d:mission-title}"
              created="{$created}">
      <xsl:call-template name="page"/>
      <xsl:call-template name="styles"/>
      <xsl:call-template name="letterhead">
        <xsl:with-param name="right-title"/>
        <xsl:with-param name="right-lines">
          <xsl:value-of select="$l/d:place"/>, le <xsl:call-template name="date"><xsl:with-param name="iso" select="$l/d:date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="running-header">
        <xsl:with-param name="text">Lettre de mission — <xsl:value-of select="$a/@civility"/><xsl:text> </xsl:text><xsl:value-of select="$a/d:name"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="footer"/>
      <body>
        <columns>
          <column width="50%"/>
          <column>
            <p style="addressee"><xsl:value-of select="$principal/d:title"/><br/>à<br/><xsl:value-of select="$madame"/><xsl:text> </xsl:text><xsl:value-of select="$a/d:name"/>
              <xsl:if test="$a/d:grade"><br/><xsl:value-of select="$a/d:grade"/><xsl:if test="$a/d:discipline"> de <xsl:value-of select="translate(substring($a/d:discipline, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉ', 'abcdefghijklmnopqrstuvwxyzé')"/><xsl:value-of select="substring($a/d:discipline, 2)"/></xsl:if></xsl:if>
            </p>
          </column>
        </columns>
        <spacer height="4mm"/>

        <h1 style="object"><b>Objet : </b>lettre de mission — <xsl:value-of select="$mission"/></h1>
        <xsl:if test="$l/d:references">
          <p style="object"><b>Références : </b><xsl:for-each select="$l/d:references/d:reference"><xsl:value-of select="."/><xsl:choose><xsl:when test="position() != last()"> ; </xsl:when><xsl:otherwise>.</xsl:otherwise></xsl:choose></xsl:for-each></p>
        </xsl:if>

        <p style="salutation"><xsl:value-of select="$madame"/>,</p>
        <xsl:apply-templates select="$l/d:context/*" mode="text"/>
        <p>Pour <xsl:value-of select="$period"/>, vous êtes <xsl:call-template name="agree"><xsl:with-param name="word" select="'designe'"/><xsl:with-param name="who" select="$a"/></xsl:call-template><xsl:text> </xsl:text><b><xsl:value-of select="$mission"/></b>. Vos missions sont les suivantes.</p>

        <xsl:for-each select="$l/d:missions/d:axis">
          <h2 style="h3"><xsl:value-of select="position()"/>. <xsl:value-of select="d:title"/></h2>
          <list>
            <xsl:for-each select="d:mission"><item><xsl:value-of select="."/></item></xsl:for-each>
          </list>
        </xsl:for-each>

        <h2 style="h3">Moyens</h2>
        <list>
          <xsl:if test="$l/d:means/d:hours">
            <item>
              <xsl:call-template name="number"><xsl:with-param name="value" select="$l/d:means/d:hours"/></xsl:call-template>
              <xsl:text> heure</xsl:text><xsl:if test="$l/d:means/d:hours &gt;= 2">s</xsl:if>
              <xsl:choose><xsl:when test="$l/d:means/d:hours/@per = 'semaine'"> par semaine</xsl:when><xsl:otherwise> sur l’année</xsl:otherwise></xsl:choose>
              <xsl:text> consacrée</xsl:text><xsl:if test="$l/d:means/d:hours &gt;= 2">s</xsl:if><xsl:text> à la mission.</xsl:text>
            </item>
          </xsl:if>
          <xsl:for-each select="$l/d:means/d:compensation">
            <item>
              <xsl:choose>
                <!-- No compensation, explained: the explanation says it all. -->
                <xsl:when test="@kind = 'aucune' and normalize-space(.)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
                <xsl:otherwise>
                  <xsl:choose>
                    <xsl:when test="@kind = 'imp'">Indemnité pour mission particulière (IMP)<xsl:if test="@rate">, taux <xsl:value-of select="@rate"/></xsl:if></xsl:when>
                    <xsl:when test="@kind = 'hse'">Heures supplémentaires effectives (HSE)</xsl:when>
                    <xsl:when test="@kind = 'decharge'">Décharge de service</xsl:when>
                    <xsl:when test="@kind = 'aucune'">Mission exercée sans rémunération complémentaire</xsl:when>
                    <xsl:otherwise>Rémunération</xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="@amount">, soit <xsl:call-template name="number"><xsl:with-param name="value" select="@amount"/></xsl:call-template> € par an</xsl:if>
                  <xsl:text>.</xsl:text>
                  <xsl:if test="normalize-space(.)"><xsl:text> </xsl:text><xsl:value-of select="normalize-space(.)"/></xsl:if>
                </xsl:otherwise>
              </xsl:choose>
            </item>
          </xsl:for-each>
          <xsl:for-each select="$l/d:means/d:equipment"><item><xsl:value-of select="."/>.</item></xsl:for-each>
        </list>

        <xsl:if test="$l/d:intervention">
          <h2 style="h3">Conditions et délais d’intervention</h2>
          <xsl:apply-templates select="$l/d:intervention/d:conditions/*" mode="text"/>
          <xsl:if test="$l/d:intervention/d:delay">
            <table>
              <col width="4*"/><col width="32mm"/>
              <head><row><cell>Nature de la demande</cell><cell>Délai d’intervention</cell></row></head>
              <xsl:for-each select="$l/d:intervention/d:delay">
                <row>
                  <cell header="row"><xsl:value-of select="."/></cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@hours &lt; 24"><xsl:value-of select="@hours"/> h</xsl:when>
                      <xsl:otherwise><xsl:value-of select="round(@hours div 24)"/> jour<xsl:if test="round(@hours div 24) &gt; 1">s</xsl:if></xsl:otherwise>
                    </xsl:choose>
                  </cell>
                </row>
              </xsl:for-each>
            </table>
          </xsl:if>
        </xsl:if>

        <!-- The duty, said once; the data's text completes it (what the
             report becomes), it does not restate it. -->
        <h2 style="h3">Rapport d’activité</h2>
        <p>Vous voudrez bien me remettre un rapport d’activité concis au plus tard le <xsl:call-template name="date"><xsl:with-param name="iso" select="$l/d:report-duty/@due"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>.<xsl:if test="normalize-space($l/d:report-duty)"><xsl:text> </xsl:text><xsl:value-of select="normalize-space($l/d:report-duty)"/></xsl:if></p>

        <keep>
          <p style="closing">Je vous remercie de votre engagement au service de l’établissement et vous prie d’agréer, <xsl:value-of select="$madame"/>, l’expression de mes salutations distinguées.</p>
          <spacer height="5mm"/>
          <columns gap="14mm">
            <xsl:for-each select="$l/d:signatories/d:signatory">
              <column>
                <signature id="Signature-{@role}" space="22mm">
                  <role><xsl:value-of select="d:title"/></role>
                  <name><xsl:call-template name="person"><xsl:with-param name="p" select="."/></xsl:call-template></name>
                </signature>
              </column>
            </xsl:for-each>
          </columns>
        </keep>

        <xsl:if test="not($l/d:acknowledgement) or $l/d:acknowledgement/@required != 'false'">
          <keep style="acknowledgement">
            <columns>
              <column width="50%"/>
              <column>
                <signature id="Signature-interesse" space="16mm">
                  <line>Vu et pris connaissance, le</line>
                  <role><xsl:call-template name="agree"><xsl:with-param name="word" select="'l-interesse'"/><xsl:with-param name="who" select="$a"/></xsl:call-template></role>
                  <name><xsl:call-template name="person"><xsl:with-param name="p" select="$a"/></xsl:call-template></name>
                </signature>
              </column>
            </columns>
          </keep>
        </xsl:if>

        <xsl:if test="$l/d:copies">
          <p style="copies"><b>Copie à : </b><xsl:for-each select="$l/d:copies/d:copy"><xsl:value-of select="."/><xsl:if test="position() != last()"> ; </xsl:if></xsl:for-each>.</p>
        </xsl:if>
      </body>
    </document>
  </xsl:template>

</xsl:stylesheet>
