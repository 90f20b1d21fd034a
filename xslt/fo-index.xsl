<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of the PDF (included by fo.xsl): persons, places and organizations, each a part with
  its letters, in two columns, on pages that continue the text's numbers. An entry is the name the
  register files it under ("Vācietis, Jukums", from common-register.xsl where it is there, else the
  main name), its life dates and the pages of its mentions.

  The page list of an entry is <fo:inline id="pages-ENTRY"> with one fo:page-number-citation per
  mention, in text order. edition/pdf.py replaces it with the merged pages ("3, 5, 12–14", each a
  link to the first mention there) that a first render of the text found; the index comes after
  the text, so its length moves no page of the text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- a function of common-register.xsl when the stylesheets have it, else $fallback -->
  <xsl:function name="ed:register-call" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:variable name="f" select="function-lookup(QName('urn:x-edition:xslt', $name), 1)"/>
    <xsl:sequence select="if (exists($f)) then string($f($entry)) else $fallback"/>
  </xsl:function>

  <xsl:function name="ed:print-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:register-call('index-name', $entry, ed:main-name($entry))"/>
  </xsl:function>

  <xsl:function name="ed:print-letter" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:register-call('index-letter', $entry, upper-case(substring(ed:print-name($entry), 1, 1)))"/>
  </xsl:function>

  <xsl:template name="index">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="kinds" select="$ed:index-kinds[exists(ed:index-entries($doc, @kind))]"/>
    <xsl:if test="$kinds">
      <fo:page-sequence master-reference="index" id="seq-index" force-page-count="no-force">
        <xsl:call-template name="running-heads">
          <xsl:with-param name="verso" select="ed:label('index', .)"/>
          <xsl:with-param name="marker" select="'index-part'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body" hyphenate="false" text-align="start">
          <fo:block id="index" span="all" font-family="{$ed:sans}" font-size="{$ed:heading-sizes[1]}"
                    font-weight="bold" space-after="5mm" role="H1">
            <xsl:value-of select="ed:label('index', .)"/>
          </fo:block>
          <xsl:for-each select="$kinds">
            <xsl:call-template name="index-part">
              <xsl:with-param name="doc" select="$doc"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>

  <!-- one part (persons, places or organizations): its heading, then its entries by letter -->
  <xsl:template name="index-part">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="label" select="ed:label(@label, $doc)"/>
    <fo:block id="index-{@kind}">
      <fo:block font-family="{$ed:sans}" font-weight="bold" font-size="{$ed:heading-sizes[2]}"
                space-before="8pt" space-after="3pt" keep-with-next.within-page="always" role="H2">
        <fo:marker marker-class-name="index-part"><xsl:value-of select="$label"/></fo:marker>
        <xsl:value-of select="$label"/>
      </fo:block>
      <xsl:for-each-group select="ed:index-entries($doc, @kind)" group-adjacent="ed:print-letter(.)">
        <fo:block font-family="{$ed:sans}" font-weight="bold" font-size="9pt" space-before="5pt"
                  space-after="1pt" keep-with-next.within-page="always" role="H3">
          <xsl:value-of select="current-grouping-key()"/>
        </fo:block>
        <xsl:for-each select="current-group()">
          <xsl:call-template name="index-entry"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </fo:block>
  </xsl:template>

  <xsl:template name="index-entry">
    <xsl:variable name="life" select="ed:life-dates(.)"/>
    <fo:block id="{ed:entry-id(.)}" font-size="8.5pt" line-height="1.3" start-indent="4mm"
              text-indent="-4mm" space-after="1pt">
      <xsl:value-of select="ed:print-name(.)"/>
      <xsl:if test="$life">
        <xsl:text> </xsl:text>
        <fo:inline keep-together.within-line="always"><xsl:value-of select="'(' || $life || ')'"/></fo:inline>
      </xsl:if>
      <xsl:text> </xsl:text>
      <fo:inline id="pages-{ed:entry-id(.)}">
        <xsl:for-each select="key('ed:occurrences', @xml:id)">
          <xsl:if test="position() gt 1">, </xsl:if>
          <fo:page-number-citation ref-id="{ed:occurrence-id(.)}"/>
        </xsl:for-each>
      </fo:inline>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
