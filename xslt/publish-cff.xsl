<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI header -> CITATION.cff (Citation File Format 1.2.0, https://citation-file-format.github.io/),
  YAML. Every string is written as a JSON string (serialize(..., map{'method': 'json'})),
  which is a YAML double-quoted scalar: no value can break the file. Creators are written
  as CFF entities (name:), since a header's name does not say which part is the family name.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pub="urn:x-edition:publish"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="publish-common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:function name="pub:yaml" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="replace(serialize($value, map {'method': 'json'}), '\\/', '/')"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="nl" select="'&#10;'"/>
    <xsl:value-of separator="" select="
      'cff-version: 1.2.0', $nl,
      'message: ', pub:yaml('If you use this edition, please cite it using the metadata from this file.'), $nl,
      'type: dataset', $nl,
      'title: ', pub:yaml(pub:title(.)), $nl,
      'authors:', $nl,
      pub:creators(.) ! ('  - name: ' || pub:yaml(.) || $nl),
      'abstract: ', pub:yaml(pub:description(.)), $nl,
      'date-released: ', pub:yaml($date), $nl,
      if ($licence-spdx) then ('license: ' || pub:yaml($licence-spdx) || $nl) else (),
      'keywords:', $nl,
      pub:keywords(.) ! ('  - ' || pub:yaml(.) || $nl),
      if ($identifier-type = 'DOI') then ('doi: ' || pub:yaml($identifier) || $nl) else (),
      if ($url) then ('url: ' || pub:yaml($url) || $nl) else (),
      if (exists(pub:source-url(.))) then ('identifiers:' || $nl || '  - type: url' || $nl
          || '    value: ' || pub:yaml(pub:source-url(.)) || $nl
          || '    description: ' || pub:yaml('The source the edition transcribes') || $nl) else ()"/>
  </xsl:template>
</xsl:stylesheet>
