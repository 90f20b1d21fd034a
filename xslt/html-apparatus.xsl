<?xml version="1.0" encoding="UTF-8"?>
<!--
  The scholarly apparatus, "About this edition": title page data, editorial declarations, how to
  cite, downloads, licence; and sections with nothing but a heading left out (included by html.xsl).

  Parameters: tei-file, pdf-file (the TEI and PDF of this edition, relative to the HTML;
  empty: no link).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- the TEI document and the PDF of this edition, as links relative to the HTML ('' = none) -->
  <xsl:param name="tei-file" as="xs:string" select="''"/>
  <xsl:param name="pdf-file" as="xs:string" select="''"/>

  <xsl:variable name="ed:apparatus-css" as="xs:string" expand-text="no">
    section.about dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
    section.about dt { font-weight: bold; }
    section.about dd { margin: 0; }
    section.about .cite-as { padding: 0.6em 0.9em; background: #f2f2ee; border-left: 3px solid #bbb; }
    section.about code { font-size: 0.9em; word-break: break-all; }
  </xsl:variable>

  <!-- ============================================================ sections without content -->

  <!-- a section with nothing but its heading is not shown (ed:empty-div, common.xsl) -->
  <xsl:template match="div[ed:empty-div(.)]"/>

  <!-- ============================================================ about this edition -->

  <xsl:template name="apparatus">
    <section id="about" class="about" aria-labelledby="about-heading">
      <h2 id="about-heading"><xsl:value-of select="ed:label('about', .)"/></h2>
      <xsl:call-template name="about-edition"/>
      <xsl:call-template name="about-declarations"/>
      <xsl:call-template name="about-cite"/>
      <xsl:call-template name="about-downloads"/>
      <xsl:call-template name="about-licence"/>
    </section>
  </xsl:template>

  <xsl:template name="apparatus-toc">
    <li><a href="#about"><xsl:value-of select="ed:label('about', .)"/></a></li>
  </xsl:template>

  <!-- the publication statement of the header -->
  <xsl:function name="ed:publication" as="element()?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/TEI/teiHeader/fileDesc/publicationStmt"/>
  </xsl:function>

  <!-- the address of the edition, when its header gives one (idno URI, URL or DOI, or ptr), else '' -->
  <xsl:function name="ed:edition-url" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="stmt" select="ed:publication($doc)"/>
    <xsl:variable name="idno" select="$stmt/idno[lower-case(@type) = ('uri', 'url', 'doi')][normalize-space()][1]"/>
    <xsl:variable name="url" select="if ($idno/lower-case(@type) eq 'doi' and not(matches($idno, '^\s*https?:')))
                                     then 'https://doi.org/' || normalize-space($idno)
                                     else normalize-space(($idno, $stmt/ptr/@target)[1])"/>
    <xsl:sequence select="if (matches($url, '^https?://')) then ed:safe-url($url) else ''"/>
  </xsl:function>

  <xsl:function name="ed:publication-year" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="date" select="ed:publication($doc)/date[1]"/>
    <xsl:sequence select="string((ed:year($date/@when), normalize-space($date))[1])"/>
  </xsl:function>

  <!-- title, editors with their roles, publisher, date, address, source -->
  <xsl:template name="about-edition">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="stmt" select="ed:publication(.)"/>
    <xsl:variable name="url" select="ed:edition-url(.)"/>
    <section id="about-edition">
      <h3><xsl:value-of select="ed:label('the-edition', .)"/></h3>
      <dl>
        <dt><xsl:value-of select="ed:label('title', .)"/></dt>
        <dd class="title"><xsl:value-of select="ed:title(.)"/></dd>
        <xsl:variable name="editors" select="ed:editors(.)"/>
        <xsl:if test="$editors">
          <dt><xsl:value-of select="ed:label('editors', .)"/></dt>
          <xsl:for-each select="$editors">
            <dd class="editor"><xsl:value-of select="@name || (if (@roles ne '') then ' (' || @roles || ')' else '')"/></dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$stmt/(publisher, pubPlace)[normalize-space()]">
          <dt><xsl:value-of select="ed:label('publisher', .)"/></dt>
          <dd class="publisher"><xsl:value-of select="$stmt/(publisher, pubPlace)/normalize-space()[. ne '']" separator=", "/></dd>
        </xsl:if>
        <xsl:if test="ed:publication-year(.) ne ''">
          <dt><xsl:value-of select="ed:label('published', .)"/></dt>
          <dd class="published"><xsl:value-of select="normalize-space(($stmt/date[1][normalize-space()], ed:publication-year(.))[1])"/></dd>
        </xsl:if>
        <xsl:if test="$url ne ''">
          <dt><xsl:value-of select="ed:label('address', .)"/></dt>
          <dd class="address"><a href="{$url}"><xsl:value-of select="$url"/></a></dd>
        </xsl:if>
        <xsl:for-each select="ed:source(.)">
          <dt><xsl:value-of select="ed:label('source', $doc)"/></dt>
          <dd class="source">
            <xsl:call-template name="link"/>
            <xsl:for-each select="root($doc)/TEI/teiHeader/fileDesc/sourceDesc/bibl[1]/note[normalize-space()]">
              <xsl:value-of select="' ' || ed:sentence(normalize-space(.))"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- the declarations of the header, each kind under its own heading -->
  <xsl:template name="about-declarations">
    <xsl:variable name="enc" select="teiHeader/encodingDesc"/>
    <xsl:variable name="parts" select="$enc/projectDesc[p], $enc/editorialDecl[p], $enc/editorialDecl/*[not(self::p)][normalize-space()]"/>
    <xsl:if test="$parts">
      <section id="about-declarations">
        <h3><xsl:value-of select="ed:label('declarations', .)"/></h3>
        <xsl:for-each select="$parts">
          <section class="declaration {local-name()}">
            <h4><xsl:value-of select="ed:label(local-name(), .)"/></h4>
            <xsl:for-each select="if (p) then p else .">
              <p><xsl:apply-templates select="node()"/></p>
            </xsl:for-each>
          </section>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "Editors, ed. Title. Place: Publisher, Year. URL", and how to cite a paragraph -->
  <xsl:template name="about-cite">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="url" select="ed:edition-url(.)"/>
    <xsl:variable name="first" select="(text//(p | ab))[1]"/>
    <section id="about-cite">
      <h3><xsl:value-of select="ed:label('cite-as', .)"/></h3>
      <p class="cite-as"><xsl:value-of select="ed:citation(.)"/></p>
      <xsl:if test="$first">
        <p class="cite-paragraph">
          <xsl:value-of select="ed:label('cite-paragraph', .) || ' '"/>
          <code><xsl:value-of select="$url || '#' || ed:block-id($first)"/></code>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:function name="ed:citation" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="editors" select="ed:editors($doc)/@name/string()"/>
    <xsl:variable name="stmt" select="ed:publication($doc)"/>
    <xsl:variable name="place" select="normalize-space($stmt/pubPlace[1])"/>
    <xsl:variable name="publisher" select="normalize-space($stmt/publisher[1])"/>
    <xsl:variable name="imprint" select="string-join((string-join(($place, $publisher)[. ne ''], ': '),
                                         ed:publication-year($doc))[. ne ''], ', ')"/>
    <xsl:sequence select="string-join((
        if (exists($editors)) then string-join($editors, '; ') || ', ' ||
             ed:label(if (count($editors) gt 1) then 'ed-many' else 'ed-one', $doc) else (),
        ed:title($doc), $imprint, ed:edition-url($doc))[. ne ''] ! ed:sentence(.), ' ')"/>
  </xsl:function>

  <!-- the TEI and the PDF, when the build says where they are -->
  <xsl:template name="about-downloads">
    <xsl:variable name="files" as="element(ed:file)*">
      <ed:file href="{ed:safe-url($tei-file)}" label="tei-file" type="application/tei+xml"/>
      <ed:file href="{ed:safe-url($pdf-file)}" label="pdf-file" type="application/pdf"/>
    </xsl:variable>
    <xsl:variable name="doc" select="."/>
    <xsl:if test="$files[@href ne '']">
      <section id="about-downloads">
        <h3><xsl:value-of select="ed:label('downloads', .)"/></h3>
        <ul class="downloads">
          <xsl:for-each select="$files[@href ne '']">
            <li><a href="{@href}" type="{@type}" class="download-{substring-before(@label, '-')}">
              <xsl:value-of select="ed:label(@label, $doc)"/></a></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="about-licence">
    <xsl:variable name="doc" select="."/>
    <xsl:for-each select="ed:licence(.)">
      <section id="about-licence">
        <h3><xsl:value-of select="ed:label('licence', $doc)"/></h3>
        <p class="licence"><xsl:call-template name="link"/></p>
      </section>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
