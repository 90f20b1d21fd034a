<?xml version="1.0" encoding="UTF-8"?>
<!--
  Search in the browser over the text and the register (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:search-css" as="xs:string" select="''"/>

  <xsl:template name="search"/>

</xsl:stylesheet>
