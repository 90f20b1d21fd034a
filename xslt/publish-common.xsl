<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a deposit's metadata says, read once from the TEI header, for every metadata format.

  publish-datacite.xsl, publish-dc.xsl, publish-zenodo.xsl and publish-cff.xsl import this
  stylesheet and only decide how the metadata is written. Functions (prefix pub:) over the
  TEI document; parameters are what the header cannot know (set by edition/publish/metadata.py):
    date             the date of publication, ISO 8601 (YYYY-MM-DD)
    title            the edition's title when it has several texts (else the header's)
    identifier       a DOI or URL of the deposit, when there is one
    identifier-type  DOI | URL (empty: no identifier yet; the repository mints the DOI)
    licence-spdx     the SPDX identifier of the header's licence (edition/publish/data/licences.txt)
    language-3       the text's language as ISO 639-3 (Zenodo's form), from profileDesc
    url              where the site will be served, if known
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:pub="urn:x-edition:publish"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:param name="date" as="xs:string" select="string(current-date())"/>
  <xsl:param name="title" as="xs:string" select="''"/>
  <xsl:param name="identifier" as="xs:string" select="''"/>
  <xsl:param name="identifier-type" as="xs:string" select="''"/>
  <xsl:param name="licence-spdx" as="xs:string" select="''"/>
  <xsl:param name="language-3" as="xs:string" select="''"/>
  <xsl:param name="url" as="xs:string" select="''"/>

  <xsl:variable name="pub:header" select="/*/teiHeader"/>
  <xsl:variable name="pub:file" select="$pub:header/fileDesc"/>
  <xsl:variable name="pub:bibl" select="($pub:file/sourceDesc//(bibl | biblStruct | biblFull))[1]"/>

  <!-- a resp (what a person did) -> DataCite's and Zenodo's contributorType -->
  <xsl:variable name="pub:roles" as="map(xs:string, xs:string)" select="map {
      'editor': 'Editor', 'encoding': 'DataCurator', 'register': 'DataCurator',
      'transcription': 'DataCurator', 'translation': 'Translator', 'publisher': 'Distributor',
      'contact': 'ContactPerson', 'research': 'Researcher', 'project': 'ProjectLeader'}"/>

  <xsl:function name="pub:text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join($nodes ! string(.), ' '))"/>
  </xsl:function>

  <xsl:function name="pub:title" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="ts" select="$doc/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:sequence select="if ($title) then $title
                          else pub:text(($ts/title[@type = 'main'], $ts/title)[1])"/>
  </xsl:function>

  <!-- the people and bodies who made the edition, in header order: authors, editors, the
       persons of respStmts (the toolkit's own software agents are not creators) -->
  <xsl:function name="pub:creators" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="ts" select="$doc/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:sequence select="distinct-values(($ts/author, $ts/editor,
        $ts/respStmt/(name | persName | orgName)[not(@type = 'software')]) ! pub:text(.)[.])"/>
  </xsl:function>

  <!-- what each creator did, as a contributor type: the first role its respStmt names -->
  <xsl:function name="pub:role" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="ts" select="$doc/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="resp" select="lower-case(pub:text(($ts/respStmt[(name | persName | orgName)
        ! pub:text(.) = $name]/resp)[1]))"/>
    <xsl:sequence select="(map:keys($pub:roles)[contains($resp, .)] ! $pub:roles(.), 'Editor')[1]"
        xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <xsl:function name="pub:publisher" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="ps" select="$doc/*/teiHeader/fileDesc/publicationStmt"/>
    <xsl:sequence select="pub:text(($ps/publisher, $ps/distributor, $ps/authority)[1])"/>
  </xsl:function>

  <xsl:function name="pub:year" as="xs:string">
    <xsl:sequence select="substring($date, 1, 4)"/>
  </xsl:function>

  <xsl:function name="pub:language" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="string(($doc/*/teiHeader/profileDesc/langUsage/language/@ident,
                                  $doc/*/@xml:lang, 'und')[1])"/>
  </xsl:function>

  <xsl:function name="pub:licence" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/*/teiHeader/fileDesc/publicationStmt/availability/licence)[1]"/>
  </xsl:function>

  <!-- the address of the source the edition transcribes, when it is on the web -->
  <xsl:function name="pub:source-url" as="xs:string?">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="($doc/*/teiHeader/fileDesc/sourceDesc//(ptr | ref)/@target
                           [matches(., '^https?://')])[1] ! string(.)"/>
  </xsl:function>

  <!-- subjects: the header's keywords, the kind of resource, the language -->
  <xsl:function name="pub:keywords" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="terms" select="$doc/*/teiHeader/profileDesc/textClass/keywords//term ! pub:text(.)"/>
    <xsl:sequence select="distinct-values(($terms[.], 'TEI', 'digital scholarly edition',
        pub:text($doc/*/teiHeader/profileDesc/langUsage/language)[.]))"/>
  </xsl:function>

  <!-- one paragraph: what the edition is, of what source, and how it was made -->
  <xsl:function name="pub:description" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="b" select="$doc/*/teiHeader/fileDesc/sourceDesc/(bibl | biblStruct | biblFull)[1]"/>
    <xsl:variable name="source" select="string-join((pub:text($b//title[1]),
        ($b//author)[1] ! ('by ' || pub:text(.)),
        ($b//publisher)[1] ! pub:text(.), ($b//date)[1] ! pub:text(.))[.], ', ')"/>
    <xsl:variable name="about" select="if ($source) then 'A digital scholarly edition in TEI XML of '
        || $source || '.' else 'A digital scholarly edition in TEI XML.'"/>
    <xsl:sequence select="normalize-space(string-join(($about,
        $doc/*/teiHeader/encodingDesc/projectDesc/p ! pub:text(.),
        ($b/note[not(@type)])[1] ! pub:text(.)), ' '))"/>
  </xsl:function>
</xsl:stylesheet>
