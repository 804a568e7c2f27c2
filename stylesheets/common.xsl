<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl — what every document shares: the visual identity (fonts,
  colours, named styles, page), the letterhead and running footer, French
  labels for the codes of the data model, and the French formatting of dates,
  times and numbers. A school or an académie restyles all four documents by
  overriding this one file.

  Output: copil's layout vocabulary (urn:copil:layout, schemas/layout.xsd).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:d="urn:copil:data"
                xmlns="urn:copil:layout"
                exclude-result-prefixes="d">

  <!-- ===== identity: change these to restyle every document ===== -->
  <xsl:variable name="accent">#1f3a5f</xsl:variable>
  <xsl:variable name="accent-light">#e8edf4</xsl:variable>
  <xsl:variable name="muted">#555555</xsl:variable>
  <xsl:variable name="rule">#9aa8b8</xsl:variable>
  <!-- One family for everything, as the State's visual identity does (one
       sans-serif for titles and text): Liberation Sans, metric-compatible with
       the Arial of the académies' own templates. A serif body under sans
       headings read as two voices on one page. -->
  <xsl:variable name="body-font">sans</xsl:variable>
  <xsl:variable name="title-font">sans</xsl:variable>

  <xsl:decimal-format name="fr" decimal-separator="," grouping-separator="&#x202F;"/>

  <xsl:template name="page">
    <page size="A4" margin-top="14mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm" header-gap="6mm"/>
  </xsl:template>

  <xsl:template name="styles">
    <styles>
      <style name="p" font="{$body-font}" size="10.5pt" line-height="1.35" align="justify" space-after="4pt"/>
      <style name="h1" font="{$title-font}" size="15pt" weight="bold" color="{$accent}" align="center" space-before="6pt" space-after="4pt" keep-with-next="true" hyphenate="false"/>
      <style name="h2" font="{$title-font}" size="12pt" weight="bold" color="{$accent}" space-before="12pt" space-after="5pt" keep-with-next="true" hyphenate="false" border="0.5pt" border-sides="bottom" border-color="{$rule}"/>
      <style name="h3" font="{$title-font}" size="11pt" weight="bold" color="{$accent}" space-before="8pt" space-after="3pt" keep-with-next="true" hyphenate="false"/>
      <style name="subtitle" parent="p" font="{$title-font}" size="10.5pt" align="center" space-after="2pt" hyphenate="false"/>
      <style name="reference" parent="subtitle" size="9.5pt" color="{$muted}"/>
      <style name="li" parent="p" space-after="2pt"/>
      <style name="small" parent="p" font="{$title-font}" size="8.5pt" line-height="1.25" color="{$muted}" align="left" hyphenate="false"/>
      <style name="note" parent="p" font="{$title-font}" size="9pt" color="{$muted}" align="left"/>
      <style name="cell" font="{$title-font}" size="9pt" line-height="1.25" padding="3pt" border="0.5pt" border-color="{$rule}" hyphenate="true"/>
      <style name="ct" font="{$title-font}" size="9pt" line-height="1.25" space-after="2pt"/>
      <style name="ct-small" parent="ct" size="8pt" color="{$muted}" hyphenate="false"/>
      <style name="cell-center" parent="cell" align="center"/>
      <style name="cell-right" parent="cell" align="right"/>
      <style name="th" font="{$title-font}" size="9pt" weight="bold" line-height="1.2" padding="3pt" border="0.5pt" border-color="{$rule}" background="{$accent-light}" color="{$accent}" hyphenate="false"/>
      <style name="caption" font="{$title-font}" size="9.5pt" weight="bold" color="{$accent}" space-before="4pt" space-after="3pt" keep-with-next="true"/>
      <style name="table" space-before="2pt" space-after="8pt"/>
      <style name="box" padding="6pt" border="0.75pt" border-color="{$rule}" background="#f5f7fa" space-before="4pt" space-after="6pt"/>
      <style name="signature" font="{$body-font}" size="10.5pt" align="center" space-before="10pt"/>
      <style name="acknowledgement" space-before="10mm"/>
      <style name="copies" parent="note" space-before="6mm"/>
      <style name="lh-academie" font="{$title-font}" size="8.5pt" color="{$accent}" line-height="1.2" hyphenate="false"/>
      <style name="lh-name" font="{$title-font}" size="10pt" weight="bold" color="{$accent}" line-height="1.2" hyphenate="false"/>
      <style name="lh-address" font="{$title-font}" size="8pt" color="{$muted}" line-height="1.25" hyphenate="false"/>
      <style name="lh-right" font="{$title-font}" size="10pt" weight="bold" color="{$accent}" align="right" line-height="1.25" hyphenate="false"/>
      <style name="lh-right-small" font="{$title-font}" size="9pt" color="{$muted}" align="right" line-height="1.25" hyphenate="false"/>
      <style name="running" font="{$title-font}" size="8pt" color="{$muted}" border="0.5pt" border-sides="bottom" border-color="{$rule}" hyphenate="false"/>
      <style name="footer" font="{$title-font}" size="8pt" color="{$muted}" align="center" hyphenate="false"/>
      <style name="strong" weight="bold"/>
      <style name="addressee" parent="p" align="left" hyphenate="false" space-after="10pt"/>
      <style name="object" parent="p" align="left" hyphenate="false" space-after="3pt"/>
      <style name="salutation" parent="p" space-before="10pt" space-after="6pt"/>
      <style name="closing" parent="p" space-before="8pt"/>
      <style name="invitation" parent="p" space-before="8pt"/>
    </styles>
  </xsl:template>

  <!-- ===== letterhead and running header/footer ===== -->

  <!-- The establishment's block on the left, $right (a title, a place and
       date) on the right. -->
  <xsl:template name="letterhead">
    <xsl:param name="right-title"/>
    <xsl:param name="right-lines"/>
    <xsl:variable name="e" select="/*/d:establishment"/>
    <first-header>
      <columns gap="8mm">
        <column width="58%">
          <xsl:if test="$e/d:logo">
            <image src="{$e/d:logo}" alt="Logo : {$e/d:name}" height="14mm"/>
          </xsl:if>
          <p style="lh-academie"><xsl:value-of select="$e/d:academie"/></p>
          <p style="lh-name"><xsl:value-of select="$e/d:name"/></p>
          <!-- a cité scolaire: its collège and its lycée, each with its UAI -->
          <xsl:if test="$e/@kind = 'cite-scolaire' and $e/d:schools">
            <p style="lh-address">
              <xsl:for-each select="$e/d:schools/d:school">
                <xsl:value-of select="normalize-space(.)"/> (UAI <xsl:value-of select="@uai"/>)<xsl:if test="position() != last()"><br/></xsl:if>
              </xsl:for-each>
            </p>
          </xsl:if>
          <p style="lh-address" public="keep">
            <xsl:for-each select="$e/d:address/d:line"><xsl:value-of select="."/><br/></xsl:for-each>
            <xsl:value-of select="$e/d:address/d:postcode"/><xsl:text> </xsl:text><xsl:value-of select="$e/d:address/d:city"/>
            <xsl:if test="$e/d:phone"><br/>Tél. <xsl:value-of select="$e/d:phone"/></xsl:if>
            <xsl:if test="$e/d:email"><br/><xsl:value-of select="$e/d:email"/></xsl:if>
          </p>
        </column>
        <column>
          <p style="lh-right"><xsl:copy-of select="$right-title"/></p>
          <xsl:if test="string($right-lines)">
            <p style="lh-right-small"><xsl:copy-of select="$right-lines"/></p>
          </xsl:if>
        </column>
      </columns>
    </first-header>
  </xsl:template>

  <xsl:template name="running-header">
    <xsl:param name="text"/>
    <header>
      <p style="running"><xsl:value-of select="/*/d:establishment/d:name"/> — <xsl:value-of select="$text"/></p>
    </header>
  </xsl:template>

  <xsl:template name="footer">
    <footer>
      <p style="footer">Page <page-number/> / <page-count/></p>
    </footer>
  </xsl:template>

  <!-- ===== French dates, times, numbers ===== -->

  <!-- The document's creation date for the PDF's metadata: the date, the
       start time when there is one (else the start of the day), and, for a
       school overseas, its time zone from the postcode. A time without a zone
       is France's metropolitan legal time; the engine gives it its offset
       (+01:00 or +02:00), so that every date in the PDF carries a zone.
       Polynésie française is taken at Tahiti's time (-10:00). -->
  <xsl:template name="created">
    <xsl:param name="date"/>
    <xsl:param name="time"/>
    <xsl:variable name="cp" select="substring(normalize-space(/*/d:establishment/d:address/d:postcode), 1, 3)"/>
    <xsl:value-of select="$date"/>
    <xsl:text>T</xsl:text>
    <xsl:choose>
      <xsl:when test="string-length($time) = 5"><xsl:value-of select="$time"/>:00</xsl:when>
      <xsl:otherwise>00:00:00</xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$cp = '971' or $cp = '972' or $cp = '977' or $cp = '978'">-04:00</xsl:when>
      <xsl:when test="$cp = '973'">-03:00</xsl:when>
      <xsl:when test="$cp = '974'">+04:00</xsl:when>
      <xsl:when test="$cp = '976'">+03:00</xsl:when>
      <xsl:when test="$cp = '986'">+12:00</xsl:when>
      <xsl:when test="$cp = '987'">-10:00</xsl:when>
      <xsl:when test="$cp = '988'">+11:00</xsl:when>
      <xsl:when test="$cp = '975'">
        <!-- Saint-Pierre-et-Miquelon keeps North America's summer time:
             from the second Sunday of March to the first of November. -->
        <xsl:variable name="y" select="number(substring($date, 1, 4))"/>
        <xsl:variable name="md" select="number(substring($date, 6, 2)) * 100 + number(substring($date, 9, 2))"/>
        <xsl:variable name="mar1"><xsl:call-template name="weekday-number"><xsl:with-param name="y" select="$y"/><xsl:with-param name="m" select="3"/><xsl:with-param name="d" select="1"/></xsl:call-template></xsl:variable>
        <xsl:variable name="nov1"><xsl:call-template name="weekday-number"><xsl:with-param name="y" select="$y"/><xsl:with-param name="m" select="11"/><xsl:with-param name="d" select="1"/></xsl:call-template></xsl:variable>
        <xsl:variable name="start" select="300 + 8 + (7 - $mar1) mod 7"/>
        <xsl:variable name="end" select="1100 + 1 + (7 - $nov1) mod 7"/>
        <xsl:choose>
          <xsl:when test="$md &gt;= $start and $md &lt; $end">-02:00</xsl:when>
          <xsl:otherwise>-03:00</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The day of the week of y-m-d, 0 for Sunday to 6 for Saturday
       (Zeller's congruence, Gregorian calendar). -->
  <xsl:template name="weekday-number">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:param name="d"/>
    <xsl:variable name="yy" select="$y - ($m &lt; 3)"/>
    <xsl:variable name="mm" select="$m + 12 * ($m &lt; 3)"/>
    <xsl:variable name="h" select="($d + floor(13 * ($mm + 1) div 5) + $yy + floor($yy div 4) - floor($yy div 100) + floor($yy div 400)) mod 7"/>
    <xsl:value-of select="($h + 6) mod 7"/>
  </xsl:template>

  <!-- 2026-10-08 → "jeudi 8 octobre 2026"; with $weekday="no", "8 octobre 2026";
       the first of the month is "1er". -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:param name="weekday" select="'yes'"/>
    <xsl:variable name="y" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="dd" select="number(substring($iso, 9, 2))"/>
    <xsl:if test="$weekday = 'yes'">
      <xsl:variable name="h">
        <xsl:call-template name="weekday-number">
          <xsl:with-param name="y" select="$y"/>
          <xsl:with-param name="m" select="$m"/>
          <xsl:with-param name="d" select="$dd"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="substring-before(substring-after('|0dimanche|1lundi|2mardi|3mercredi|4jeudi|5vendredi|6samedi|', concat('|', $h)), '|')"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$dd = 1">1er</xsl:when>
      <xsl:otherwise><xsl:value-of select="$dd"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring-before(substring-after('|1janvier|2février|3mars|4avril|5mai|6juin|7juillet|8août|9septembre|10octobre|11novembre|12décembre|', concat('|', $m)), '|')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="$y"/>
  </xsl:template>

  <!-- 17:30 → "17 h 30", 17:00 → "17 h" -->
  <xsl:template name="time">
    <xsl:param name="hm"/>
    <xsl:value-of select="number(substring-before($hm, ':'))"/>
    <xsl:text> h</xsl:text>
    <xsl:if test="substring-after($hm, ':') != '00'">
      <xsl:text> </xsl:text><xsl:value-of select="substring-after($hm, ':')"/>
    </xsl:if>
  </xsl:template>

  <!-- minutes since midnight → "17 h 30" -->
  <xsl:template name="clock">
    <xsl:param name="minutes"/>
    <xsl:call-template name="time">
      <xsl:with-param name="hm" select="concat(floor($minutes div 60), ':', format-number($minutes mod 60, '00'))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a duration in minutes → "15 min", "1 h 30" -->
  <xsl:template name="duration">
    <xsl:param name="minutes"/>
    <xsl:choose>
      <xsl:when test="$minutes &lt; 60"><xsl:value-of select="$minutes"/> min</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="clock"><xsl:with-param name="minutes" select="$minutes"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 1 → "1re", 2 → "2e" (for réunion, séance: feminine) -->
  <xsl:template name="ordinal-f">
    <xsl:param name="n"/>
    <xsl:value-of select="$n"/>
    <sup><xsl:choose><xsl:when test="$n = 1">re</xsl:when><xsl:otherwise>e</xsl:otherwise></xsl:choose></sup>
  </xsl:template>

  <!-- "0 session", "1 session", "3 sessions": French puts the singular
       below 2. -->
  <xsl:template name="count">
    <xsl:param name="n"/>
    <xsl:param name="word"/>
    <xsl:value-of select="$n"/><xsl:text> </xsl:text><xsl:value-of select="$word"/><xsl:if test="$n &gt;= 2">s</xsl:if>
  </xsl:template>

  <xsl:template name="number">
    <xsl:param name="value"/>
    <xsl:value-of select="format-number($value, '#&#x202F;##0,##', 'fr')"/>
  </xsl:template>

  <!-- "Comité de pilotage du numérique" → "comité de pilotage du numérique",
       for the middle of a sentence; "COPIL-Num", "CTICE" stay as they are. -->
  <xsl:template name="in-sentence">
    <xsl:param name="s"/>
    <xsl:variable name="second" select="substring($s, 2, 1)"/>
    <xsl:choose>
      <xsl:when test="$second != translate($second, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '')"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="translate(substring($s, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ', 'abcdefghijklmnopqrstuvwxyzéèêàâîôûç')"/>
        <xsl:value-of select="substring($s, 2)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Mme Hélène Rousseau" for a member or a person -->
  <xsl:template name="person">
    <xsl:param name="p"/>
    <xsl:value-of select="$p/@civility"/><xsl:text> </xsl:text><xsl:value-of select="$p/d:name"/>
  </xsl:template>

  <!-- The member whose id is $id -->
  <xsl:template name="member-name">
    <xsl:param name="id"/>
    <xsl:call-template name="person">
      <xsl:with-param name="p" select="/*/d:members/d:member[@id = $id]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An action's owner: its <owner> element, a person from outside the
       committee ("M. Paul Martin (Conseil départemental)"), else the member
       whose id is its @owner, looked up in $members first (by default this
       file's), then in $others (e.g. the previous meeting's members, who may
       keep a task). An id found in neither prints as written. -->
  <xsl:template name="action-owner">
    <xsl:param name="a"/>
    <xsl:param name="members" select="/*/d:members/d:member"/>
    <xsl:param name="others" select="/.."/>
    <xsl:variable name="id" select="string($a/@owner)"/>
    <xsl:choose>
      <xsl:when test="$a/d:owner">
        <xsl:call-template name="person"><xsl:with-param name="p" select="$a/d:owner"/></xsl:call-template>
        <xsl:if test="$a/d:owner/d:organisation"> (<xsl:value-of select="$a/d:owner/d:organisation"/>)</xsl:if>
      </xsl:when>
      <xsl:when test="$members[@id = $id]">
        <xsl:call-template name="person"><xsl:with-param name="p" select="$members[@id = $id][1]"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$others[@id = $id]">
        <xsl:call-template name="person"><xsl:with-param name="p" select="$others[@id = $id][1]"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Two dates as a span, without weekday: "du 31 décembre 2026 au 5 mars
       2027"; the first date's year goes when both share it ("du 31 janvier
       au 5 mars 2027"), its month too when they share that ("du 1er au
       20 mars 2027"). -->
  <xsl:template name="date-span">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="full">
      <xsl:call-template name="date"><xsl:with-param name="iso" select="$from"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
    </xsl:variable>
    <xsl:text>du </xsl:text>
    <xsl:choose>
      <xsl:when test="substring($from, 1, 7) = substring($to, 1, 7)"><xsl:value-of select="substring-before($full, ' ')"/></xsl:when>
      <xsl:when test="substring($from, 1, 4) = substring($to, 1, 4)"><xsl:value-of select="substring($full, 1, string-length($full) - 5)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$full"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> au </xsl:text>
    <xsl:call-template name="date"><xsl:with-param name="iso" select="$to"/><xsl:with-param name="weekday" select="'no'"/></xsl:call-template>
  </xsl:template>

  <!-- ===== agreement in gender and number ===== -->

  <!-- A word agreed with the people it speaks of: $word is a code of
       $agreements, $who the elements it speaks of (each with @civility: a
       member, a signatory, an appointee…). One person: masculine for "M.",
       feminine for "Mme"; several: the plural, feminine only when every one
       is "Mme"; nobody known (an empty $who): the inclusive form.
       <xsl:call-template name="agree"><xsl:with-param name="word" select="'le-president'"/>
       <xsl:with-param name="who" select="$chair"/></xsl:call-template> → "La présidente". -->
  <xsl:template name="agree">
    <xsl:param name="word"/>
    <xsl:param name="who" select="/.."/>
    <!-- masculine,feminine,inclusive[,masculine plural,feminine plural] -->
    <xsl:variable name="forms" select="concat(substring-before(substring-after($agreements, concat('|', $word, '=')), '|'), ',,,,')"/>
    <xsl:variable name="m" select="substring-before($forms, ',')"/>
    <xsl:variable name="r1" select="substring-after($forms, ',')"/>
    <xsl:variable name="f" select="substring-before($r1, ',')"/>
    <xsl:variable name="r2" select="substring-after($r1, ',')"/>
    <xsl:variable name="incl" select="substring-before($r2, ',')"/>
    <xsl:variable name="r3" select="substring-after($r2, ',')"/>
    <xsl:variable name="mp" select="substring-before($r3, ',')"/>
    <xsl:variable name="fp" select="substring-before(substring-after($r3, ','), ',')"/>
    <xsl:variable name="women" select="count($who[@civility = 'Mme'])"/>
    <xsl:choose>
      <xsl:when test="count($who) = 0"><xsl:value-of select="$incl"/></xsl:when>
      <xsl:when test="count($who) = 1 and $women = 1"><xsl:value-of select="$f"/></xsl:when>
      <xsl:when test="count($who) = 1"><xsl:value-of select="$m"/></xsl:when>
      <xsl:when test="$women = count($who)"><xsl:value-of select="$fp"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$mp"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- code=masculine,feminine,inclusive,masculine plural,feminine plural -->
  <xsl:variable name="agreements">|president=président,présidente,président ou présidente,présidents,présidentes|le-president=Le président,La présidente,Le président ou la présidente,Les présidents,Les présidentes|le-secretaire=Le secrétaire,La secrétaire,Le ou la secrétaire,Les secrétaires,Les secrétaires|represente=représenté,représentée,représenté ou représentée,représentés,représentées|excuse=excusé,excusée,excusé ou excusée,excusés,excusées|absent=absent,absente,absent ou absente,absents,absentes|present=présent,présente,présent ou présente,présents,présentes|designe=désigné,désignée,désigné ou désignée,désignés,désignées|invite=invité,invitée,invité ou invitée,invités,invitées|l-interesse=L’intéressé,L’intéressée,L’intéressé ou l’intéressée,Les intéressés,Les intéressées|interesse=intéressé,intéressée,intéressé ou intéressée,intéressés,intéressées|du-coordonnateur=du coordonnateur,de la coordonnatrice,du coordonnateur ou de la coordonnatrice,des coordonnateurs,des coordonnatrices|Presents=Présent,Présente,Présents,Présents,Présentes|Excuses=Excusé,Excusée,Excusés,Excusés,Excusées|Absents=Absent,Absente,Absents,Absents,Absentes|Representes=Représenté,Représentée,Représentés,Représentés,Représentées|Invites=Invité,Invitée,Invités,Invités,Invitées|</xsl:variable>

  <!-- ===== who gets which copy ===== -->

  <!-- The copy a <group> of a distribution list gets, "complet" or "public":
       copil mail sends it (mail.xsl) and the minutes' « Diffusion » line
       says it, from this one rule. What the group says (visibility) wins;
       otherwise the full copy goes to the people who took part
       (participants, membres) and to the académie (kind academie: the
       employer and the authority, whose DAN co-signs the mission letter),
       the public copy without personal data to every wider group
       (personnels, parents, eleves, partenaires, collectivite, autre),
       as the RGPD asks. -->
  <xsl:template name="group-copy">
    <xsl:param name="group" select="."/>
    <xsl:choose>
      <xsl:when test="$group/@visibility"><xsl:value-of select="$group/@visibility"/></xsl:when>
      <xsl:when test="$group/@kind = 'participants' or $group/@kind = 'membres' or $group/@kind = 'academie'">complet</xsl:when>
      <xsl:otherwise>public</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== agenda items, sub-points and guests ===== -->

  <!-- An item's number as printed: "3", or "3.1" for a sub-point. -->
  <xsl:template name="item-number">
    <xsl:param name="i" select="."/>
    <xsl:for-each select="$i">
      <xsl:if test="parent::d:item"><xsl:value-of select="count(../preceding-sibling::d:item) + 1"/>.</xsl:if>
      <xsl:value-of select="count(preceding-sibling::d:item) + 1"/>
    </xsl:for-each>
  </xsl:template>

  <!-- An item's planned minutes: its own, or its sub-points' added up. -->
  <xsl:template name="item-minutes">
    <xsl:param name="i" select="."/>
    <xsl:choose>
      <xsl:when test="$i/d:item"><xsl:value-of select="sum($i/d:item/@minutes)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="number(concat('0', $i/@minutes))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Minutes from the meeting's start to the start of item $i, through
       the sub-points of the items before it. -->
  <xsl:template name="item-offset">
    <xsl:param name="i" select="."/>
    <xsl:for-each select="$i">
      <xsl:choose>
        <xsl:when test="parent::d:item">
          <xsl:variable name="parent-offset">
            <xsl:call-template name="item-offset"><xsl:with-param name="i" select=".."/></xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="$parent-offset + sum(preceding-sibling::d:item/@minutes)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="sum(preceding-sibling::d:item[not(d:item)]/@minutes) + sum(preceding-sibling::d:item/d:item/@minutes)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The whole agenda's planned minutes. -->
  <xsl:template name="agenda-minutes">
    <xsl:variable name="a" select="/d:meeting/d:agenda"/>
    <xsl:value-of select="sum($a/d:item[not(d:item)]/@minutes) + sum($a/d:item/d:item/@minutes)"/>
  </xsl:template>

  <!-- The guests of item $i as one phrase: "Mme A (CPE) ; M. B (Technicien, Conseil départemental)". -->
  <xsl:template name="guests-phrase">
    <xsl:param name="i" select="."/>
    <xsl:for-each select="$i/d:guest">
      <xsl:variable name="ref" select="@ref"/>
      <xsl:variable name="p" select="/d:meeting/d:members/d:member[@id = $ref] | self::d:guest[not(@ref)]"/>
      <xsl:call-template name="person"><xsl:with-param name="p" select="$p"/></xsl:call-template>
      <xsl:variable name="what">
        <xsl:if test="$p/d:label | $p/@role"><xsl:call-template name="function"><xsl:with-param name="m" select="$p"/></xsl:call-template></xsl:if>
        <xsl:if test="($p/d:label or $p/@role) and $p/d:organisation">, </xsl:if>
        <xsl:value-of select="$p/d:organisation"/>
      </xsl:variable>
      <xsl:if test="string($what)"> (<xsl:value-of select="$what"/>)</xsl:if>
      <xsl:if test="position() != last()"> ; </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- "invitée pour le point 3", "invité pour les points 3.1 et 5" for
       person $p: a member named as a guest, or an outside guest. -->
  <xsl:template name="invited-for">
    <xsl:param name="p"/>
    <xsl:variable name="items" select="/d:meeting/d:agenda//d:item[d:guest[@ref = $p/@id] or count(d:guest | $p) = count(d:guest)]"/>
    <xsl:call-template name="agree"><xsl:with-param name="word" select="'invite'"/><xsl:with-param name="who" select="$p"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="count($items) = 1"> pour le point </xsl:when>
      <xsl:otherwise> pour les points </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$items">
      <xsl:call-template name="item-number"/>
      <xsl:choose>
        <xsl:when test="position() = last()"/>
        <xsl:when test="position() = last() - 1"> et </xsl:when>
        <xsl:otherwise>, </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Whom to warn when one cannot come, as the kind of establishment says. -->
  <xsl:template name="absence-contact">
    <xsl:variable name="k" select="/*/d:establishment/@kind"/>
    <xsl:choose>
      <xsl:when test="$k = 'circonscription'">le secrétariat de la circonscription</xsl:when>
      <xsl:when test="$k = 'ecole'">la direction de l’école</xsl:when>
      <xsl:when test="$k = 'commune' or $k = 'communaute-de-communes'">le secrétariat de l’organisateur de la réunion</xsl:when>
      <xsl:otherwise>le secrétariat de direction</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The schools a committee steers (circonscription, commune, cité
       scolaire…): a table of names, towns and UAI. -->
  <xsl:template name="schools-table">
    <xsl:variable name="schools" select="/*/d:establishment/d:schools/d:school"/>
    <xsl:if test="$schools">
      <table>
        <xsl:choose>
          <xsl:when test="$schools/@city"><col width="3*"/><col width="2*"/><col width="24mm"/></xsl:when>
          <xsl:otherwise><col width="5*"/><col width="24mm"/></xsl:otherwise>
        </xsl:choose>
        <head>
          <row>
            <cell><xsl:choose><xsl:when test="count($schools[@kind = 'ecole']) = count($schools)">École</xsl:when><xsl:otherwise>Établissement</xsl:otherwise></xsl:choose></cell>
            <xsl:if test="$schools/@city"><cell>Commune</cell></xsl:if>
            <cell>UAI</cell>
          </row>
        </head>
        <xsl:for-each select="$schools">
          <row>
            <cell><xsl:value-of select="normalize-space(.)"/></cell>
            <xsl:if test="$schools/@city"><cell><xsl:value-of select="@city"/></cell></xsl:if>
            <cell><xsl:value-of select="@uai"/></cell>
          </row>
        </xsl:for-each>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- The schools a committee steers, under the title; a cité scolaire's
       two establishments are in the letterhead already. -->
  <xsl:template name="schools-section">
    <xsl:if test="/*/d:establishment/d:schools and /*/d:establishment/@kind != 'cite-scolaire'">
      <h2>
        <xsl:choose>
          <xsl:when test="count(/*/d:establishment/d:schools/d:school[@kind = 'ecole']) = count(/*/d:establishment/d:schools/d:school)">Écoles concernées</xsl:when>
          <xsl:otherwise>Établissements concernés</xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:call-template name="schools-table"/>
    </xsl:if>
  </xsl:template>

  <!-- The committee's composition, when it is not the usual one. -->
  <xsl:template name="composition-note">
    <xsl:variable name="m" select="/d:meeting"/>
    <xsl:choose>
      <xsl:when test="$m/d:session/@kind = 'restreinte'">
        <p style="subtitle"><i>Comité réuni en formation restreinte</i></p>
      </xsl:when>
      <xsl:when test="$m/d:agenda//d:guest">
        <p style="subtitle"><i>Comité réuni en formation élargie : des invités participent à certains points</i></p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== labels of the codes ===== -->

  <xsl:template name="label">
    <xsl:param name="code"/>
    <xsl:param name="table"/>
    <xsl:variable name="found" select="substring-before(substring-after($table, concat('|', $code, '=')), '|')"/>
    <xsl:choose>
      <xsl:when test="$found"><xsl:value-of select="$found"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$code"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="roles">|chef-etablissement=Chef d’établissement|adjoint=Adjoint(e)|ctice=Coordonnateur TICE|aed-tice=AED TICE|gestionnaire=Gestionnaire|cpe=CPE|documentaliste=Professeur documentaliste|coordonnateur-disciplinaire=Coordonnateur disciplinaire|enseignant=Enseignant(e)|chef-travaux=Directeur délégué aux formations|referent-dane=Référent DANE|referent-pop=Référent POP|collectivite=Collectivité|parent=Représentant des parents|eleve=Représentant des élèves|ien=IEN de circonscription|ien-num=IEN chargé du numérique|cpd-num=CPD numérique|erun=ERUN|cpc=CPC|maitre-formateur=Maître formateur|directeur-ecole=Directeur d’école|elu=Élu(e)|president-cc=Président de la communauté de communes|dden=DDEN|periscolaire=Périscolaire|service-informatique=Service informatique|technicien=Technicien|syndicat-energie=Syndicat d’énergie|association-parents=Association de parents|dan=Délégué académique au numérique|invite=Invité(e)|autre=Autre|</xsl:variable>
  <xsl:variable name="families">|pedagogique=Pédagogique|technique=Technique|financier=Financier|</xsl:variable>
  <xsl:variable name="item-kinds">|information=Information|discussion=Discussion|decision=Décision|</xsl:variable>
  <xsl:variable name="session-kinds">|ordinaire=séance ordinaire|extraordinaire=séance extraordinaire|restreinte=séance restreinte|</xsl:variable>
  <xsl:variable name="action-statuses">|a-faire=À faire|en-cours=En cours|fait=Réalisée|abandonne=Abandonnée|</xsl:variable>
  <xsl:variable name="results">|atteint=Atteint|partiellement-atteint=Partiellement atteint|non-atteint=Non atteint|</xsl:variable>
  <xsl:variable name="approvals">|approuve=Le compte rendu de la réunion précédente est approuvé.|approuve-avec-modifications=Le compte rendu de la réunion précédente est approuvé avec modifications.|ajourne=L’approbation du compte rendu de la réunion précédente est ajournée.|sans-objet=Première réunion de l’année : aucun compte rendu à approuver.|</xsl:variable>
  <xsl:variable name="groups">|participants=Participants|membres=Membres du comité|personnels=Ensemble des personnels|parents=Parents d’élèves|eleves=Élèves|partenaires=Partenaires|collectivite=Collectivité|academie=Académie|autre=Autres destinataires|</xsl:variable>
  <!-- an activity report's mission axes and support categories -->
  <xsl:variable name="axes">|pilotage=Conseil et pilotage|accompagnement-usages=Accompagnement des usages pédagogiques|formation=Formation et entraide|assistance-technique=Assistance technique et relations avec la collectivité|communication=Communication|maintenance=Maintenance|autre=Autres tâches|</xsl:variable>
  <xsl:variable name="supports">|postes-de-travail=Postes de travail|reseau=Réseau et Wi-Fi|ent=ENT|videoprojection=Vidéoprojection|comptes=Comptes et mots de passe|logiciels=Logiciels|impression=Impression|tablettes=Tablettes|autre=Autres demandes|</xsl:variable>
  <xsl:variable name="body-kinds">|comite-pilotage-numerique=Comité de pilotage du numérique|comite-numerique=Comité numérique|copil-num=COPIL-Num|conseil-pedagogique=Conseil pédagogique|comite-restreint=Comité restreint|</xsl:variable>

  <!-- The committee's name: its own, or the kind's. -->
  <xsl:template name="body-name">
    <xsl:variable name="b" select="/*/d:body"/>
    <xsl:choose>
      <xsl:when test="normalize-space($b)"><xsl:value-of select="normalize-space($b)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="label">
          <xsl:with-param name="code" select="$b/@kind"/>
          <xsl:with-param name="table" select="$body-kinds"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A member's function: the label as printed, else the role's. -->
  <xsl:template name="function">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="$m/d:label"><xsl:value-of select="$m/d:label"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="label">
          <xsl:with-param name="code" select="$m/@role"/>
          <xsl:with-param name="table" select="$roles"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Running text of the data (p, ul, ol; em, strong, link, br inside) →
       layout paragraphs and lists. $style, when given, is the style of the
       paragraphs and of the lists' items (e.g. "ct" inside a table cell).
       Apply to the children of a c:Paragraphs element: select="d:description/*". -->
  <xsl:template match="d:p" mode="text">
    <xsl:param name="style"/>
    <p>
      <xsl:if test="$style"><xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>
  <xsl:template match="d:ul | d:ol" mode="text">
    <xsl:param name="style"/>
    <list>
      <xsl:if test="self::d:ol"><xsl:attribute name="kind">number</xsl:attribute></xsl:if>
      <xsl:if test="$style"><xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute></xsl:if>
      <xsl:for-each select="d:li">
        <item>
          <xsl:apply-templates select="node()[not(self::d:ul or self::d:ol)]" mode="inline"/>
          <xsl:apply-templates select="d:ul | d:ol" mode="text">
            <xsl:with-param name="style" select="$style"/>
          </xsl:apply-templates>
        </item>
      </xsl:for-each>
    </list>
  </xsl:template>
  <xsl:template match="d:br" mode="inline"><br/></xsl:template>
  <xsl:template match="d:em" mode="inline"><i><xsl:apply-templates mode="inline"/></i></xsl:template>
  <xsl:template match="d:strong" mode="inline"><b><xsl:apply-templates mode="inline"/></b></xsl:template>
  <xsl:template match="d:link" mode="inline"><a href="{@href}"><xsl:apply-templates mode="inline"/></a></xsl:template>
  <xsl:template match="text()" mode="inline"><xsl:value-of select="."/></xsl:template>

</xsl:stylesheet>
