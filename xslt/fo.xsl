<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> XSL-FO for Apache FOP (2.8): A4 pages, a title page, a table of
  contents with page numbers, numbered headings, the text, an index of
  persons, places and organizations with the pages they occur on, page
  numbers in the footer. Only FOP's built-in fonts are used (Times, Helvetica).
  What things mean comes from common.xsl; this stylesheet decides how they look.

  Parameters: lang (language of the generated labels), serif-font, sans-font,
  font-size.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="serif-font" as="xs:string" select="'Times'"/>
  <xsl:param name="sans-font" as="xs:string" select="'Helvetica'"/>
  <xsl:param name="font-size" as="xs:string" select="'11pt'"/>

  <!-- heading level -> font size -->
  <xsl:variable name="heading-sizes" select="('16pt', '13pt', '11.5pt', '11pt')"/>

  <!-- ============================================================ document -->

  <xsl:template match="/">
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <xsl:template match="TEI">
    <fo:root font-family="{$serif-font}" font-size="{$font-size}" line-height="1.4"
             language="{ed:lang(.)}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="title" page-width="210mm" page-height="297mm"
                               margin-top="30mm" margin-bottom="25mm" margin-left="30mm" margin-right="30mm">
          <fo:region-body/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="page" page-width="210mm" page-height="297mm"
                               margin-top="20mm" margin-bottom="15mm" margin-left="25mm" margin-right="25mm">
          <fo:region-body margin-top="5mm" margin-bottom="15mm"/>
          <fo:region-after extent="10mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="ed:title(.)"/></dc:title>
              <dc:language><xsl:value-of select="ed:lang(.)"/></dc:language>
              <dc:rights><xsl:value-of select="ed:licence(.)/@label"/></dc:rights>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence master-reference="title">
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="title-page"/>
        </fo:flow>
      </fo:page-sequence>
      <fo:page-sequence master-reference="page" initial-page-number="1">
        <fo:static-content flow-name="xsl-region-after">
          <fo:block text-align="center" font-size="9pt"><fo:page-number/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="toc"/>
          <fo:block>
            <xsl:apply-templates select="text"/>
          </fo:block>
          <xsl:call-template name="index"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template name="title-page">
    <xsl:variable name="doc" select="."/>
    <fo:block font-family="{$sans-font}" font-size="22pt" font-weight="bold" line-height="1.25"
              space-after="18mm" space-before="40mm"><xsl:value-of select="ed:title(.)"/></fo:block>
    <xsl:variable name="editors" select="ed:editors(.)"/>
    <xsl:if test="$editors">
      <fo:block space-after="4mm">
        <xsl:value-of select="ed:label('edited-by', .)"/>
      </fo:block>
      <xsl:for-each select="$editors">
        <fo:block font-size="12pt">
          <xsl:value-of select="@name || (if (@roles ne '') then ' (' || @roles || ')' else '')"/>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
    <fo:block space-before="30mm" font-size="9.5pt">
      <xsl:for-each select="ed:source(.)">
        <fo:block space-after="3mm">
          <xsl:value-of select="ed:label('source', $doc) || ': '"/>
          <xsl:call-template name="link"/>
          <xsl:if test="@value ne ''"><xsl:value-of select="'. ' || @value"/></xsl:if>
        </fo:block>
      </xsl:for-each>
      <xsl:for-each select="ed:licence(.)">
        <fo:block>
          <xsl:value-of select="ed:label('licence', $doc) || ': '"/>
          <xsl:call-template name="link"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template name="link">
    <xsl:choose>
      <xsl:when test="ed:safe-url(@href) ne ''">
        <fo:basic-link external-destination="url({ed:safe-url(@href)})"><xsl:value-of select="@label"/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ contents -->

  <xsl:template name="toc">
    <xsl:variable name="top" select="text/(front, body, back)/div"/>
    <xsl:if test="$top">
      <fo:block break-after="page" font-size="10pt" line-height="1.3">
        <fo:block font-family="{$sans-font}" font-size="{$heading-sizes[1]}" font-weight="bold"
                  space-after="6mm"><xsl:value-of select="ed:label('contents', .)"/></fo:block>
        <xsl:apply-templates select="$top" mode="toc"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="div" mode="toc">
    <xsl:variable name="level" select="ed:section-level(.)"/>
    <fo:block text-align-last="justify" start-indent="{($level - 1) * 6}mm" space-before="{if ($level eq 1) then '2pt' else '0pt'}"
              font-weight="{if ($level eq 1) then 'bold' else 'normal'}">
      <fo:basic-link internal-destination="{ed:section-id(.)}">
        <xsl:value-of select="ed:section-number(.) || '  ' || ed:section-title(.)"/>
      </fo:basic-link>
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="dots"/>
      <xsl:text> </xsl:text>
      <fo:page-number-citation ref-id="{ed:section-id(.)}"/>
    </fo:block>
    <xsl:apply-templates select="div" mode="toc"/>
  </xsl:template>

  <!-- ============================================================ structure -->

  <xsl:template match="text | front | body | back">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="div">
    <xsl:variable name="level" select="ed:section-level(.)"/>
    <fo:block id="{ed:section-id(.)}">
      <fo:block font-family="{$sans-font}" font-weight="bold" keep-with-next.within-page="always"
                font-size="{$heading-sizes[min(($level, count($heading-sizes)))]}"
                space-before="{if ($level eq 1) then '14pt' else '10pt'}" space-after="6pt">
        <xsl:value-of select="ed:section-number(.) || '  '"/>
        <xsl:apply-templates select="head[1]/node()"/>
      </fo:block>
      <xsl:apply-templates select="* except head[1]"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="p | ab">
    <fo:block space-after="6pt" text-align="justify"><xsl:call-template name="id"/><xsl:apply-templates/></fo:block>
  </xsl:template>

  <xsl:template match="head">
    <fo:block font-weight="bold" keep-with-next.within-page="always"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <xsl:template match="list">
    <xsl:apply-templates select="head"/>
    <fo:list-block provisional-distance-between-starts="6mm" provisional-label-separation="2mm"
                   space-after="6pt">
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="item"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="item">
    <fo:list-item space-after="2pt">
      <xsl:call-template name="id"/>
      <fo:list-item-label end-indent="label-end()">
        <fo:block>
          <xsl:value-of select="if (../@rend = ('numbered', 'ordered')) then position() || '.' else '&#x2022;'"/>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block><xsl:apply-templates/></fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- a block quotation: indented on both sides, a little smaller -->
  <xsl:template match="quote[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <fo:block start-indent="12mm" end-indent="12mm" font-size="0.92em" space-before="4pt" space-after="8pt"
              text-align="justify">
      <xsl:call-template name="id"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- a block quotation with its attribution: the speaker, right-aligned, under it -->
  <xsl:template match="cit[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <fo:block>
      <xsl:call-template name="id"/>
      <xsl:apply-templates select="* except ptr[@type eq 'speaker']"/>
      <xsl:for-each select="ed:speaker(.)">
        <fo:block text-align="end" end-indent="12mm" font-style="italic" space-after="8pt">— <xsl:value-of
          select="ed:main-name(.)"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <xsl:template match="cit">
    <xsl:apply-templates select="node() except ptr[@type eq 'speaker']"/>
  </xsl:template>

  <!-- ============================================================ phrases -->

  <xsl:template match="quote | q">
    <fo:inline><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!-- a name: the text as it stands, linked to its index entry; the index cites its page -->
  <xsl:template match="persName | placeName | orgName | rs">
    <xsl:variable name="entry" select="ed:entry(.)"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <fo:basic-link internal-destination="{ed:entry-id($entry)}" id="{ed:occurrence-id(.)}">
          <xsl:apply-templates/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline><xsl:apply-templates/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date | foreign | label">
    <fo:inline><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="title | hi">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="lb">
    <fo:block/>
  </xsl:template>

  <!-- the print edition is the reading text (common.xsl): reg for orig, a mark for a gap -->
  <xsl:template match="choice[reg] | gap">
    <xsl:apply-imports/>
  </xsl:template>

  <xsl:template match="note">
    <fo:inline font-size="0.85em">[<xsl:apply-templates/>]</fo:inline>
  </xsl:template>

  <!-- anything else: keep its text -->
  <xsl:template match="*">
    <fo:inline><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template name="id">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
  </xsl:template>

  <!-- ============================================================ index -->

  <xsl:template name="index">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="groups" as="element()*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="entries" select="ed:index-entries($doc, @kind)"/>
        <xsl:if test="$entries">
          <fo:block>
            <fo:block font-family="{$sans-font}" font-weight="bold" font-size="{$heading-sizes[2]}"
                      space-before="10pt" space-after="4pt" keep-with-next.within-page="always">
              <xsl:value-of select="ed:label(@label, $doc)"/>
            </fo:block>
            <xsl:for-each select="$entries">
              <xsl:call-template name="index-entry"/>
            </xsl:for-each>
          </fo:block>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$groups">
      <fo:block break-before="page" id="index">
        <fo:block font-family="{$sans-font}" font-size="{$heading-sizes[1]}" font-weight="bold"
                  space-after="6mm"><xsl:value-of select="ed:label('index', .)"/></fo:block>
        <xsl:sequence select="$groups"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-entry">
    <xsl:variable name="life" select="ed:life-dates(.)"/>
    <fo:block id="{ed:entry-id(.)}" font-size="9.5pt" start-indent="5mm" text-indent="-5mm" space-after="2pt">
      <fo:inline font-weight="bold"><xsl:value-of select="ed:main-name(.)"/></fo:inline>
      <xsl:if test="$life"><xsl:value-of select="' (' || $life || ')'"/></xsl:if>
      <xsl:text>. </xsl:text>
      <xsl:if test="ed:entry-note(.) ne ''"><xsl:value-of select="ed:sentence(ed:entry-note(.)) || ' '"/></xsl:if>
      <xsl:for-each select="ed:identifiers(.)">
        <xsl:value-of select="(if (position() gt 1) then '; ' else '') || @label || ' '"/>
        <xsl:choose>
          <xsl:when test="ed:safe-url(@href) ne ''">
            <fo:basic-link external-destination="url({ed:safe-url(@href)})"><xsl:value-of select="@value"/></fo:basic-link>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:text> — </xsl:text>
      <!-- FOP 2.8 has no index-page-citation-list: cite the page of the first occurrence
           in each section (fewer repeated page numbers than one citation per occurrence) -->
      <xsl:for-each-group select="key('ed:occurrences', @xml:id)" group-by="generate-id((ancestor::div[1], /)[1])">
        <xsl:if test="position() gt 1">, </xsl:if>
        <fo:basic-link internal-destination="{ed:occurrence-id(.)}">
          <fo:page-number-citation ref-id="{ed:occurrence-id(.)}"/>
        </fo:basic-link>
      </xsl:for-each-group>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
