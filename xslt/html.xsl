<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI -> an HTML5 reading edition: title block, table of contents, the text,
  an index of persons, places and organizations. What things mean comes from
  common.xsl; this stylesheet only decides how they look.

  Parameters: css (URL of an extra stylesheet to link), lang (language of the
  generated labels; default: the document's xml:lang).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="html-names.xsl"/>
  <xsl:include href="html-index.xsl"/>
  <xsl:include href="html-chronology.xsl"/>
  <xsl:include href="html-apparatus.xsl"/>
  <xsl:include href="html-search.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- URL of an extra stylesheet, linked after the embedded one -->
  <xsl:param name="css" as="xs:string" select="''"/>

  <xsl:variable name="style" as="xs:string" expand-text="no">
    body { font-family: Georgia, "Times New Roman", serif; line-height: 1.55; color: #1a1a1a;
           background: #fdfdfb; margin: 0 auto; max-width: 44em; padding: 1.5em; }
    header.title-block { border-bottom: 1px solid #999; margin-bottom: 1.5em; }
    h1 { font-size: 1.7em; line-height: 1.25; }
    h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.3; }
    .secnum { margin-right: 0.5em; color: #555; }
    nav.toc ol { list-style: none; padding-left: 1.2em; }
    nav.toc > ol { padding-left: 0; }
    blockquote { margin: 1em 2em; padding-left: 1em; border-left: 3px solid #bbb; }
    q { quotes: none; }
    q::before, q::after { content: none; }
    a { color: #1d4f91; }
    .legend, .meta { font-size: 0.9em; color: #444; }
    .anchor { visibility: hidden; text-decoration: none; color: #888; }
    p:hover > .anchor, .anchor:focus { visibility: visible; }
    .controls { font-size: 0.9em; margin: 0.8em 0; }
    .controls fieldset { border: 0; padding: 0; margin: 0.3em 0; }
    .controls legend { float: left; margin-right: 0.6em; color: #444; }
    .controls label { margin-right: 1em; }
    body:has(#highlight-person:not(:checked)) .name.person,
    body:has(#highlight-place:not(:checked)) .name.place,
    body:has(#highlight-org:not(:checked)) .name.org { text-decoration: none; }
    .certainty-key { display: none; margin-left: 0.5em; }
    body:has(#show-certainty:checked) .certainty-key { display: inline; }
    body:has(#show-certainty:checked) [data-cert="high"], .certainty-key .cert-high { background: #dcefd9; }
    body:has(#show-certainty:checked) [data-cert="medium"], .certainty-key .cert-medium { background: #fbe7b5; }
    body:has(#show-certainty:checked) [data-cert="low"], .certainty-key .cert-low { background: #f6c9c4; }
    .certainty-key span { padding: 0 0.4em; margin-right: 0.3em; }
    .orig { display: none; }
    body:has(#view-diplomatic:checked) .orig { display: inline; }
    body:has(#view-diplomatic:checked) .reg, body:has(#view-diplomatic:checked) .gap { display: none; }
    .reg.letters, .reg.dash, .reg.space, .gap { background: #eaf2e3; }
    @media print { nav.toc, section.index .occurrences, .controls { display: none; } }
  </xsl:variable>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <xsl:template match="TEI">
    <html lang="{ed:lang(.)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="ed:title(.)"/></title>
        <style><xsl:value-of select="$style, $ed:names-css, $ed:index-css, $ed:chronology-css,
                                      $ed:apparatus-css, $ed:search-css" separator="&#10;"/></style>
        <xsl:if test="$css ne ''">
          <link rel="stylesheet" href="{$css}"/>
        </xsl:if>
      </head>
      <body>
        <xsl:call-template name="title-block"/>
        <xsl:call-template name="search"/>
        <xsl:call-template name="toc"/>
        <main id="text" lang="{(text/@xml:lang, @xml:lang, 'en')[1]}">
          <xsl:apply-templates select="text"/>
        </main>
        <xsl:call-template name="chronology"/>
        <xsl:call-template name="index"/>
        <xsl:call-template name="apparatus"/>
        <xsl:call-template name="popups"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="title-block">
    <xsl:variable name="doc" select="."/>
    <header class="title-block">
      <h1><xsl:value-of select="ed:title(.)"/></h1>
      <xsl:variable name="editors" select="ed:editors(.)"/>
      <xsl:if test="$editors">
        <p class="editors meta">
          <xsl:value-of select="ed:label('edited-by', .)"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$editors ! (@name || (if (@roles ne '') then ' (' || @roles || ')' else ''))"
                        separator="; "/>
        </p>
      </xsl:if>
      <xsl:for-each select="ed:licence(.)">
        <p class="licence meta">
          <xsl:value-of select="ed:label('licence', $doc) || ': '"/>
          <xsl:call-template name="link"/>
        </p>
      </xsl:for-each>
      <xsl:for-each select="ed:source(.)">
        <p class="source meta">
          <xsl:value-of select="ed:label('source', $doc) || ': '"/>
          <xsl:call-template name="link"/>
          <xsl:if test="@value ne ''">
            <xsl:value-of select="'. ' || @value"/>
          </xsl:if>
        </p>
      </xsl:for-each>
      <xsl:if test="//text//(persName | placeName | orgName)">
        <p class="legend"><xsl:value-of select="ed:label('legend', .)"/></p>
      </xsl:if>
      <xsl:call-template name="controls"/>
    </header>
  </xsl:template>

  <!-- what the reader chooses to see, CSS alone (no script; without :has() the defaults stay):
       the reading or the diplomatic text (where they differ), the highlighting of each kind of
       name, and for editors the certainty of the machine's markup -->
  <xsl:template name="controls">
    <xsl:variable name="doc" select="."/>
    <div class="controls" role="group" aria-label="{ed:label('display', .)}">
      <xsl:if test="text//(choice[reg] | gap)">
        <fieldset class="views">
          <legend><xsl:value-of select="ed:label('view', .)"/></legend>
          <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
          <label for="view-reading"><xsl:value-of select="ed:label('reading-view', .)"/></label>
          <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
          <label for="view-diplomatic"><xsl:value-of select="ed:label('diplomatic-view', .)"/></label>
        </fieldset>
      </xsl:if>
      <xsl:variable name="kinds" select="$ed:index-kinds[some $n in $doc/text//(persName | placeName | orgName)
                                         satisfies ed:kind($n) eq current()/@kind]"/>
      <xsl:if test="$kinds">
        <fieldset class="highlight">
          <legend><xsl:value-of select="ed:label('highlight', .)"/></legend>
          <xsl:for-each select="$kinds">
            <input type="checkbox" id="highlight-{@kind}" checked="checked"/>
            <label for="highlight-{@kind}"><xsl:value-of select="ed:label(@label, $doc)"/></label>
          </xsl:for-each>
        </fieldset>
      </xsl:if>
      <xsl:if test="text//*[@cert]">
        <fieldset class="machine">
          <legend><xsl:value-of select="ed:label('machine-markup', .)"/></legend>
          <input type="checkbox" id="show-certainty"/>
          <label for="show-certainty"><xsl:value-of select="ed:label('show-certainty', .)"/></label>
          <span class="certainty-key" aria-hidden="true">
            <xsl:for-each select="('high', 'medium', 'low')">
              <span class="cert-{.}"><xsl:value-of select="ed:label('cert-' || ., $doc)"/></span>
            </xsl:for-each>
          </span>
        </fieldset>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- an ed:link as an <a> (or plain text when it has no URL) -->
  <xsl:template name="link">
    <xsl:choose>
      <xsl:when test="ed:safe-url(@href) ne ''"><a href="{ed:safe-url(@href)}"><xsl:value-of select="@label"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ table of contents -->

  <xsl:template name="toc">
    <xsl:variable name="top" select="text/(front, body, back)/div[not(ed:empty-div(.))]"/>
    <xsl:if test="$top">
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading"><xsl:value-of select="ed:label('contents', .)"/></h2>
        <ol><xsl:apply-templates select="$top" mode="toc"/><xsl:call-template name="chronology-toc"/><xsl:call-template name="apparatus-toc"/></ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="div" mode="toc">
    <li>
      <a href="#{ed:section-id(.)}">
        <span class="secnum"><xsl:value-of select="ed:section-number(.)"/></span>
        <xsl:value-of select="ed:section-title(.)"/>
      </a>
      <xsl:if test="child::div[not(ed:empty-div(.))]">
        <ol><xsl:apply-templates select="child::div[not(ed:empty-div(.))]" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
