<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of persons, places and organizations in HTML (included by html.xsl).

  What an entry means (the name it is filed under, its sort keys, the sections and contexts of its
  mentions, the names not identified) comes from common-register.xsl; this module decides how the
  index looks: a section per kind of name (none for a kind without entries), letter headings and an
  alphabet bar, each entry (li#reg-ID, highlighted when it is the target of a link from the text)
  with its mentions grouped by section, each mention a few words of the reading text linking to
  it; then the names the text marks but the register does not identify, apart.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- the contexts shown in each section of an entry; the rest are folded away (details) -->
  <xsl:param name="index-contexts" as="xs:integer" select="3"/>
  <!-- an entry with more mentions than this shows one context a section -->
  <xsl:param name="index-many" as="xs:integer" select="30"/>
  <!-- a kind with at least this many letters gets an alphabet bar -->
  <xsl:param name="index-alphabet-min" as="xs:integer" select="4"/>

  <xsl:variable name="ed:index-css" as="xs:string" expand-text="no">
    section.index ul.entries { list-style: none; padding-left: 0; margin: 0.3em 0 0.8em; }
    section.index li.entry { margin-bottom: 0.7em; padding: 0.15em 0.3em; scroll-margin-top: 1.5em; }
    section.index li.entry:target { background: #fff3c4; box-shadow: 0 0 0 2px #e6c75a; }
    section.index .entry-head { margin: 0; }
    section.index .letter { margin: 0.8em 0 0.2em; border-bottom: 1px solid #ddd; scroll-margin-top: 1.5em; }
    section.index nav.alphabet { font-family: "Helvetica Neue", Arial, sans-serif; margin: 0.3em 0 0.6em; }
    section.index nav.alphabet a { display: inline-block; min-width: 1.4em; text-align: center; text-decoration: none; }
    section.index ul.mention-sections, section.index ul.mentions { list-style: none; margin: 0.1em 0; }
    section.index ul.mention-sections { padding-left: 1.2em; font-size: 0.93em; }
    section.index ul.mentions { padding-left: 1.2em; }
    section.index .section-ref .secnum { margin-right: 0.3em; }
    section.index a.mention { color: inherit; text-decoration: none; }
    section.index a.mention:hover, section.index a.mention:focus { background: #fff3c4; }
    section.index a.mention mark { background: none; color: #1d4f91; font-weight: bold; }
    section.index .mention-count { color: #555; font-size: 0.9em; }
    section.index details.more-mentions summary { cursor: pointer; color: #1d4f91; font-size: 0.95em; }
    section.index-unidentified .form-name { font-style: italic; }
    @media print { section.index nav.alphabet, section.index details.more-mentions { display: none; } }
  </xsl:variable>

  <!-- ============================================================ index -->

  <xsl:template name="index">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="groups" as="element()*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:call-template name="index-kind">
          <xsl:with-param name="doc" select="$doc"/>
          <xsl:with-param name="entries" select="ed:index-entries($doc, @kind)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="index-unidentified"/>
    </xsl:variable>
    <xsl:if test="$groups">
      <section class="index" aria-labelledby="index-heading">
        <h2 id="index-heading"><xsl:value-of select="ed:label('index', .)"/></h2>
        <xsl:sequence select="$groups"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- the entries of one kind (context: its ed:kind row), under letter headings -->
  <xsl:template name="index-kind">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="entries" as="element()*"/>
    <xsl:variable name="kind" select="string(@kind)"/>
    <xsl:variable name="heading" select="ed:label(@label, $doc)"/>
    <xsl:if test="$entries">
      <section class="index-{$kind}" aria-labelledby="index-{$kind}-heading">
        <h3 id="index-{$kind}-heading"><xsl:value-of select="$heading"/></h3>
        <xsl:variable name="letters" select="distinct-values($entries ! ed:index-letter(.))"/>
        <xsl:if test="count($letters) ge $index-alphabet-min">
          <nav class="alphabet" aria-label="{$heading}: {ed:label('index-letters', $doc)}">
            <xsl:for-each select="$letters">
              <a href="#index-{$kind}-{ed:letter-id(.)}"><xsl:value-of select="."/></a>
              <xsl:text> </xsl:text>
            </xsl:for-each>
          </nav>
        </xsl:if>
        <xsl:for-each-group select="$entries" group-adjacent="ed:index-letter(.)">
          <h4 class="letter" id="index-{$kind}-{ed:letter-id(current-grouping-key())}">
            <xsl:value-of select="current-grouping-key()"/>
          </h4>
          <ul class="entries">
            <xsl:for-each select="current-group()">
              <xsl:call-template name="index-entry"/>
            </xsl:for-each>
          </ul>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- one entry: filed name, dates, description, identifiers, then its mentions by section -->
  <xsl:template name="index-entry">
    <xsl:variable name="life" select="ed:life-dates(.)"/>
    <xsl:variable name="mentions" select="key('ed:occurrences', @xml:id)"/>
    <li class="entry" id="{ed:entry-id(.)}">
      <p class="entry-head">
        <strong class="entry-name"><xsl:value-of select="ed:index-name(.)"/></strong>
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
          <xsl:if test="position() eq last()">. </xsl:if>
        </xsl:for-each>
        <xsl:call-template name="mention-count">
          <xsl:with-param name="n" select="count($mentions)"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="index-mentions">
        <xsl:with-param name="mentions" select="$mentions"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <!-- "(3 mentions)" -->
  <xsl:template name="mention-count">
    <xsl:param name="n" as="xs:integer"/>
    <span class="mention-count">
      <xsl:value-of select="'(' || $n || ' ' || ed:label(if ($n eq 1) then 'mention' else 'mentions', .) || ')'"/>
    </span>
  </xsl:template>

  <!-- mentions grouped by the section they are in, in the order of the text; in each section the
       first few as contexts, the rest folded away -->
  <xsl:template name="index-mentions">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="shown" select="if (count($mentions) gt $index-many) then 1 else $index-contexts"/>
    <xsl:if test="$mentions">
      <ul class="mention-sections">
        <xsl:for-each-group select="$mentions" group-adjacent="(ed:mention-section(.) ! ed:section-id(.), '')[1]">
          <li class="mention-section">
            <xsl:call-template name="section-ref">
              <xsl:with-param name="div" select="ed:mention-section(.)"/>
            </xsl:call-template>
            <xsl:if test="count(current-group()) gt 1">
              <xsl:text> </xsl:text>
              <span class="mention-count"><xsl:value-of select="'(' || count(current-group()) || ')'"/></span>
            </xsl:if>
            <ul class="mentions">
              <xsl:for-each select="subsequence(current-group(), 1, $shown)">
                <li><xsl:call-template name="index-mention"/></li>
              </xsl:for-each>
            </ul>
            <xsl:variable name="rest" select="subsequence(current-group(), $shown + 1)"/>
            <xsl:if test="$rest">
              <details class="more-mentions">
                <summary><xsl:value-of select="count($rest) || ' ' || ed:label('more-mentions', .)"/></summary>
                <ul class="mentions">
                  <xsl:for-each select="$rest">
                    <li><xsl:call-template name="index-mention"/></li>
                  </xsl:for-each>
                </ul>
              </details>
            </xsl:if>
          </li>
        </xsl:for-each-group>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- the section a group of mentions is in: "3.2 Exile", linked; before the first section: "Opening" -->
  <xsl:template name="section-ref">
    <xsl:param name="div" as="element()?"/>
    <xsl:choose>
      <xsl:when test="$div">
        <xsl:variable name="number" select="ed:section-number($div)"/>
        <xsl:variable name="title" select="ed:section-title($div)"/>
        <a class="section-ref" href="#{ed:section-id($div)}">
          <span class="secnum"><xsl:value-of select="$number"/></span>
          <xsl:if test="$title ne $number"><xsl:value-of select="' ' || $title"/></xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <a class="section-ref" href="#text"><xsl:value-of select="ed:label('before-sections', .)"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- one mention: "… went to Paris in 1898 …", linking to the name in the text -->
  <xsl:template name="index-mention">
    <xsl:variable name="context" select="ed:mention-context(.)"/>
    <a class="mention" href="#{ed:index-link-target(.)}">
      <xsl:value-of select="$context/@before"/>
      <mark><xsl:value-of select="($context/@form[. ne ''], $ed:gap-mark)[1]"/></mark>
      <xsl:value-of select="$context/@after"/>
    </a>
  </xsl:template>

  <!-- where a mention's link goes: the name itself (html-names.xsl gives every name, with an entry
       or not, the id ed:occurrence-id) -->
  <xsl:function name="ed:index-link-target" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="ed:occurrence-id($name)"/>
  </xsl:function>

  <!-- ============================================================ names to be identified -->

  <!-- the names that point to no entry, by kind, each form once with its mentions -->
  <xsl:template name="index-unidentified">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="kinds" as="element()*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="names" select="ed:unlinked-names($doc, @kind)"/>
        <xsl:if test="$names">
          <section class="unidentified-{@kind}" aria-labelledby="unidentified-{@kind}-heading">
            <h4 id="unidentified-{@kind}-heading"><xsl:value-of select="ed:label(@label, $doc)"/></h4>
            <ul class="entries">
              <xsl:for-each-group select="$names" group-by="ed:form-key(.)">
                <xsl:sort select="current-grouping-key()" collation="{ed:index-collation($doc)}"/>
                <xsl:sort select="ed:form-label(current-group())"/>
                <li class="form">
                  <p class="entry-head">
                    <span class="form-name"><xsl:value-of select="ed:form-label(current-group())"/></span>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="mention-count">
                      <xsl:with-param name="n" select="count(current-group())"/>
                    </xsl:call-template>
                  </p>
                  <xsl:call-template name="index-mentions">
                    <xsl:with-param name="mentions" select="current-group()"/>
                  </xsl:call-template>
                </li>
              </xsl:for-each-group>
            </ul>
          </section>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="$kinds">
      <section class="index-unidentified" aria-labelledby="index-unidentified-heading">
        <h3 id="index-unidentified-heading"><xsl:value-of select="ed:label('to-be-identified', .)"/></h3>
        <p class="note meta"><xsl:value-of select="ed:label('to-be-identified-note', .)"/></p>
        <xsl:sequence select="$kinds"/>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
