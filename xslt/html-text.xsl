<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text in HTML: sections, paragraphs, lists, quotations, names, dates and the two views
  of a change (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

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

  <!-- a paragraph, with a stable anchor to cite it by (its xml:id, else section and number) -->
  <xsl:template match="p | ab">
    <p id="{ed:block-id(.)}"><xsl:call-template name="lang"/><xsl:apply-templates/><xsl:call-template name="anchor"/></p>
  </xsl:template>

  <!-- the pilcrow that links to a block's own anchor, for citing it -->
  <xsl:template name="anchor">
    <xsl:text> </xsl:text>
    <a class="anchor gen" href="#{ed:block-id(.)}" aria-label="{ed:label('link-here', .)}">¶</a>
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

  <!-- date: html-chronology.xsl (each date has the id the chronology links to) -->

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
    <xsl:call-template name="lang"/>
  </xsl:template>

  <xsl:template name="lang">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

  <!-- who made the markup and how sure it is, for reviewers -->
  <xsl:template name="machine">
    <xsl:if test="@resp"><xsl:attribute name="data-resp" select="@resp"/></xsl:if>
    <xsl:if test="@cert"><xsl:attribute name="data-cert" select="@cert"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
