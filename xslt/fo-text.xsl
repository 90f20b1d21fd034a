<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of the PDF (included by fo.xsl): the reading text (common.xsl: reg for orig, a mark for a
  gap), sections with numbered headings that set the running head (fo:marker "section"),
  paragraphs, lists, block quotations set off, footnotes for notes, and names: each a link to its
  index entry, with the id (ed:occurrence-id) whose page the index cites, and a rule under it that
  tells persons, places and organizations apart in black and white (ed:name-styles).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- kind of name -> the properties of its fo:inline (the legend: label print-legend) -->
  <xsl:variable name="ed:name-styles" as="element(ed:style)*">
    <ed:style kind="person" border-after-style="solid" border-after-width="0.45pt" padding-after="0.4pt"/>
    <ed:style kind="place" border-after-style="dashed" border-after-width="0.55pt" padding-after="0.4pt"/>
    <ed:style kind="org" border-after-style="double" border-after-width="1.4pt" padding-after="0.1pt"/>
  </xsl:variable>

  <!-- @rend of hi -> the properties of its fo:inline (anything else: italic) -->
  <xsl:variable name="ed:rend-styles" as="element(ed:style)*">
    <ed:style rend="bold" font-weight="bold"/>
    <ed:style rend="sup" baseline-shift="super" font-size="0.7em"/>
    <ed:style rend="superscript" baseline-shift="super" font-size="0.7em"/>
    <ed:style rend="sub" baseline-shift="sub" font-size="0.7em"/>
    <ed:style rend="subscript" baseline-shift="sub" font-size="0.7em"/>
    <ed:style rend="roman" font-style="normal"/>
    <ed:style rend="underline" text-decoration="underline"/>
  </xsl:variable>

  <!-- FOP handles the white space of each child it adds to a block or an inline by walking that
       parent's children from the first, so a paragraph of thousands of names took minutes (a
       letter of 48 kB on one line: 3.5 s, of 177 kB: 45 s). An element with more children than
       twice this has them in groups of this many, each in an fo:wrapper (no properties, no area
       of its own: the same lines and pages); any other is written as it was. -->
  <xsl:variable name="ed:children-per-wrapper" as="xs:integer" select="64"/>

  <xsl:template name="ed:content">
    <xsl:param name="nodes" as="node()*" select="node()"/>
    <xsl:choose>
      <xsl:when test="count($nodes) le 2 * $ed:children-per-wrapper">
        <xsl:apply-templates select="$nodes"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$nodes" group-adjacent="(position() - 1) idiv $ed:children-per-wrapper">
          <fo:wrapper><xsl:apply-templates select="current-group()"/></fo:wrapper>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ structure -->

  <xsl:template match="text">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- what comes before the first section runs under the short title. The running head is the
       first marker of the page (else the last before it): markers sit on headings, which are on
       one page each, not on the sections, which would be first on every page they touch -->
  <xsl:template match="front | body | back">
    <xsl:variable name="leading" select="*[not(self::div)][empty(preceding-sibling::div)]"/>
    <xsl:if test="$leading">
      <fo:block>
        <fo:marker marker-class-name="section"><xsl:value-of select="ed:short-title(.)"/></fo:marker>
        <xsl:apply-templates select="$leading"/>
      </fo:block>
    </xsl:if>
    <xsl:apply-templates select="* except $leading"/>
  </xsl:template>

  <xsl:template match="div">
    <xsl:variable name="level" select="ed:section-level(.)"/>
    <fo:block id="{ed:section-id(.)}">
      <fo:block font-family="{$ed:sans}" font-weight="bold" keep-with-next.within-page="always"
                font-size="{$ed:heading-sizes[min(($level, count($ed:heading-sizes)))]}" line-height="1.25"
                space-before="{if ($level eq 1) then '16pt' else '10pt'}" space-after="6pt"
                text-align="start" hyphenate="false" role="H{min(($level + 1, 6))}">
        <xsl:if test="$level le 2">
          <fo:marker marker-class-name="section">
            <xsl:value-of select="normalize-space(ed:section-number(.) || '  ' || ed:section-title(.))"/>
          </fo:marker>
        </xsl:if>
        <xsl:value-of select="ed:section-number(.) || '  '"/>
        <xsl:apply-templates select="head[1]/node()"/>
      </fo:block>
      <xsl:apply-templates select="* except head[1]"/>
    </fo:block>
  </xsl:template>

  <!-- paragraphs: the first after a heading or a set-off block flush left, the others indented -->
  <xsl:template match="p | ab">
    <fo:block text-indent="{if (preceding-sibling::*[1][self::p or self::ab]) then '1.3em' else '0em'}">
      <xsl:call-template name="id"/>
      <xsl:call-template name="ed:content"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="head">
    <fo:block font-weight="bold" keep-with-next.within-page="always" space-before="4pt"
              hyphenate="false"><xsl:call-template name="ed:content"/></fo:block>
  </xsl:template>

  <xsl:template match="list">
    <xsl:apply-templates select="head"/>
    <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm"
                   space-before="4pt" space-after="4pt">
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="item"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="item">
    <fo:list-item space-after="1.5pt">
      <xsl:call-template name="id"/>
      <fo:list-item-label end-indent="label-end()">
        <fo:block>
          <xsl:value-of select="if (../@rend = ('numbered', 'ordered')) then position() || '.' else '&#x2022;'"/>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block><xsl:call-template name="ed:content"/></fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- a block quotation: set off, indented on both sides, a little smaller -->
  <xsl:template match="quote[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <fo:block start-indent="10mm" end-indent="10mm" font-size="0.92em" line-height="1.35"
              space-before="5pt" space-after="6pt" role="BlockQuote">
      <xsl:call-template name="id"/>
      <xsl:call-template name="lang"/>
      <xsl:call-template name="ed:content"/>
    </fo:block>
  </xsl:template>

  <!-- a block quotation with its attribution: the speaker, right-aligned, under it -->
  <xsl:template match="cit[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <fo:block space-after="6pt">
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="* except ptr[@type eq 'speaker']"/>
      <xsl:for-each select="ed:speaker(.)">
        <fo:block text-align="end" end-indent="10mm" font-style="italic" font-size="0.92em">— <xsl:value-of
          select="ed:main-name(.)"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="cit">
    <xsl:apply-templates select="node() except ptr[@type eq 'speaker']"/>
  </xsl:template>

  <!-- ============================================================ phrases -->

  <!-- a name: a link to its index entry, with the id whose page the index cites -->
  <xsl:template match="persName | placeName | orgName | rs">
    <xsl:variable name="entry" select="ed:entry(.)"/>
    <xsl:variable name="style" select="$ed:name-styles[@kind eq ed:kind(current())]"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <fo:basic-link internal-destination="{ed:entry-id($entry)}" id="{ed:occurrence-id(.)}">
          <xsl:sequence select="$style/(@* except @kind)"/>
          <xsl:apply-templates/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline><xsl:sequence select="$style/(@* except @kind)"/><xsl:apply-templates/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="title">
    <fo:inline font-style="italic"><xsl:call-template name="lang"/><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="hi">
    <xsl:variable name="style" select="$ed:rend-styles[@rend = tokenize(current()/@rend)]"/>
    <fo:inline>
      <xsl:sequence select="if ($style) then $style/(@* except @rend) else ()"/>
      <xsl:if test="empty($style)"><xsl:attribute name="font-style" select="'italic'"/></xsl:if>
      <xsl:call-template name="ed:content"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="ref[ed:safe-url(@target) ne '']">
    <fo:basic-link external-destination="url({ed:safe-url(@target)})"><xsl:apply-templates/></fo:basic-link>
  </xsl:template>

  <xsl:template match="lb">
    <fo:block/>
  </xsl:template>

  <!-- the print edition is the reading text (common.xsl): reg for orig, a mark for a gap -->
  <xsl:template match="choice[reg] | gap">
    <xsl:apply-imports/>
  </xsl:template>

  <!-- a note: a footnote, numbered through the text (a note in a note stays in brackets) -->
  <xsl:template match="note[ancestor::text][not(ancestor::note)]">
    <!-- its number among the footnotes (as xsl:number level="any" counts, without walking back
         through the text at each note) -->
    <xsl:variable name="n" select="string(ed:count-before(ed:footnotes(root(.)), .) + 1)"/>
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="0.7em"><xsl:value-of select="$n"/></fo:inline>
      <fo:footnote-body>
        <fo:block font-size="8.5pt" line-height="1.3" start-indent="0mm" end-indent="0mm" text-indent="0mm"
                  text-align="justify" font-style="normal" font-weight="normal" space-before="1.5pt">
          <fo:inline baseline-shift="super" font-size="0.7em"><xsl:value-of select="$n"/></fo:inline>
          <xsl:text> </xsl:text>
          <xsl:call-template name="ed:content"/>
        </fo:block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <xsl:key name="ed:footnotes" match="note[ancestor::text][not(ancestor::note)]" use="'all'"/>

  <!-- the footnotes of a document, in document order -->
  <xsl:function name="ed:footnotes" as="element()*" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="key('ed:footnotes', 'all', $root)"/>
  </xsl:function>

  <xsl:template match="note">
    <fo:inline font-size="0.9em">[<xsl:apply-templates/>]</fo:inline>
  </xsl:template>

  <!-- anything else (quote, q, date, foreign …): keep its text -->
  <xsl:template match="*">
    <fo:inline><xsl:call-template name="lang"/><xsl:call-template name="ed:content"/></fo:inline>
  </xsl:template>

  <xsl:template name="id">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
  </xsl:template>

  <!-- text in another language than the document's is not to be hyphenated (its patterns may be
       missing; FOP 2.8 hyphenates by the block's properties, and the document's patterns leave
       letters of other scripts alone) -->
  <xsl:template name="lang">
    <xsl:if test="@xml:lang and lower-case(tokenize(@xml:lang, '[-_]')[1]) ne ed:doc-language(.)">
      <xsl:attribute name="hyphenate" select="'false'"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
