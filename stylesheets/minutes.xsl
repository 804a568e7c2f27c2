<?xml version="1.0" encoding="UTF-8"?>
<!--
  minutes.xsl — a meeting with its record → the minutes (compte rendu).

  Attendance grouped by status with counts, approval of the previous minutes,
  what was said per item with the decisions taken on it, the decisions
  register with votes, the actions, the evaluation of the previous meeting's
  objectives and the follow-up of its open actions (both read from the
  previous meeting's file, named by <previous href>), the new objectives, the
  next meeting, the distribution list, the signatures of the chair and the
  secretary.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <xsl:import href="common.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="m" select="/d:meeting"/>
  <xsl:variable name="r" select="$m/d:record"/>
  <xsl:variable name="prev" select="document($m/d:previous/@href)/d:meeting"/>
  <xsl:variable name="date-text">
    <xsl:call-template name="date"><xsl:with-param name="iso" select="$m/d:date"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="body-text"><xsl:call-template name="body-name"/></xsl:variable>
  <xsl:variable name="chair" select="$m/d:members/d:member[@id = $m/d:chair/@ref]"/>
  <xsl:variable name="secretary" select="$m/d:members/d:member[@id = $m/d:secretary/@ref]"/>

  <xsl:variable name="created">
    <xsl:call-template name="created">
      <xsl:with-param name="date" select="$m/d:date"/>
      <xsl:with-param name="time" select="$m/d:start"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/d:meeting">
    <document title="Compte rendu — {$body-text} — {$date-text}"
              author="{$secretary/@civility} {$secretary/d:name}"
              subject="Compte rendu de la réunion du {$date-text}, {$m/d:establishment/d:name}"
              keywords="compte rendu, {$body-text}, année scolaire {$m/d:school-year}"
              created="{$created}">
      <xsl:call-template name="page"/>
      <xsl:call-template name="styles"/>
      <xsl:call-template name="letterhead">
        <xsl:with-param name="right-title">Compte rendu</xsl:with-param>
        <xsl:with-param name="right-lines">Année scolaire <xsl:value-of select="translate($m/d:school-year, '-', '–')"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="running-header">
        <xsl:with-param name="text">Compte rendu de la réunion du <xsl:value-of select="$date-text"/></xsl:with-param>
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
          <xsl:if test="$m/d:place">, <xsl:value-of select="$m/d:place"/></xsl:if>
          <xsl:if test="$m/d:video-link"> (et en visioconférence)</xsl:if>
        </p>

        <xsl:call-template name="composition-note"/>
        <xsl:call-template name="schools-section"/>

        <h2>Participants</h2>
        <xsl:call-template name="attendance"><xsl:with-param name="status" select="'present'"/><xsl:with-param name="word" select="'Presents'"/></xsl:call-template>
        <xsl:call-template name="attendance"><xsl:with-param name="status" select="'represente'"/><xsl:with-param name="word" select="'Representes'"/></xsl:call-template>
        <xsl:call-template name="attendance"><xsl:with-param name="status" select="'excuse'"/><xsl:with-param name="word" select="'Excuses'"/></xsl:call-template>
        <xsl:call-template name="attendance"><xsl:with-param name="status" select="'absent'"/><xsl:with-param name="word" select="'Absents'"/></xsl:call-template>
        <p><b>Secrétaire de séance : </b><xsl:call-template name="person"><xsl:with-param name="p" select="$secretary"/></xsl:call-template></p>

        <xsl:if test="$r/d:approval[not(@item)]">
          <h2>Approbation du compte rendu précédent</h2>
          <xsl:call-template name="approval"/>
        </xsl:if>

        <xsl:if test="$r/d:evaluations[not(@item)]">
          <h2>Évaluation des objectifs de la réunion précédente</h2>
          <xsl:call-template name="evaluations"/>
        </xsl:if>

        <!-- The previous meeting's actions still open, and any this record
             follows up (an action with the same id): the follow-up wins; an
             open one not followed up keeps its last known status, marked as
             not examined. -->
        <xsl:variable name="before" select="$prev/d:record/d:actions/d:action"/>
        <xsl:variable name="followed" select="$before[@status = 'a-faire' or @status = 'en-cours' or @id = $r/d:actions/d:action/@id]"/>
        <xsl:if test="$followed">
          <h2>Suivi des actions de la réunion précédente</h2>
          <table>
            <col width="3*"/><col width="1.3*"/><col width="31mm"/><col width="28mm"/>
            <head><row><cell>Action</cell><cell>Responsable</cell><cell>Échéance</cell><cell>Statut</cell></row></head>
            <xsl:for-each select="$followed">
              <xsl:variable name="id" select="@id"/>
              <xsl:variable name="now" select="$r/d:actions/d:action[@id = $id]"/>
              <row>
                <xsl:choose>
                  <xsl:when test="$now">
                    <cell>
                      <p style="ct"><xsl:value-of select="$now/d:what"/></p>
                      <xsl:call-template name="due-change"><xsl:with-param name="was" select="string(@due)"/><xsl:with-param name="now" select="string($now/@due)"/></xsl:call-template>
                    </cell>
                    <cell><xsl:call-template name="action-owner"><xsl:with-param name="a" select="$now"/><xsl:with-param name="others" select="$prev/d:members/d:member"/></xsl:call-template></cell>
                    <cell><xsl:if test="$now/@due"><xsl:call-template name="date"><xsl:with-param name="iso" select="$now/@due"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:if></cell>
                    <cell><xsl:call-template name="label"><xsl:with-param name="code" select="$now/@status"/><xsl:with-param name="table" select="$action-statuses"/></xsl:call-template></cell>
                  </xsl:when>
                  <xsl:otherwise>
                    <cell><xsl:value-of select="d:what"/></cell>
                    <cell><xsl:call-template name="action-owner"><xsl:with-param name="a" select="."/><xsl:with-param name="members" select="$prev/d:members/d:member"/><xsl:with-param name="others" select="$m/d:members/d:member"/></xsl:call-template></cell>
                    <cell><xsl:if test="@due"><xsl:call-template name="date"><xsl:with-param name="iso" select="@due"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:if></cell>
                    <cell>
                      <p style="ct"><xsl:call-template name="label"><xsl:with-param name="code" select="@status"/><xsl:with-param name="table" select="$action-statuses"/></xsl:call-template></p>
                      <p style="ct-small">non examinée lors de cette séance</p>
                    </cell>
                  </xsl:otherwise>
                </xsl:choose>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:for-each select="$m/d:agenda/d:item">
          <h2>Point <xsl:call-template name="item-number"/> — <xsl:value-of select="d:title"/></h2>
          <xsl:call-template name="item-record"/>
          <xsl:for-each select="d:item">
            <h3><xsl:call-template name="item-number"/> — <xsl:value-of select="d:title"/></h3>
            <xsl:call-template name="item-record"/>
          </xsl:for-each>
        </xsl:for-each>

        <xsl:if test="$r/d:decisions">
          <h2>Relevé des décisions</h2>
          <table>
            <col width="22mm"/><col width="4*"/><col width="1.6*"/>
            <head><row><cell>N°</cell><cell>Décision</cell><cell>Vote</cell></row></head>
            <xsl:for-each select="$r/d:decisions/d:decision">
              <row>
                <cell><xsl:value-of select="@number"/></cell>
                <cell><xsl:value-of select="d:text"/></cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="d:vote">Pour : <xsl:value-of select="d:vote/@for"/><br/>Contre : <xsl:value-of select="d:vote/@against"/><br/>Abstention : <xsl:value-of select="d:vote/@abstention"/></xsl:when>
                    <xsl:otherwise>Sans vote</xsl:otherwise>
                  </xsl:choose>
                </cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:variable name="new" select="$r/d:actions/d:action[not(@id = $prev/d:record/d:actions/d:action/@id)]"/>
        <xsl:if test="$new">
          <h2>Actions décidées</h2>
          <table>
            <col width="3*"/><col width="1.3*"/><col width="31mm"/><col width="20mm"/>
            <head><row><cell>Action</cell><cell>Responsable</cell><cell>Échéance</cell><cell>Statut</cell></row></head>
            <xsl:for-each select="$new">
              <row>
                <cell><xsl:value-of select="d:what"/></cell>
                <cell><xsl:call-template name="action-owner"><xsl:with-param name="a" select="."/><xsl:with-param name="others" select="$prev/d:members/d:member"/></xsl:call-template></cell>
                <cell><xsl:if test="@due"><xsl:call-template name="date"><xsl:with-param name="iso" select="@due"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:if></cell>
                <cell><xsl:call-template name="label"><xsl:with-param name="code" select="@status"/><xsl:with-param name="table" select="$action-statuses"/></xsl:call-template></cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:if test="$r/d:objectives">
          <h2>Objectifs fixés pour la prochaine réunion</h2>
          <table>
            <col width="2.2*"/><col width="2.2*"/><col width="1.2*"/><col width="31mm"/>
            <head><row><cell>Objectif</cell><cell>Indicateur</cell><cell>Cible</cell><cell>Échéance</cell></row></head>
            <xsl:for-each select="$r/d:objectives/d:objective">
              <row>
                <cell><xsl:value-of select="d:text"/></cell>
                <cell><xsl:value-of select="d:indicator"/></cell>
                <cell><xsl:value-of select="d:target"/></cell>
                <cell><xsl:if test="@due"><xsl:call-template name="date"><xsl:with-param name="iso" select="@due"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></xsl:if></cell>
              </row>
            </xsl:for-each>
          </table>
        </xsl:if>

        <xsl:if test="$r/d:next-meeting">
          <h2>Prochaine réunion</h2>
          <p>
            <xsl:text>La prochaine réunion aura lieu le </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$r/d:next-meeting/@date"/></xsl:call-template>
            <xsl:if test="$r/d:next-meeting/@start">
              <xsl:text> à </xsl:text><xsl:call-template name="time"><xsl:with-param name="hm" select="$r/d:next-meeting/@start"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="normalize-space($r/d:next-meeting)">, <xsl:value-of select="normalize-space($r/d:next-meeting)"/></xsl:if>
            <xsl:text>.</xsl:text>
          </p>
        </xsl:if>

        <!-- a keep's first block loses its space-before: the space, here -->
        <spacer height="4mm"/>
        <keep>
          <p style="signature">Fait à <xsl:value-of select="$m/d:establishment/d:address/d:city"/>, le <xsl:call-template name="date"><xsl:with-param name="iso" select="$m/d:date"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template></p>
          <!-- apart from the titles below, which it would read as part of -->
          <spacer height="5mm"/>
          <columns gap="12mm">
            <column>
              <signature id="Signature-president" space="22mm">
                <role><xsl:call-template name="agree"><xsl:with-param name="word" select="'le-president'"/><xsl:with-param name="who" select="$chair"/></xsl:call-template> de séance</role>
                <name><xsl:call-template name="person"><xsl:with-param name="p" select="$chair"/></xsl:call-template></name>
              </signature>
            </column>
            <column>
              <signature id="Signature-secretaire" space="22mm">
                <role><xsl:call-template name="agree"><xsl:with-param name="word" select="'le-secretaire'"/><xsl:with-param name="who" select="$secretary"/></xsl:call-template> de séance</role>
                <name><xsl:call-template name="person"><xsl:with-param name="p" select="$secretary"/></xsl:call-template></name>
              </signature>
            </column>
          </columns>
        </keep>

        <xsl:if test="$r/d:distribution">
          <!-- apart from the signatures, so that it does not read as a caption of theirs -->
          <spacer height="6mm"/>
          <p style="note">
            <b>Diffusion : </b>
            <xsl:for-each select="$r/d:distribution/d:group">
              <xsl:variable name="label" select="normalize-space(d:label)"/>
              <!-- as copil mail sends it: common.xsl's group-copy -->
              <xsl:variable name="copy"><xsl:call-template name="group-copy"/></xsl:variable>
              <xsl:choose>
                <!-- "Parents (sur l'ENT)" reads "Parents (sur l'ENT, version
                     publique)", not two brackets in a row -->
                <xsl:when test="$copy = 'public' and substring($label, string-length($label)) = ')'">
                  <xsl:value-of select="substring($label, 1, string-length($label) - 1)"/>
                  <xsl:text>, version publique)</xsl:text>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="$label"/>
                  <xsl:if test="$copy = 'public'"> (version publique)</xsl:if>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="position() != last()"> ; </xsl:if>
            </xsl:for-each>
          </p>
        </xsl:if>
      </body>
    </document>
  </xsl:template>

  <!-- Under a followed-up action: how its due date moved since the previous
       meeting, as typed in both ($was, $now: ISO dates or empty); nothing
       when it did not. -->
  <xsl:template name="due-change">
    <xsl:param name="was"/>
    <xsl:param name="now"/>
    <xsl:if test="$was != $now">
      <p style="ct-small">
        <xsl:choose>
          <xsl:when test="$was and $now">
            <xsl:text>Échéance </xsl:text>
            <xsl:choose>
              <xsl:when test="translate($now, '-', '') &gt; translate($was, '-', '')">reportée </xsl:when>
              <xsl:otherwise>avancée </xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="date-span"><xsl:with-param name="from" select="$was"/><xsl:with-param name="to" select="$now"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$now">
            <xsl:text>Échéance fixée au </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$now"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Échéance du </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="iso" select="$was"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
            <xsl:text> retirée</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- "Présents (9) : Mme A, fonction ; M. B, fonction, invité pour le point 3." -->
  <xsl:template name="attendance">
    <xsl:param name="status"/>
    <xsl:param name="word"/>
    <xsl:variable name="who" select="$m/d:members/d:member[@attendance = $status] | $m/d:agenda//d:guest[not(@ref)][@attendance = $status]"/>
    <xsl:if test="$who">
      <p>
        <b>
          <xsl:call-template name="agree"><xsl:with-param name="word" select="$word"/><xsl:with-param name="who" select="$who"/></xsl:call-template>
          <xsl:text> (</xsl:text><xsl:value-of select="count($who)"/><xsl:text>) : </xsl:text>
        </b>
        <xsl:for-each select="$who">
          <xsl:call-template name="person"><xsl:with-param name="p" select="."/></xsl:call-template>
          <xsl:if test="d:label | @role">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="function"><xsl:with-param name="m" select="."/></xsl:call-template>
          </xsl:if>
          <xsl:if test="self::d:guest and d:organisation">, <xsl:value-of select="d:organisation"/></xsl:if>
          <xsl:if test="@represented-by">
            <xsl:text> (</xsl:text>
            <xsl:call-template name="agree"><xsl:with-param name="word" select="'represente'"/><xsl:with-param name="who" select="."/></xsl:call-template>
            <xsl:text> par </xsl:text>
            <xsl:call-template name="member-name"><xsl:with-param name="id" select="@represented-by"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:if test="self::d:guest or @id = $m/d:agenda//d:guest/@ref">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="invited-for"><xsl:with-param name="p" select="."/></xsl:call-template>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="position() != last()"> ; </xsl:when>
            <xsl:otherwise>.</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- What the record holds for one item or sub-point: the approval or the
       evaluations when they answer it, what was said, its decisions. -->
  <xsl:template name="item-record">
    <xsl:variable name="id" select="@id"/>
    <xsl:if test="$r/d:approval[@item = $id]">
      <xsl:call-template name="approval"/>
    </xsl:if>
    <xsl:apply-templates select="$r/d:discussion[@item = $id]/*" mode="text"/>
    <xsl:if test="$r/d:evaluations[@item = $id]">
      <xsl:call-template name="evaluations"/>
    </xsl:if>
    <xsl:for-each select="$r/d:decisions/d:decision[@item = $id]">
      <box>
        <p style="h3">Décision <xsl:value-of select="@number"/></p>
        <p><xsl:value-of select="d:text"/></p>
        <xsl:if test="d:vote">
          <p style="note">Vote : Pour : <xsl:value-of select="d:vote/@for"/> — Contre : <xsl:value-of select="d:vote/@against"/> — Abstention : <xsl:value-of select="d:vote/@abstention"/></p>
        </xsl:if>
      </box>
    </xsl:for-each>
    <xsl:if test="not(d:item) and not($r/d:discussion[@item = $id] or $r/d:approval[@item = $id] or $r/d:evaluations[@item = $id] or $r/d:decisions/d:decision[@item = $id])">
      <p style="note">Ce point n’a pas donné lieu à un échange consigné.</p>
    </xsl:if>
  </xsl:template>

  <!-- The evaluation of the previous meeting's objectives. -->
  <xsl:template name="evaluations">
    <table>
      <col width="2.2*"/><col width="26mm"/><col width="1.3*"/><col width="2.2*"/>
      <head><row><cell>Objectif</cell><cell>Résultat</cell><cell>Mesure</cell><cell>Commentaire</cell></row></head>
      <xsl:for-each select="$r/d:evaluations/d:evaluation">
        <xsl:variable name="id" select="@objective"/>
        <xsl:variable name="o" select="$prev/d:record/d:objectives/d:objective[@id = $id]"/>
        <row>
          <cell>
            <p style="ct"><xsl:choose><xsl:when test="$o"><xsl:value-of select="$o/d:text"/></xsl:when><xsl:otherwise>Objectif <xsl:value-of select="$id"/></xsl:otherwise></xsl:choose></p>
            <xsl:if test="$o"><p style="ct-small">Cible : <xsl:value-of select="$o/d:target"/></p></xsl:if>
          </cell>
          <cell><b><xsl:call-template name="label"><xsl:with-param name="code" select="@result"/><xsl:with-param name="table" select="$results"/></xsl:call-template></b></cell>
          <cell><xsl:value-of select="d:measured"/></cell>
          <cell><xsl:value-of select="d:comment"/></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- What became of the previous minutes: the record's words, or the
       status's. -->
  <xsl:template name="approval">
    <p>
      <xsl:choose>
        <xsl:when test="normalize-space($r/d:approval)"><xsl:value-of select="normalize-space($r/d:approval)"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="label">
            <xsl:with-param name="code" select="$r/d:approval/@status"/>
            <xsl:with-param name="table" select="$approvals"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

</xsl:stylesheet>
