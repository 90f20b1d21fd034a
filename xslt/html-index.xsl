<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of persons, places and organizations in HTML (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:index-css" as="xs:string" expand-text="no">
    section.index li { margin-bottom: 0.3em; }
    .occurrences a { margin-left: 0.2em; }
  </xsl:variable>

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
