<?xml version="1.0" encoding="UTF-8"?>
<!--
  The chronology: every date of the text, sorted by value, with its sentence (included by html.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:chronology-css" as="xs:string" select="''"/>

  <xsl:template name="chronology"/>

</xsl:stylesheet>
