<?xml version="1.0" encoding="UTF-8"?>
<!--
  The scholarly apparatus: title page data, editorial declarations, how to cite, downloads,
  licence (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:apparatus-css" as="xs:string" select="''"/>

  <xsl:template name="apparatus"/>

</xsl:stylesheet>
