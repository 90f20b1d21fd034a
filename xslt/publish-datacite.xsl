<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> DataCite metadata, kernel 4 (https://schema.datacite.org/meta/kernel-4/).
  What the header says is read by publish-common.xsl; this stylesheet writes the record.
  Without a DOI yet (identifier-type empty) the identifier is the DOI placeholder
  "(:tba)" that DataCite's own tools use until the repository mints one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pub="urn:x-edition:publish"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns="http://datacite.org/schema/kernel-4"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="publish-common.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="lic" select="pub:licence(.)"/>
    <resource xsi:schemaLocation="http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4/metadata.xsd">
      <identifier identifierType="{($identifier-type[.], 'DOI')[1]}">
        <xsl:value-of select="($identifier[.], '(:tba)')[1]"/>
      </identifier>
      <creators>
        <xsl:for-each select="pub:creators(.)">
          <creator><creatorName><xsl:value-of select="."/></creatorName></creator>
        </xsl:for-each>
      </creators>
      <titles><title xml:lang="{pub:language(.)}"><xsl:value-of select="pub:title(.)"/></title></titles>
      <publisher><xsl:value-of select="pub:publisher(.)"/></publisher>
      <publicationYear><xsl:value-of select="pub:year()"/></publicationYear>
      <resourceType resourceTypeGeneral="Text">Digital scholarly edition (TEI XML)</resourceType>
      <subjects>
        <xsl:for-each select="pub:keywords(.)"><subject><xsl:value-of select="."/></subject></xsl:for-each>
      </subjects>
      <contributors>
        <xsl:for-each select="pub:creators(.)">
          <contributor contributorType="{pub:role($doc, .)}">
            <contributorName><xsl:value-of select="."/></contributorName>
          </contributor>
        </xsl:for-each>
      </contributors>
      <dates><date dateType="Issued"><xsl:value-of select="$date"/></date></dates>
      <language><xsl:value-of select="pub:language(.)"/></language>
      <xsl:if test="exists(pub:source-url(.)) or $url">
        <relatedIdentifiers>
          <xsl:for-each select="pub:source-url(.)">
            <relatedIdentifier relatedIdentifierType="URL" relationType="IsDerivedFrom">
              <xsl:value-of select="."/>
            </relatedIdentifier>
          </xsl:for-each>
          <xsl:if test="$url and $identifier-type = 'DOI'">
            <relatedIdentifier relatedIdentifierType="URL" relationType="IsIdenticalTo">
              <xsl:value-of select="$url"/>
            </relatedIdentifier>
          </xsl:if>
        </relatedIdentifiers>
      </xsl:if>
      <formats>
        <format>application/tei+xml</format>
        <format>text/html</format>
        <format>application/pdf</format>
      </formats>
      <xsl:if test="$lic">
        <rightsList>
          <rights>
            <xsl:if test="$lic/@target"><xsl:attribute name="rightsURI" select="$lic/@target"/></xsl:if>
            <xsl:if test="$licence-spdx">
              <xsl:attribute name="rightsIdentifier" select="$licence-spdx"/>
              <xsl:attribute name="rightsIdentifierScheme">SPDX</xsl:attribute>
              <xsl:attribute name="schemeURI">https://spdx.org/licenses/</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="pub:text($lic)"/>
          </rights>
        </rightsList>
      </xsl:if>
      <descriptions>
        <description descriptionType="Abstract" xml:lang="{pub:language(.)}">
          <xsl:value-of select="pub:description(.)"/>
        </description>
      </descriptions>
    </resource>
  </xsl:template>
</xsl:stylesheet>
