<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> XSL-FO for Apache FOP (2.8): a book. What things mean comes from common.xsl; the modules
  decide how they look:
    fo.xsl        the page geometry, the page sequences, bookmarks and the PDF's metadata
    fo-front.xsl  title page, imprint (source, licence, how to cite, legend), contents
    fo-text.xsl   the text: sections with running heads, paragraphs, quotations, footnotes, names
    fo-index.xsl  the index of persons, places and organizations, in two columns

  Page sequences: the front matter (roman page numbers; it ends on an even page, so that the text
  starts on a recto), the text (arabic, from 1; id "seq-text"), the index (continuing the numbers).
  The index cites the pages of every mention: each entry's page list is an fo:inline with id
  "pages-…" holding one fo:page-number-citation per mention. edition/pdf.py renders the text once,
  reads the page of every mention, and replaces each list by its merged page ranges before the
  final render; rendered as it is, the FO still cites every page (with repeats).

  Parameters: paper (A4, letter, A5), page-width and page-height (override paper), margin-top,
  margin-bottom, margin-inner, margin-outer, serif-font, sans-font, font-size, hyphenate,
  lang (the language of the generated labels).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="fo-front.xsl"/>
  <xsl:include href="fo-text.xsl"/>
  <xsl:include href="fo-index.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="paper" as="xs:string" select="'A4'"/>
  <xsl:param name="page-width" as="xs:string" select="''"/>
  <xsl:param name="page-height" as="xs:string" select="''"/>
  <xsl:param name="margin-top" as="xs:string" select="'16mm'"/>
  <xsl:param name="margin-bottom" as="xs:string" select="'20mm'"/>
  <xsl:param name="margin-inner" as="xs:string" select="'22mm'"/>
  <xsl:param name="margin-outer" as="xs:string" select="'26mm'"/>
  <!-- font families as the FOP configuration of edition/fop_config.py names them; a character the
       first lacks is taken from the second -->
  <xsl:param name="serif-font" as="xs:string" select="'DejaVu Serif'"/>
  <xsl:param name="sans-font" as="xs:string" select="'DejaVu Sans'"/>
  <xsl:param name="font-size" as="xs:string" select="'10.5pt'"/>
  <xsl:param name="hyphenate" as="xs:string" select="'true'"/>

  <!-- paper name -> width and height -->
  <xsl:variable name="ed:papers" as="element(ed:paper)*">
    <ed:paper name="a4" width="210mm" height="297mm"/>
    <ed:paper name="letter" width="8.5in" height="11in"/>
    <ed:paper name="a5" width="148mm" height="210mm"/>
  </xsl:variable>
  <xsl:variable name="ed:paper" select="($ed:papers[@name eq lower-case($paper)], $ed:papers[1])[1]"/>
  <xsl:variable name="ed:page-width" select="($page-width[. ne ''], $ed:paper/@width)[1]"/>
  <xsl:variable name="ed:page-height" select="($page-height[. ne ''], $ed:paper/@height)[1]"/>

  <xsl:variable name="ed:serif" select="$serif-font || ', ' || $sans-font"/>
  <xsl:variable name="ed:sans" select="$sans-font || ', ' || $serif-font"/>
  <!-- heading level -> font size -->
  <xsl:variable name="ed:heading-sizes" select="('14pt', '12pt', '11pt', '10.5pt')"/>

  <!-- ============================================================ document -->

  <xsl:template match="/">
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <!-- the document's language as FOP takes it: language and country -->
  <xsl:function name="ed:doc-language" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="lower-case(tokenize((root($doc)/*/@xml:lang, ed:lang($doc))[1], '[-_]')[1])"/>
  </xsl:function>

  <xsl:template match="TEI">
    <xsl:variable name="lang" select="ed:doc-language(.)"/>
    <fo:root font-family="{$ed:serif}" font-size="{$font-size}" line-height="1.42" line-height-shift-adjustment="disregard-shifts" language="{$lang}">
      <xsl:call-template name="page-masters"/>
      <xsl:call-template name="metadata"/>
      <xsl:call-template name="bookmarks"/>
      <fo:page-sequence master-reference="front" format="i" initial-page-number="1"
                        force-page-count="end-on-even" id="seq-front">
        <xsl:call-template name="foot-page-number"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title-page"/>
          <xsl:call-template name="imprint"/>
          <xsl:call-template name="toc"/>
        </fo:flow>
      </fo:page-sequence>
      <fo:page-sequence master-reference="text" format="1" initial-page-number="1"
                        force-page-count="no-force" id="seq-text">
        <xsl:call-template name="running-heads">
          <xsl:with-param name="verso" select="ed:short-title(.)"/>
          <xsl:with-param name="marker" select="'section'"/>
        </xsl:call-template>
        <xsl:call-template name="footnote-separator"/>
        <fo:flow flow-name="xsl-region-body" hyphenate="{$hyphenate}" text-align="justify">
          <xsl:apply-templates select="text"/>
        </fo:flow>
      </fo:page-sequence>
      <xsl:call-template name="index"/>
    </fo:root>
  </xsl:template>

  <!-- the title before its subtitle ("Leon Trotsky" of "Leon Trotsky: an edition of …"), for heads -->
  <xsl:function name="ed:short-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="title" select="ed:title($doc)"/>
    <xsl:sequence select="if (contains($title, ': ')) then substring-before($title, ': ') else $title"/>
  </xsl:function>

  <!-- ============================================================ pages -->

  <xsl:template name="page-masters">
    <fo:layout-master-set>
      <xsl:for-each select="('title', 'blank', 'front-odd', 'front-even', 'text-odd', 'text-even', 'index-odd', 'index-even')">
        <xsl:variable name="odd" select="not(ends-with(., '-even'))"/>
        <fo:simple-page-master master-name="{.}" page-width="{$ed:page-width}" page-height="{$ed:page-height}"
                               margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
                               margin-left="{if ($odd) then $margin-inner else $margin-outer}"
                               margin-right="{if ($odd) then $margin-outer else $margin-inner}">
          <fo:region-body margin-top="{if (starts-with(., 'front') or . = ('title', 'blank')) then '0mm' else '11mm'}"
                          display-align="{if (. eq 'title') then 'center' else 'before'}"
                          margin-bottom="{if (starts-with(., 'front')) then '10mm' else '0mm'}">
            <xsl:if test="starts-with(., 'index')">
              <xsl:attribute name="column-count" select="2"/>
              <xsl:attribute name="column-gap" select="'7mm'"/>
            </xsl:if>
          </fo:region-body>
          <!-- the title page and a blank page have neither head nor foot: regions of no content -->
          <xsl:variable name="bare" select=". = ('title', 'blank')"/>
          <fo:region-before region-name="{if ($bare) then 'none-before' else 'head-' || (if ($odd) then 'odd' else 'even')}"
                            extent="8mm"/>
          <fo:region-after region-name="{if ($bare) then 'none-after' else 'foot'}" extent="8mm"/>
        </fo:simple-page-master>
      </xsl:for-each>
      <xsl:for-each select="('front', 'text', 'index')">
        <fo:page-sequence-master master-name="{.}">
          <fo:repeatable-page-master-alternatives>
            <xsl:if test=". eq 'front'">
              <fo:conditional-page-master-reference master-reference="title" page-position="first"/>
            </xsl:if>
            <fo:conditional-page-master-reference master-reference="blank" blank-or-not-blank="blank"/>
            <fo:conditional-page-master-reference master-reference="{.}-odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="{.}-even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:for-each>
    </fo:layout-master-set>
  </xsl:template>

  <!-- front matter: the page number at the foot (none on the title page, which has no foot region) -->
  <xsl:template name="foot-page-number">
    <fo:static-content flow-name="foot">
      <fo:block text-align="center" font-size="8.5pt"><fo:page-number/></fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- text and index: the page number at the outer corner of the head, the short title on a verso,
       the section of the page (a marker) on a recto -->
  <xsl:template name="running-heads">
    <xsl:param name="verso" as="xs:string"/>
    <xsl:param name="marker" as="xs:string"/>
    <fo:static-content flow-name="head-even">
      <fo:block font-size="8.5pt" text-align-last="justify" border-after-style="solid"
                border-after-width="0.3pt" padding-after="1.5pt" font-family="{$ed:sans}">
        <fo:page-number/><fo:leader leader-pattern="space"/><xsl:value-of select="$verso"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="head-odd">
      <fo:block font-size="8.5pt" text-align-last="justify" border-after-style="solid"
                border-after-width="0.3pt" padding-after="1.5pt" font-family="{$ed:sans}">
        <fo:retrieve-marker retrieve-class-name="{$marker}" retrieve-position="first-including-carryover"
                            retrieve-boundary="page-sequence"/>
        <fo:leader leader-pattern="space"/><fo:page-number/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <xsl:template name="footnote-separator">
    <fo:static-content flow-name="xsl-footnote-separator">
      <fo:block end-indent="70%" space-before="5pt" space-after="2pt">
        <fo:leader leader-pattern="rule" leader-length="100%" rule-thickness="0.4pt"/>
      </fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ============================================================ PDF: metadata, bookmarks -->

  <!-- FOP takes the document information (title, author, subject, keywords) and the XMP packet
       of the PDF (PDF/A) from these; the language is fo:root/@language -->
  <xsl:template name="metadata">
    <fo:declarations>
      <x:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title><xsl:value-of select="ed:title(.)"/></dc:title>
            <!-- one creator: FOP's document information keeps the last -->
            <xsl:if test="ed:editors(.)">
              <dc:creator><xsl:value-of select="string-join(ed:editors(.)/@name, ', ')"/></dc:creator>
            </xsl:if>
            <dc:description><xsl:value-of select="ed:subject(.)"/></dc:description>
            <dc:language><xsl:value-of select="ed:doc-language(.)"/></dc:language>
            <xsl:for-each select="ed:licence(.)">
              <dc:rights><xsl:value-of select="@label"/></dc:rights>
            </xsl:for-each>
          </rdf:Description>
          <rdf:Description rdf:about="">
            <pdf:Keywords><xsl:value-of select="string-join(($ed:index-kinds ! ed:label(@label, current())), ', ')"/></pdf:Keywords>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- what the edition is of: "An edition of: Leon Trotsky. Wikipedia, The Free Encyclopedia" -->
  <xsl:function name="ed:subject" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="source" select="ed:source($doc)/@label[. ne '']"/>
    <xsl:sequence select="if ($source) then ed:fo-label('edition-of', $doc) || ': ' || $source else ed:title($doc)"/>
  </xsl:function>

  <!-- the bookmarks are the contents (ed:toc-items), after one for the contents page itself -->
  <xsl:template name="bookmarks">
    <xsl:variable name="items" select="ed:toc-items(.)"/>
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="contents">
        <fo:bookmark-title><xsl:value-of select="ed:label('contents', .)"/></fo:bookmark-title>
      </fo:bookmark>
      <xsl:apply-templates select="$items" mode="bookmark"/>
    </fo:bookmark-tree>
  </xsl:template>

  <xsl:template match="ed:item" mode="bookmark">
    <fo:bookmark internal-destination="{@ref}" starting-state="{if (@level eq '1') then 'show' else 'hide'}">
      <fo:bookmark-title><xsl:value-of select="normalize-space(@number || ' ' || @title)"/></fo:bookmark-title>
      <xsl:apply-templates select="ed:item" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

</xsl:stylesheet>
