<?xml version="1.0" encoding="UTF-8"?>
<!--
  The front matter of the PDF (included by fo.xsl): the title page, its verso (the imprint: editors,
  source, licence, how to cite, what the typography of names means) and the contents with page
  numbers, the indexes included. The labels only the print edition needs are here (ed:fo-label).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ============================================================ labels of the print edition -->

  <xsl:variable name="ed:fo-labels" as="element(ed:label)*">
    <ed:label key="how-to-cite" en="How to cite" de="Zitiervorschlag" fr="Pour citer"/>
    <ed:label key="pdf-edition" en="PDF edition" de="PDF-Ausgabe" fr="édition PDF"/>
    <ed:label key="p" en="p." de="S." fr="p."/>
    <ed:label key="edition-of" en="An edition of" de="Eine Edition von" fr="Une édition de"/>
    <ed:label key="reading-text-note"
              en="This edition prints the reading text; the diplomatic transcription is in the TEI file of the edition."
              de="Gedruckt ist der Lesetext; die diplomatische Transkription enthält die TEI-Datei der Edition."
              fr="Cette édition imprime le texte normalisé ; la transcription diplomatique est dans le fichier TEI de l’édition."/>
    <ed:label key="print-legend"
              en="In the text, names of persons are underlined with a solid rule, places with a dashed rule, organizations with a double rule. The index lists every page on which each is mentioned."
              de="Im Text sind Personennamen durchgezogen, Ortsnamen gestrichelt, Organisationen doppelt unterstrichen. Das Register nennt jede Seite, auf der sie erwähnt werden."
              fr="Dans le texte, les noms de personnes sont soulignés d’un trait plein, les lieux d’un tiret, les organisations d’un double trait. L’index cite chaque page où ils sont mentionnés."/>
  </xsl:variable>

  <xsl:function name="ed:fo-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="row" select="$ed:fo-labels[@key eq $key]"/>
    <xsl:variable name="lang" select="ed:lang($node)"/>
    <xsl:sequence select="if ($row) then string(($row/@*[local-name() eq $lang], $row/@en)[1])
                          else ed:label($key, $node)"/>
  </xsl:function>

  <!-- ============================================================ title page and imprint -->

  <xsl:template name="title-page">
    <fo:block id="title-page" text-align="center" break-after="page" hyphenate="false">
      <fo:block font-family="{$ed:sans}" font-size="21pt" font-weight="bold" line-height="1.25"
                space-after="14mm" role="H1"><xsl:value-of select="ed:title(.)"/></fo:block>
      <xsl:variable name="editors" select="ed:editors(.)"/>
      <xsl:if test="$editors">
        <fo:block space-after="3mm" font-style="italic"><xsl:value-of select="ed:label('edited-by', .)"/></fo:block>
        <xsl:for-each select="$editors">
          <fo:block font-size="12pt"><xsl:value-of select="@name"/></fo:block>
        </xsl:for-each>
      </xsl:if>
      <xsl:variable name="imprint" select="ed:imprint(.)"/>
      <xsl:if test="$imprint ne ''">
        <fo:block space-before="24mm" font-size="10pt"><xsl:value-of select="$imprint"/></fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- "Online: The edition project, 2026" -->
  <xsl:function name="ed:imprint" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="pub" select="root($doc)/TEI/teiHeader/fileDesc/publicationStmt"/>
    <xsl:variable name="place" select="normalize-space($pub/pubPlace[1])"/>
    <xsl:variable name="rest" select="string-join(($pub/publisher[1], $pub/date[1]) ! normalize-space(.)[. ne ''], ', ')"/>
    <xsl:sequence select="string-join(($place[. ne ''], $rest[. ne '']), ': ')"/>
  </xsl:function>

  <!-- "The edition project (ed.), Title. Online: Publisher, 2026. PDF edition, p. …" -->
  <xsl:function name="ed:citation" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="editors" select="string-join(ed:editors($doc)/@name, ', ')"/>
    <xsl:sequence select="string-join((
        $editors[. ne ''] ! (. || ' (ed.)'), ed:title($doc), ed:imprint($doc)[. ne ''],
        ed:fo-label('pdf-edition', $doc) || ', ' || ed:fo-label('p', $doc) || ' …'), '. ')"/>
  </xsl:function>

  <xsl:template name="imprint">
    <xsl:variable name="doc" select="."/>
    <fo:block break-after="page" font-size="9pt" line-height="1.4" hyphenate="false">
      <xsl:for-each select="ed:source(.)">
        <fo:block space-after="3mm">
          <fo:inline font-weight="bold"><xsl:value-of select="ed:label('source', $doc) || ': '"/></fo:inline>
          <xsl:call-template name="link"/>
          <xsl:if test="@value ne ''"><xsl:value-of select="'. ' || ed:sentence(@value)"/></xsl:if>
        </fo:block>
      </xsl:for-each>
      <xsl:for-each select="ed:licence(.)">
        <fo:block space-after="3mm">
          <fo:inline font-weight="bold"><xsl:value-of select="ed:label('licence', $doc) || ': '"/></fo:inline>
          <xsl:call-template name="link"/>
        </fo:block>
      </xsl:for-each>
      <fo:block space-after="3mm">
        <fo:inline font-weight="bold"><xsl:value-of select="ed:fo-label('how-to-cite', .) || ': '"/></fo:inline>
        <xsl:value-of select="ed:citation(.)"/>
      </fo:block>
      <fo:block space-after="3mm"><xsl:value-of select="ed:fo-label('reading-text-note', .)"/></fo:block>
      <fo:block><xsl:value-of select="ed:fo-label('print-legend', .)"/></fo:block>
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

  <!-- the contents as a tree of <ed:item ref= number= title= level=>: the sections, then the index
       and its parts; the contents page and the bookmarks are both made from it -->
  <xsl:function name="ed:toc-items" as="element(ed:item)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:apply-templates select="root($doc)/TEI/text/(front, body, back)/div" mode="toc-item"/>
    <xsl:variable name="kinds" select="$ed:index-kinds[exists(ed:index-entries($doc, @kind))]"/>
    <xsl:if test="$kinds">
      <ed:item ref="index" number="" title="{ed:label('index', $doc)}" level="1">
        <xsl:for-each select="$kinds">
          <ed:item ref="index-{@kind}" number="" title="{ed:label(@label, $doc)}" level="2"/>
        </xsl:for-each>
      </ed:item>
    </xsl:if>
  </xsl:function>

  <xsl:template match="div" mode="toc-item">
    <ed:item ref="{ed:section-id(.)}" number="{ed:section-number(.)}" title="{ed:section-title(.)}"
             level="{ed:section-level(.)}">
      <xsl:apply-templates select="div" mode="toc-item"/>
    </ed:item>
  </xsl:template>

  <xsl:template name="toc">
    <xsl:variable name="items" select="ed:toc-items(.)"/>
    <fo:block id="contents" font-size="9.5pt" line-height="1.35" hyphenate="false">
      <fo:block font-family="{$ed:sans}" font-size="{$ed:heading-sizes[1]}" font-weight="bold"
                space-after="6mm" role="H1"><xsl:value-of select="ed:label('contents', .)"/></fo:block>
      <xsl:apply-templates select="$items" mode="toc"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="ed:item" mode="toc">
    <xsl:variable name="level" select="xs:integer(@level)"/>
    <fo:block text-align-last="justify" start-indent="{($level - 1) * 7}mm" end-indent="8mm"
              last-line-end-indent="-8mm" keep-with-next.within-page="{if (ed:item) then 'always' else 'auto'}"
              space-before="{if ($level eq 1) then '3pt' else '0pt'}"
              font-weight="{if ($level eq 1) then 'bold' else 'normal'}">
      <fo:basic-link internal-destination="{@ref}">
        <xsl:value-of select="normalize-space(@number || '  ' || @title)"/>
      </fo:basic-link>
      <xsl:text> </xsl:text>
      <fo:leader leader-pattern="dots" leader-pattern-width="4pt"/>
      <xsl:text> </xsl:text>
      <fo:basic-link internal-destination="{@ref}"><fo:page-number-citation ref-id="{@ref}"/></fo:basic-link>
    </fo:block>
    <xsl:apply-templates select="ed:item" mode="toc"/>
  </xsl:template>

</xsl:stylesheet>
