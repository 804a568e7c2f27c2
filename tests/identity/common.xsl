<?xml version="1.0" encoding="UTF-8"?>
<!--
  tests/identity/common.xsl — a second visual identity, to show that a school
  restyles all four documents by changing common.xsl alone.

  The test copies stylesheets/ aside, renames the shipped common.xsl to
  common-base.xsl and puts this file in its place: the four document
  stylesheets are untouched. This identity imports the shipped one and
  overrides what a lycée would: a burgundy accent, serif titles over sans
  text, and its own footer.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:copil:layout">

  <xsl:import href="common-base.xsl"/>

  <xsl:variable name="accent">#7a1f2b</xsl:variable>
  <xsl:variable name="accent-light">#f6e9eb</xsl:variable>
  <xsl:variable name="rule">#b88a91</xsl:variable>
  <xsl:variable name="body-font">sans</xsl:variable>
  <xsl:variable name="title-font">serif</xsl:variable>

  <xsl:template name="footer">
    <footer>
      <p style="footer">Lycée des métiers du numérique — page <page-number/> sur <page-count/></p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
