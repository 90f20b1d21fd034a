<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> simple Dublin Core in the OAI-PMH container (oai_dc), the record every
  repository (DSpace, Dataverse, OAI harvesters) reads. publish-common.xsl reads the header.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pub="urn:x-edition:publish"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="xs pub">

  <xsl:import href="publish-common.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="lic" select="pub:licence(.)"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title><xsl:value-of select="pub:title(.)"/></dc:title>
      <xsl:for-each select="pub:creators(.)"><dc:creator><xsl:value-of select="."/></dc:creator></xsl:for-each>
      <xsl:for-each select="pub:keywords(.)"><dc:subject><xsl:value-of select="."/></dc:subject></xsl:for-each>
      <dc:description><xsl:value-of select="pub:description(.)"/></dc:description>
      <dc:publisher><xsl:value-of select="pub:publisher(.)"/></dc:publisher>
      <dc:date><xsl:value-of select="$date"/></dc:date>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:if test="$identifier"><dc:identifier><xsl:value-of select="
          if ($identifier-type = 'DOI') then 'https://doi.org/' || $identifier else $identifier"/></dc:identifier></xsl:if>
      <xsl:for-each select="pub:source-url(.)"><dc:source><xsl:value-of select="."/></dc:source></xsl:for-each>
      <dc:language><xsl:value-of select="pub:language(.)"/></dc:language>
      <xsl:if test="$lic">
        <dc:rights><xsl:value-of select="pub:text($lic)"/></dc:rights>
        <xsl:for-each select="$lic/@target"><dc:rights><xsl:value-of select="."/></dc:rights></xsl:for-each>
      </xsl:if>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
