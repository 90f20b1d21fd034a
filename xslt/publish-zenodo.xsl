<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> the metadata of a Zenodo deposit, as its REST API takes it
  (PUT /api/deposit/depositions/ID with {"metadata": {...}}; https://developers.zenodo.org/):
  upload_type, publication_type, publication_date, title, creators, description,
  access_right, license, keywords, related_identifiers, contributors, language (ISO 639-3).
  The JSON is built as XML in the XPath functions namespace and written by xml-to-json(),
  which keeps the keys in this order.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pub="urn:x-edition:publish"
    xmlns="http://www.w3.org/2005/xpath-functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="publish-common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="json" as="element()">
      <xsl:apply-templates select="." mode="zenodo"/>
    </xsl:variable>
    <xsl:value-of select="xml-to-json($json, map {'indent': true()})"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="/" mode="zenodo">
    <xsl:variable name="doc" select="."/>
    <map>
      <map key="metadata">
        <string key="upload_type">publication</string>
        <string key="publication_type">other</string>
        <string key="publication_date"><xsl:value-of select="$date"/></string>
        <string key="title"><xsl:value-of select="pub:title(.)"/></string>
        <array key="creators">
          <xsl:for-each select="pub:creators(.)"><map><string key="name"><xsl:value-of select="."/></string></map></xsl:for-each>
        </array>
        <string key="description"><xsl:value-of select="pub:description(.)"/></string>
        <string key="access_right">open</string>
        <xsl:if test="$licence-spdx"><string key="license"><xsl:value-of select="lower-case($licence-spdx)"/></string></xsl:if>
        <array key="keywords">
          <xsl:for-each select="pub:keywords(.)"><string><xsl:value-of select="."/></string></xsl:for-each>
        </array>
        <array key="related_identifiers">
          <xsl:for-each select="pub:source-url(.)">
            <map>
              <string key="identifier"><xsl:value-of select="."/></string>
              <string key="relation">isDerivedFrom</string>
              <string key="scheme">url</string>
            </map>
          </xsl:for-each>
          <xsl:if test="$url">
            <map>
              <string key="identifier"><xsl:value-of select="$url"/></string>
              <string key="relation">isAlternateIdentifier</string>
              <string key="scheme">url</string>
            </map>
          </xsl:if>
        </array>
        <array key="contributors">
          <xsl:for-each select="pub:creators(.)">
            <map>
              <string key="name"><xsl:value-of select="."/></string>
              <string key="type"><xsl:value-of select="pub:role($doc, .)"/></string>
            </map>
          </xsl:for-each>
        </array>
        <xsl:if test="$language-3"><string key="language"><xsl:value-of select="$language-3"/></string></xsl:if>
        <xsl:if test="$identifier-type = 'DOI'"><string key="doi"><xsl:value-of select="$identifier"/></string></xsl:if>
      </map>
    </map>
  </xsl:template>
</xsl:stylesheet>
