<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names in the text (linked to the register) and their pop-ups (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:names-css" as="xs:string" expand-text="no">
    .name { color: inherit; text-decoration-line: underline; text-underline-offset: 0.2em; }
    .name.person { text-decoration-style: solid; }
    .name.place { text-decoration-style: dashed; }
    .name.org { text-decoration-style: double; }
    .name:focus, .name:hover { background: #fff3c4; }
  </xsl:variable>

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

  <!-- the pop-ups of the register entries the text names (one per entry) -->
  <xsl:template name="popups"/>

</xsl:stylesheet>
