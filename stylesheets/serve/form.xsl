<?xml version="1.0" encoding="UTF-8"?>
<!--
  serve/form.xsl — the form of copil serve: a data file and its schemas →
  an HTML form, derived field by field, never written by hand for a kind.

  Input (made by src/serve/form.c): <s:input> holding a copy of the data
  file's root element, whose elements with problems carry s:problem
  children (copil validate's words), then the kind's schema and
  common.xsd. For each element of the data, the schema says its label (the
  French words before " — " in its xs:documentation), its type (a date, a
  time, an e-mail address, a closed list, paragraphs) and what is expected
  (xs:appinfo, in French when there is). A change to the schemas shows in
  the form without editing this file; an académie restyles it here and in
  copil.css.

  Field names say where the value goes back: e:1.5.2 is the text of the
  data root's 5th element's 2nd element; a:1.5.2:kind its attribute kind;
  p:1.7.3 the paragraphs of a description (blank lines between them). The
  server (form.c) writes each value back into the file, and only those:
  comments, order and everything the form does not show stay as they are.

  Output: an HTML fragment (the page around it is the server's).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:s="urn:copil:serve"
                exclude-result-prefixes="xs s">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- What the server passes, on s:input: the file, its hash when read,
       the words of the form in the user's language. -->
  <xsl:variable name="file" select="/s:input/@file"/>
  <xsl:variable name="base" select="/s:input/@base"/>
  <xsl:variable name="save-label" select="/s:input/@save-label"/>
  <xsl:variable name="problems-label" select="/s:input/@problems-label"/>
  <xsl:variable name="readonly-label" select="/s:input/@readonly-label"/>
  <xsl:variable name="none-label" select="/s:input/@none-label"/>
  <xsl:variable name="add-label" select="/s:input/@add-label"/>
  <xsl:variable name="remove-label" select="/s:input/@remove-label"/>
  <xsl:variable name="up-label" select="/s:input/@up-label"/>
  <xsl:variable name="down-label" select="/s:input/@down-label"/>
  <xsl:variable name="choose-label" select="/s:input/@choose-label"/>
  <xsl:variable name="text-hint" select="/s:input/@text-hint"/>
  <xsl:variable name="new-label" select="/s:input/@new-label"/>

  <!-- The declaration of each element and attribute of the data, found by
       the server in its parent's type (s:d on the element, s:attr for its
       attributes). -->
  <xsl:key name="decl" match="xs:element | xs:attribute" use="@s:d"/>
  <!-- The schemas' named types, by name. -->
  <xsl:key name="type" match="xs:schema/xs:simpleType | xs:schema/xs:complexType" use="@name"/>
  <xsl:variable name="root" select="/s:input/*[not(self::s:*)][1]"/>
  <!-- What references are chosen among, found once: the members, the
       agenda's items, the previous meeting's objectives (the server's). -->
  <xsl:variable name="members" select="$root//*[local-name() = 'member'][@id]"/>
  <xsl:variable name="items" select="$root/*[local-name() = 'agenda']//*[local-name() = 'item'][@id]"/>
  <xsl:variable name="objectives" select="/s:input/s:objective"/>

  <xsl:template match="/s:input">
    <form method="post" action="/save" class="edit" novalidate="novalidate">
      <input type="hidden" name="f" value="{$file}"/>
      <input type="hidden" name="base" value="{$base}"/>
      <!-- Enter in a field presses the form's first button: saving, not
           one of the groups' buttons. -->
      <button type="submit" name="op" value="save" class="default" tabindex="-1" aria-hidden="true">
        <xsl:value-of select="$save-label"/>
      </button>
      <xsl:if test="$root//s:problem">
        <div class="summary" role="alert" tabindex="-1" id="summary">
          <h2><xsl:value-of select="$problems-label"/></h2>
          <ol>
            <xsl:for-each select="$root//s:problem">
              <li>
                <xsl:variable name="at"><xsl:call-template name="path"><xsl:with-param name="e" select=".."/></xsl:call-template></xsl:variable>
                <!-- a problem of an attribute leads to its field -->
                <xsl:variable name="p" select="."/>
                <xsl:variable name="attr" select="../s:attr[@name = $p/@attr][@name != 'id' and @name != 'version']"/>
                <xsl:choose>
                  <xsl:when test="$attr">
                    <a href="#a-{$at}-{$attr/@name}"><xsl:call-template name="words">
                      <xsl:with-param name="doc" select="key('decl', $attr/@d)/xs:annotation/xs:documentation"/>
                      <xsl:with-param name="fallback" select="$attr/@name"/>
                    </xsl:call-template></a>
                  </xsl:when>
                  <xsl:otherwise>
                    <a href="#x-{$at}"><xsl:call-template name="label-of">
                      <xsl:with-param name="e" select=".."/>
                    </xsl:call-template></a>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:text>&#x202F;: </xsl:text>
                <xsl:value-of select="."/>
              </li>
            </xsl:for-each>
          </ol>
        </div>
      </xsl:if>
      <xsl:if test="local-name($root) = 'meeting' and not($root/*[local-name() = 'record'])">
        <xsl:call-template name="draft-record"/>
      </xsl:if>
      <xsl:apply-templates select="$root" mode="group"/>
      <p class="actions">
        <button type="submit" name="op" value="save" class="button"><xsl:value-of select="$save-label"/></button>
      </p>
    </form>
  </xsl:template>

  <!-- ===== where a value goes back ===== -->

  <xsl:template name="path">
    <xsl:param name="e" select="."/>
    <xsl:for-each select="$e/ancestor-or-self::*[not(self::s:input)]">
      <xsl:if test="position() &gt; 1">.</xsl:if>
      <xsl:value-of select="count(preceding-sibling::*[not(self::s:*)]) + 1"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== what the schema says of an element ===== -->

  <!-- Its declaration: by name, under its parent's declaration when there
       are several. -->
  <xsl:template name="label-of">
    <xsl:param name="e"/>
    <xsl:variable name="decl" select="key('decl', $e/@s:d)"/>
    <xsl:call-template name="words">
      <xsl:with-param name="doc" select="$decl/xs:annotation/xs:documentation"/>
      <xsl:with-param name="fallback" select="local-name($e)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The French label of a documentation: what comes before " — ". -->
  <xsl:template name="words">
    <xsl:param name="doc"/>
    <xsl:param name="fallback"/>
    <xsl:variable name="d" select="normalize-space($doc)"/>
    <xsl:choose>
      <xsl:when test="contains($d, ' — ')"><xsl:value-of select="substring-before($d, ' — ')"/></xsl:when>
      <xsl:when test="$d"><xsl:value-of select="$d"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$fallback"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The local name of a type reference: "c:Date" → "Date". -->
  <xsl:template name="local">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="contains($t, ':')"><xsl:value-of select="substring-after($t, ':')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== groups and fields ===== -->

  <!-- An element with elements inside: a group of fields. -->
  <xsl:template match="*" mode="group">
    <xsl:variable name="path"><xsl:call-template name="path"/></xsl:variable>
    <xsl:variable name="decl" select="key('decl', @s:d)"/>
    <xsl:variable name="tname"><xsl:call-template name="local"><xsl:with-param name="t" select="$decl/@type"/></xsl:call-template></xsl:variable>
    <xsl:variable name="type" select="$decl/xs:complexType | key('type', $tname)[self::xs:complexType]"/>
    <!-- running text (paragraphs and lists) with attributes: a type that
         extends Paragraphs -->
    <xsl:variable name="paras" select="$type/xs:complexContent/xs:extension[@base = 'Paragraphs' or substring-after(@base, ':') = 'Paragraphs']"/>
    <xsl:choose>
      <xsl:when test="$tname = 'Paragraphs'">
        <xsl:call-template name="paragraphs"><xsl:with-param name="path" select="$path"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="not(*[not(self::s:*)]) and (not(s:child) or $type/@mixed = 'true') and not(s:attr[@name != 'id' and @name != 'version'])">
        <xsl:call-template name="field">
          <xsl:with-param name="path" select="$path"/>
          <xsl:with-param name="decl" select="$decl"/>
          <xsl:with-param name="tname" select="$tname"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <fieldset class="group" id="x-{$path}">
          <legend>
            <xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template>
            <!-- one of several: its number, and its name or title -->
            <xsl:variable name="n" select="local-name()"/>
            <xsl:if test="../*[not(self::s:*)][local-name() = $n][2]">
              <xsl:text> </xsl:text>
              <xsl:value-of select="count(preceding-sibling::*[not(self::s:*)][local-name() = $n]) + 1"/>
            </xsl:if>
            <xsl:variable name="named" select="*[local-name() = 'name' or local-name() = 'title'][1]"/>
            <xsl:if test="$named">
              <xsl:text> — </xsl:text>
              <xsl:value-of select="normalize-space($named/text()[1])"/>
            </xsl:if>
          </legend>
          <xsl:for-each select="s:problem">
            <xsl:variable name="p" select="."/>
            <xsl:if test="not(../s:attr[@name = $p/@attr][@name != 'id' and @name != 'version'])">
              <xsl:apply-templates select="." mode="inline"/>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="s:attr[@name != 'id' and @name != 'version']">
            <xsl:call-template name="attribute">
              <xsl:with-param name="path" select="$path"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="not($paras) and not(*[not(self::s:*)]) and (normalize-space(text()) or $type/xs:simpleContent)">
            <xsl:call-template name="field">
              <xsl:with-param name="path" select="$path"/>
              <xsl:with-param name="decl" select="$decl"/>
              <xsl:with-param name="tname" select="$tname"/>
              <xsl:with-param name="nested" select="1"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$paras">
              <xsl:call-template name="paragraphs">
                <xsl:with-param name="path" select="$path"/>
                <xsl:with-param name="nested" select="1"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="*[not(self::s:*)]" mode="group"/>
              <xsl:if test="not($type/@mixed = 'true')">
                <xsl:call-template name="new-buttons"><xsl:with-param name="path" select="$path"/></xsl:call-template>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$decl/@maxOccurs = 'unbounded' or $decl/@maxOccurs &gt; 1">
            <xsl:call-template name="group-buttons"><xsl:with-param name="path" select="$path"/></xsl:call-template>
          </xsl:if>
        </fieldset>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A button for each element the schema allows here that the file has
       not: the server adds it where the schema orders it, with what it
       requires. A meeting's record has its own (draft-record). -->
  <xsl:template name="new-buttons">
    <xsl:param name="path"/>
    <xsl:variable name="here" select="."/>
    <!-- for a screen reader, where: the group's label and number -->
    <xsl:variable name="which">
      <xsl:text> — </xsl:text>
      <xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template>
      <xsl:variable name="n" select="local-name()"/>
      <xsl:if test="../*[not(self::s:*)][local-name() = $n][2]">
        <xsl:text> </xsl:text>
        <xsl:value-of select="count(preceding-sibling::*[not(self::s:*)][local-name() = $n]) + 1"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="buttons">
      <xsl:for-each select="s:child">
        <xsl:variable name="cn" select="@name"/>
        <xsl:if test="not($here/*[not(self::s:*)][local-name() = $cn]) and not($cn = 'record' and local-name($here) = 'meeting')">
          <xsl:text> </xsl:text>
          <button type="submit" name="op" value="new:{$path}:{$cn}" class="secondary small">
            <xsl:call-template name="words">
              <xsl:with-param name="doc" select="key('decl', @d)/xs:annotation/xs:documentation"/>
              <xsl:with-param name="fallback" select="$cn"/>
            </xsl:call-template>
            <span class="sr"><xsl:value-of select="$which"/></span>
          </button>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="normalize-space($buttons)">
      <p class="group-new"><span class="new-label"><xsl:value-of select="$new-label"/></span><xsl:copy-of select="$buttons"/></p>
    </xsl:if>
  </xsl:template>

  <!-- After the meeting: its record drafted in the same file, with the
       previous meeting's open actions and objectives (the server's). -->
  <xsl:template name="draft-record">
    <section class="draft" aria-labelledby="draft-title">
      <h2 id="draft-title"><xsl:value-of select="/s:input/@record-title"/></h2>
      <p><xsl:value-of select="/s:input/@record-text"/></p>
      <xsl:if test="not($root/*[local-name() = 'previous'])">
        <div class="field">
          <label for="previous"><xsl:value-of select="/s:input/@previous-label"/></label>
          <select id="previous" name="previous">
            <option value=""><xsl:value-of select="$none-label"/></option>
            <xsl:for-each select="/s:input/s:meeting">
              <option value="{@name}">
                <xsl:if test="@default"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <p>
        <button type="submit" name="op" value="new:1:record" class="button"><xsl:value-of select="/s:input/@record-label"/></button>
      </p>
    </section>
  </xsl:template>

  <!-- The buttons of one of a repeated group: add one after it, move it,
       remove it. The server does it in the file, then shows the form again. -->
  <xsl:template name="group-buttons">
    <xsl:param name="path"/>
    <xsl:variable name="n" select="local-name()"/>
    <xsl:variable name="which">
      <xsl:text> — </xsl:text>
      <xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="count(preceding-sibling::*[not(self::s:*)][local-name() = $n]) + 1"/>
    </xsl:variable>
    <p class="group-actions">
      <button type="submit" name="op" value="add:{$path}" class="secondary">
        <xsl:value-of select="$add-label"/><span class="sr"><xsl:value-of select="$which"/></span>
      </button>
      <xsl:if test="preceding-sibling::*[not(self::s:*)][1][local-name() = $n]">
        <button type="submit" name="op" value="up:{$path}" class="secondary">
          <xsl:value-of select="$up-label"/><span class="sr"><xsl:value-of select="$which"/></span>
        </button>
      </xsl:if>
      <xsl:if test="following-sibling::*[not(self::s:*)][1][local-name() = $n]">
        <button type="submit" name="op" value="down:{$path}" class="secondary">
          <xsl:value-of select="$down-label"/><span class="sr"><xsl:value-of select="$which"/></span>
        </button>
      </xsl:if>
      <button type="submit" name="op" value="remove:{$path}" class="secondary danger">
        <xsl:value-of select="$remove-label"/><span class="sr"><xsl:value-of select="$which"/></span>
      </button>
    </p>
  </xsl:template>

  <xsl:template match="s:problem" mode="inline">
    <xsl:variable name="at"><xsl:call-template name="path"><xsl:with-param name="e" select=".."/></xsl:call-template></xsl:variable>
    <p class="error" id="err-{$at}"><xsl:value-of select="."/></p>
  </xsl:template>

  <!-- What is expected of a type, in French when the schema says it. -->
  <xsl:template name="expected">
    <xsl:param name="tname"/>
    <xsl:variable name="st" select="key('type', $tname)[self::xs:simpleType]"/>
    <xsl:variable name="fr" select="$st/xs:annotation/xs:appinfo[@source = 'expected'][@xml:lang = 'fr']"/>
    <xsl:if test="$fr and not($st/xs:restriction/xs:enumeration) and $tname != 'Text'">
      <span class="hint"><xsl:value-of select="$fr"/></span>
    </xsl:if>
  </xsl:template>

  <!-- The input of a value of type tname: a list, a date, a time, text. -->
  <xsl:template name="input">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="tname"/>
    <xsl:param name="invalid"/>
    <xsl:param name="attr-name"/>
    <xsl:param name="err"/>
    <xsl:param name="decl"/>
    <xsl:variable name="st" select="$decl/xs:simpleType | key('type', $tname)[self::xs:simpleType]"/>
    <xsl:choose>
      <xsl:when test="$st/xs:restriction/xs:enumeration">
        <select id="{$id}" name="{$name}">
          <xsl:if test="$invalid"><xsl:attribute name="aria-invalid">true</xsl:attribute><xsl:attribute name="aria-describedby"><xsl:value-of select="$err"/></xsl:attribute></xsl:if>
          <xsl:if test="not($st/xs:restriction/xs:enumeration[@value = $value])">
            <option value="{$value}" selected="selected">
              <xsl:choose>
                <xsl:when test="$value"><xsl:value-of select="$value"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$choose-label"/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:if>
          <xsl:for-each select="$st/xs:restriction/xs:enumeration">
            <option value="{@value}">
              <xsl:if test="@value = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:variable name="label" select="normalize-space(xs:annotation/xs:documentation)"/>
              <xsl:value-of select="$label"/>
              <xsl:if test="not($label)"><xsl:value-of select="@value"/></xsl:if>
            </option>
          </xsl:for-each>
        </select>
      </xsl:when>
      <xsl:when test="$tname = 'Id' and $attr-name != 'id'">
        <!-- a reference: to an agenda item, to an objective of the
             previous meeting, or to a member -->
        <xsl:variable name="choices" select="$items[$attr-name = 'item'] | $objectives[$attr-name = 'objective'] | $members[$attr-name != 'item' and $attr-name != 'objective']"/>
        <select id="{$id}" name="{$name}">
          <xsl:if test="$invalid"><xsl:attribute name="aria-invalid">true</xsl:attribute><xsl:attribute name="aria-describedby"><xsl:value-of select="$err"/></xsl:attribute></xsl:if>
          <xsl:if test="not($choices[@id = $value])">
            <option value="{$value}" selected="selected">
              <xsl:choose>
                <xsl:when test="$value"><xsl:value-of select="$value"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$none-label"/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$attr-name = 'item'">
              <xsl:for-each select="$items">
                <option value="{@id}">
                  <xsl:if test="@id = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="normalize-space(*[local-name() = 'title'])"/>
                </option>
              </xsl:for-each>
            </xsl:when>
            <xsl:when test="$attr-name = 'objective'">
              <xsl:for-each select="$objectives">
                <option value="{@id}">
                  <xsl:if test="@id = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="$members">
                <option value="{@id}">
                  <xsl:if test="@id = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="@civility"/><xsl:text> </xsl:text><xsl:value-of select="normalize-space(*[local-name() = 'name'])"/>
                </option>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </select>
      </xsl:when>
      <xsl:when test="$tname = 'FileRef' and $decl/../../@name = 'previous'">
        <!-- the previous meeting: one of the folder's -->
        <select id="{$id}" name="{$name}">
          <xsl:if test="not(/s:input/s:meeting[@name = $value])">
            <option value="{$value}" selected="selected">
              <xsl:choose>
                <xsl:when test="$value"><xsl:value-of select="$value"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$choose-label"/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:if>
          <xsl:for-each select="/s:input/s:meeting">
            <option value="{@name}">
              <xsl:if test="@name = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </xsl:when>
      <xsl:otherwise>
        <input id="{$id}" name="{$name}" value="{$value}">
          <xsl:attribute name="type">
            <xsl:choose>
              <xsl:when test="$tname = 'Date'">date</xsl:when>
              <xsl:when test="$tname = 'Time'">time</xsl:when>
              <xsl:when test="$tname = 'Email'">email</xsl:when>
              <xsl:when test="$tname = 'Url'">url</xsl:when>
              <xsl:otherwise>text</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:if test="$invalid"><xsl:attribute name="aria-invalid">true</xsl:attribute><xsl:attribute name="aria-describedby"><xsl:value-of select="$err"/></xsl:attribute></xsl:if>
        </input>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element of text alone: its label and its input. -->
  <xsl:template name="field">
    <xsl:param name="path"/>
    <xsl:param name="decl"/>
    <xsl:param name="tname"/>
    <xsl:param name="nested"/>
    <!-- a group's text has the group's problems but its attributes' -->
    <xsl:variable name="mine" select="s:problem[not($nested) or not(@attr)]"/>
    <div class="field">
      <!-- a group's text: the group (its fieldset) has the id -->
      <xsl:if test="not($nested)"><xsl:attribute name="id">x-<xsl:value-of select="$path"/></xsl:attribute></xsl:if>
      <xsl:if test="$mine"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
      <label for="e-{$path}"><xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template></label>
      <xsl:call-template name="expected"><xsl:with-param name="tname" select="$tname"/></xsl:call-template>
      <xsl:if test="not($nested)"><xsl:apply-templates select="s:problem" mode="inline"/></xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="id" select="concat('e-', $path)"/>
        <xsl:with-param name="name" select="concat('e:', $path)"/>
        <xsl:with-param name="value" select="normalize-space(text()[1])"/>
        <xsl:with-param name="tname" select="$tname"/>
        <xsl:with-param name="invalid" select="$mine"/>
        <xsl:with-param name="err" select="concat('err-', $path)"/>
        <xsl:with-param name="decl" select="$decl"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- An attribute of a group's element. -->
  <xsl:template name="attribute">
    <xsl:param name="path"/>
    <xsl:variable name="an" select="@name"/>
    <xsl:variable name="adecl" select="key('decl', @d)"/>
    <xsl:variable name="tname"><xsl:call-template name="local"><xsl:with-param name="t" select="$adecl/@type"/></xsl:call-template></xsl:variable>
    <div class="field attr">
      <xsl:if test="../s:problem[@attr = $an]"><xsl:attribute name="class">field attr invalid</xsl:attribute></xsl:if>
      <label for="a-{$path}-{$an}">
        <xsl:call-template name="words">
          <xsl:with-param name="doc" select="$adecl/xs:annotation/xs:documentation"/>
          <xsl:with-param name="fallback" select="$an"/>
        </xsl:call-template>
      </label>
      <!-- a reference is chosen from a list: no format to explain -->
      <xsl:if test="not($tname = 'Id' and $an != 'id') and $tname != 'FileRef'">
        <xsl:call-template name="expected"><xsl:with-param name="tname" select="$tname"/></xsl:call-template>
      </xsl:if>
      <!-- the problems of this attribute (s:problem/@attr, the server's) -->
      <xsl:variable name="mine" select="../s:problem[@attr = $an]"/>
      <xsl:variable name="err" select="concat('err-', $path, '-', $an)"/>
      <xsl:if test="$mine">
        <div id="{$err}">
          <xsl:for-each select="$mine"><p class="error"><xsl:value-of select="."/></p></xsl:for-each>
        </div>
      </xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="id" select="concat('a-', $path, '-', $an)"/>
        <xsl:with-param name="name" select="concat('a:', $path, ':', $an)"/>
        <xsl:with-param name="value" select="string(../@*[local-name() = $an][not(namespace-uri())])"/>
        <xsl:with-param name="tname" select="$tname"/>
        <xsl:with-param name="attr-name" select="$an"/>
        <xsl:with-param name="decl" select="$adecl"/>
        <xsl:with-param name="invalid" select="$mine"/>
        <xsl:with-param name="err" select="$err"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- Running text: one text area, its text made by the server (s:text:
       a blank line between paragraphs, "- " or "1. " before a list's
       entries); read only (s:readonly) when the text area could not give
       it back as it is (inline markup, a nested list, a note). -->
  <xsl:template name="paragraphs">
    <xsl:param name="path"/>
    <xsl:param name="nested"/>
    <div class="field">
      <xsl:if test="not($nested)"><xsl:attribute name="id">x-<xsl:value-of select="$path"/></xsl:attribute></xsl:if>
      <xsl:if test="s:problem"><xsl:attribute name="class">field invalid</xsl:attribute></xsl:if>
      <xsl:variable name="readonly" select="@s:readonly"/>
      <xsl:choose>
        <xsl:when test="$readonly">
          <p class="label" id="l-{$path}"><xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <label for="p-{$path}"><xsl:call-template name="label-of"><xsl:with-param name="e" select="."/></xsl:call-template></label>
          <span class="hint" id="h-{$path}"><xsl:value-of select="$text-hint"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="not($nested)"><xsl:apply-templates select="s:problem" mode="inline"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$readonly">
          <div class="readonly" id="p-{$path}" aria-labelledby="l-{$path}">
            <xsl:for-each select="*[not(self::s:*)]"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
          </div>
          <span class="hint"><xsl:value-of select="$readonly-label"/></span>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="lines" select="string-length(@s:text) - string-length(translate(@s:text, '&#10;', ''))"/>
          <textarea id="p-{$path}" name="p:{$path}" rows="{3 + $lines + floor(string-length(@s:text) div 90)}" aria-describedby="h-{$path}">
            <xsl:value-of select="@s:text"/>
          </textarea>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

</xsl:stylesheet>
