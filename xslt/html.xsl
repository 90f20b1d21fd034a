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
    .name { color: inherit; text-decoration-line: underline; text-underline-offset: 0.2em; }
    .name.person { text-decoration-style: solid; }
    .name.place { text-decoration-style: dashed; }
    .name.org { text-decoration-style: double; }
    .name:focus, .name:hover { background: #fff3c4; }
    .legend, .meta { font-size: 0.9em; color: #444; }
    section.index li { margin-bottom: 0.3em; }
    .occurrences a { margin-left: 0.2em; }
    .views { border: 0; padding: 0; margin: 0.8em 0; font-size: 0.9em; }
    .views legend { float: left; margin-right: 0.6em; color: #444; }
    .views label { margin-right: 1em; }
    .orig { display: none; }
    body:has(#view-diplomatic:checked) .orig { display: inline; }
    body:has(#view-diplomatic:checked) .reg, body:has(#view-diplomatic:checked) .gap { display: none; }
    .reg.letters, .reg.dash, .reg.space, .gap { background: #eaf2e3; }
    @media print { nav.toc, section.index .occurrences, .views { display: none; } }
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
        <style><xsl:value-of select="$style"/></style>
        <xsl:if test="$css ne ''">
          <link rel="stylesheet" href="{$css}"/>
        </xsl:if>
      </head>
      <body>
        <xsl:call-template name="title-block"/>
        <xsl:call-template name="toc"/>
        <main id="text" lang="{(text/@xml:lang, @xml:lang, 'en')[1]}">
          <xsl:apply-templates select="text"/>
        </main>
        <xsl:call-template name="index"/>
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
      <xsl:call-template name="views"/>
    </header>
  </xsl:template>

  <!-- the switch between the reading text (the default) and the diplomatic text, where they differ;
       CSS alone does the switching (no script): without :has() the reading text stays -->
  <xsl:template name="views">
    <xsl:if test="text//(choice[reg] | gap)">
      <fieldset class="views">
        <legend><xsl:value-of select="ed:label('view', .)"/></legend>
        <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
        <label for="view-reading"><xsl:value-of select="ed:label('reading-view', .)"/></label>
        <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
        <label for="view-diplomatic"><xsl:value-of select="ed:label('diplomatic-view', .)"/></label>
      </fieldset>
    </xsl:if>
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
    <xsl:variable name="top" select="text/(front, body, back)/div"/>
    <xsl:if test="$top">
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading"><xsl:value-of select="ed:label('contents', .)"/></h2>
        <ol><xsl:apply-templates select="$top" mode="toc"/></ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="div" mode="toc">
    <li>
      <a href="#{ed:section-id(.)}">
        <span class="secnum"><xsl:value-of select="ed:section-number(.)"/></span>
        <xsl:value-of select="ed:section-title(.)"/>
      </a>
      <xsl:if test="div">
        <ol><xsl:apply-templates select="div" mode="toc"/></ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ============================================================ structure -->

  <xsl:template match="text | front | body | back">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="div">
    <xsl:variable name="level" select="min((ed:section-level(.) + 1, 6))"/>
    <section id="{ed:section-id(.)}" class="{string-join(('div', @type), ' ')}">
      <xsl:element name="h{$level}">
        <span class="secnum gen"><xsl:value-of select="ed:section-number(.)"/></span>
        <xsl:apply-templates select="head[1]/node()"/>
      </xsl:element>
      <xsl:apply-templates select="* except head[1]"/>
    </section>
  </xsl:template>

  <xsl:template match="p | ab">
    <p><xsl:call-template name="ids"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="list">
    <xsl:apply-templates select="head"/>
    <xsl:element name="{if (@rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
      <xsl:call-template name="ids"/>
      <xsl:apply-templates select="* except head"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="item">
    <li><xsl:call-template name="ids"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- a block quotation: a quote that stands as a block (not inside running text) -->
  <xsl:template match="quote[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <blockquote>
      <xsl:call-template name="ids"/>
      <xsl:call-template name="machine"/>
      <p><xsl:apply-templates/></p>
    </blockquote>
  </xsl:template>

  <!-- an inline quotation: the quotation marks are in the text, so <q> adds none (see the CSS);
       the person it is attributed to is its description -->
  <xsl:template match="quote | q">
    <q>
      <xsl:call-template name="ids"/>
      <xsl:call-template name="machine"/>
      <xsl:for-each select="ed:speaker(parent::cit)">
        <xsl:attribute name="title" select="ed:label('words-of', .) || ' ' || ed:main-name(.)"/>
      </xsl:for-each>
      <xsl:apply-templates/>
    </q>
  </xsl:template>

  <!-- a block quotation with its attribution: the speaker is named under it -->
  <xsl:template match="cit[not(ancestor::p | ancestor::item | ancestor::head | ancestor::quote | ancestor::q)]">
    <figure class="cit">
      <xsl:call-template name="ids"/>
      <xsl:apply-templates select="* except ptr[@type eq 'speaker']"/>
      <xsl:for-each select="ed:speaker(.)">
        <figcaption>— <a href="#{ed:entry-id(.)}"><xsl:value-of select="ed:main-name(.)"/></a></figcaption>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <xsl:template match="cit">
    <xsl:apply-templates select="node() except ptr[@type eq 'speaker']"/>
  </xsl:template>

  <!-- ============================================================ phrases -->

  <xsl:template match="persName | placeName | orgName | rs">
    <xsl:variable name="entry" select="ed:entry(.)"/>
    <xsl:variable name="class" select="'name ' || ed:kind(.)"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <a class="{$class}" id="{ed:occurrence-id(.)}" href="#{ed:entry-id($entry)}" data-ref="{@ref}"
           title="{ed:description(.)}">
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}" title="{ed:description(.)}">
          <xsl:if test="@ref"><xsl:attribute name="data-ref" select="@ref"/></xsl:if>
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date">
    <xsl:variable name="iso" select="ed:date-iso(.)"/>
    <xsl:choose>
      <xsl:when test="exists($iso)">
        <time datetime="{$iso}" title="{ed:date-label(.)}">
          <xsl:if test="@from or @to">
            <xsl:attribute name="data-from" select="@from"/>
            <xsl:attribute name="data-to" select="@to"/>
          </xsl:if>
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <span class="date" title="{ed:date-label(.)}"><xsl:call-template name="machine"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- both views of a change: the source's text and the reading text; CSS shows one -->
  <xsl:template match="choice[reg]">
    <span class="choice">
      <span class="orig"><xsl:apply-templates select="orig/node()"/></span>
      <span class="reg {reg/@type}">
        <xsl:if test="reg/@type ne 'case'">
          <xsl:attribute name="title" select="ed:source-reads(reg)"/>
        </xsl:if>
        <xsl:for-each select="reg"><xsl:call-template name="machine"/></xsl:for-each>
        <xsl:apply-templates select="reg/node()"/>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="gap">
    <span class="gap" title="{ed:label('gap', .)}"><xsl:call-template name="machine"/><xsl:value-of select="$ed:gap-mark"/></span>
  </xsl:template>

  <xsl:template match="title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="foreign">
    <i><xsl:call-template name="ids"/><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="hi">
    <em><xsl:if test="@rend"><xsl:attribute name="class" select="@rend"/></xsl:if><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="lb">
    <br/>
  </xsl:template>

  <xsl:template match="note">
    <small class="note">[<xsl:apply-templates/>]</small>
  </xsl:template>

  <!-- anything else: keep its text -->
  <xsl:template match="*">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- xml:id -> id, xml:lang -> lang -->
  <xsl:template name="ids">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <!-- who made the markup and how sure it is, for reviewers -->
  <xsl:template name="machine">
    <xsl:if test="@resp"><xsl:attribute name="data-resp" select="@resp"/></xsl:if>
    <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
  </xsl:template>

  <!-- ============================================================ index -->

  <xsl:template name="index">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="groups" as="element()*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="entries" select="ed:index-entries($doc, @kind)"/>
        <xsl:if test="$entries">
          <section class="index-{@kind}" aria-labelledby="index-{@kind}-heading">
            <h3 id="index-{@kind}-heading"><xsl:value-of select="ed:label(@label, $doc)"/></h3>
            <ul>
              <xsl:for-each select="$entries">
                <xsl:call-template name="index-entry"/>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$groups">
      <section class="index" aria-labelledby="index-heading">
        <h2 id="index-heading"><xsl:value-of select="ed:label('index', .)"/></h2>
        <xsl:sequence select="$groups"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-entry">
    <xsl:variable name="life" select="ed:life-dates(.)"/>
    <li id="{ed:entry-id(.)}">
      <strong><xsl:value-of select="ed:main-name(.)"/></strong>
      <xsl:if test="$life"><xsl:value-of select="' (' || $life || ')'"/></xsl:if>
      <xsl:text>. </xsl:text>
      <xsl:if test="ed:entry-note(.) ne ''"><xsl:value-of select="ed:sentence(ed:entry-note(.)) || ' '"/></xsl:if>
      <xsl:for-each select="ed:identifiers(.)">
        <xsl:if test="position() gt 1">; </xsl:if>
        <xsl:value-of select="@label || ' '"/>
        <xsl:choose>
          <xsl:when test="ed:safe-url(@href) ne ''"><a href="{ed:safe-url(@href)}"><xsl:value-of select="@value"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:variable name="occurrences" select="key('ed:occurrences', @xml:id)"/>
      <span class="occurrences">
        <xsl:value-of select="'— ' || ed:label('occurrences', .) || ':'"/>
        <xsl:for-each select="$occurrences">
          <xsl:if test="position() gt 1">,</xsl:if>
          <xsl:text> </xsl:text>
          <a href="#{ed:occurrence-id(.)}"><xsl:value-of select="position()"/></a>
        </xsl:for-each>
      </span>
    </li>
  </xsl:template>

</xsl:stylesheet>
