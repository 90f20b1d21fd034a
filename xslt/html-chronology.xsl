<?xml version="1.0" encoding="UTF-8"?>
<!--
  The chronology: every date of the text, sorted by value, with its sentence and a link to its
  place in the text, grouped by year (by decade when the text spans many years); and the dates of
  the text, each with the id the chronology links to (included by html.xsl). What a date means
  (its words, its sentence, the order) comes from common-chronology.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:chronology-css" as="xs:string" expand-text="no">
    section.chronology nav.periods ul { list-style: none; padding: 0; margin: 0.5em 0; }
    section.chronology nav.periods li { display: inline; margin-right: 0.7em; }
    section.chronology ol.entries { list-style: none; padding-left: 0; }
    section.chronology li.entry { margin: 0 0 0.6em 0; padding-left: 1.2em; text-indent: -1.2em; }
    section.chronology .when { font-weight: bold; margin-right: 0.4em; }
    section.chronology li.uncertain .when, section.chronology li.julian .when { font-style: italic; }
    section.chronology .context mark { background: #f3ecd2; }
    time.julian { border-bottom: 1px dotted #888; }
    time:target, span.date:target { background: #fff3b0; }
  </xsl:variable>

  <!-- a chronology groups by decade when its dates fall in more years than this -->
  <xsl:variable name="ed:chronology-years" as="xs:integer" select="25"/>

  <!-- the dates of the text, in document order, for their ids -->
  <xsl:key name="ed:text-dates" match="text//date" use="'all'"/>

  <!-- the id of a date in the text: its xml:id, else "date-N", N its number among the dates of the
       text in document order (so the same text gives the same ids) -->
  <xsl:function name="ed:date-id" as="xs:string" cache="yes">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/@xml:id/string(),
                           'date-' || ed:count-before(ed:text-dates(root($date)), $date) + 1)[1]"/>
  </xsl:function>

  <!-- the dates of the text of a document, in document order -->
  <xsl:function name="ed:text-dates" as="element()*" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="key('ed:text-dates', 'all', $root)"/>
  </xsl:function>

  <!-- ============================================================ a date in the text -->

  <xsl:template match="date">
    <xsl:variable name="iso" select="ed:date-iso(.)"/>
    <xsl:element name="{if (exists($iso)) then 'time' else 'span'}">
      <xsl:if test="ancestor::text">
        <xsl:attribute name="id" select="ed:date-id(.)"/>
      </xsl:if>
      <xsl:variable name="class" select="string-join((('date')[empty($iso)], ed:date-kinds(.)[. eq 'julian']), ' ')"/>
      <xsl:if test="$class ne ''">
        <xsl:attribute name="class" select="$class"/>
      </xsl:if>
      <xsl:if test="exists($iso)">
        <xsl:attribute name="datetime" select="$iso"/>
      </xsl:if>
      <xsl:attribute name="title" select="if (exists($iso)) then ed:date-words(.) else ed:date-label(.)"/>
      <xsl:if test="@from or @to">
        <xsl:attribute name="data-from" select="@from"/>
        <xsl:attribute name="data-to" select="@to"/>
      </xsl:if>
      <xsl:call-template name="machine"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ============================================================ the chronology -->

  <xsl:template name="chronology">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="dates" select="ed:chronology-dates(.)"/>
    <xsl:variable name="decades" select="count(distinct-values($dates ! ed:date-period(., false())))
                                         gt $ed:chronology-years"/>
    <xsl:if test="$dates">
      <section id="chronology" class="chronology" aria-labelledby="chronology-heading">
        <h2 id="chronology-heading"><xsl:value-of select="ed:label('chronology', .)"/></h2>
        <p class="meta"><xsl:value-of select="ed:label('chronology-intro', .)"/></p>
        <xsl:variable name="periods" select="distinct-values($dates ! ed:date-period(., $decades))"/>
        <xsl:if test="count($periods) gt 1">
          <nav class="periods" aria-label="{ed:label('periods', .)}">
            <ul>
              <xsl:for-each select="$periods">
                <li><a href="#chronology-{.}"><xsl:value-of select="ed:period-label(., $decades, $doc)"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:if>
        <xsl:for-each-group select="$dates" group-adjacent="ed:date-period(., $decades)">
          <section id="chronology-{current-grouping-key()}" class="period">
            <h3><xsl:value-of select="ed:period-label(current-grouping-key(), $decades, $doc)"/></h3>
            <ol class="entries">
              <xsl:apply-templates select="current-group()" mode="chronology"/>
            </ol>
          </section>
        </xsl:for-each-group>
        <xsl:call-template name="chronology-unlisted"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- one entry: the date in words (a link to its place in the text), then its sentence with the
       date marked -->
  <xsl:template match="date" mode="chronology">
    <xsl:variable name="sentence" select="ed:date-sentence(.)"/>
    <li class="entry {ed:date-kinds(.)}">
      <a class="when" href="#{ed:date-id(.)}" title="{ed:label('in-text', .)}">
        <time datetime="{ed:date-iso(.)}"><xsl:value-of select="ed:date-words(.)"/></time>
      </a>
      <span class="context">
        <xsl:value-of select="$sentence[1]"/>
        <mark><xsl:value-of select="$sentence[2]"/></mark>
        <xsl:value-of select="$sentence[3]"/>
      </span>
    </li>
  </xsl:template>

  <!-- the dates without a full value (no year), as they stand, each a link to its place -->
  <xsl:template name="chronology-unlisted">
    <xsl:variable name="unlisted" select="ed:unlisted-dates(.)"/>
    <xsl:if test="$unlisted">
      <p class="unlisted meta">
        <xsl:value-of select="ed:label('chronology-unlisted', .)"/>
        <xsl:for-each select="$unlisted">
          <xsl:value-of select="if (position() eq 1) then ' ' else ', '"/>
          <a href="#{ed:date-id(.)}"><xsl:value-of select="normalize-space(ed:reading-text(.))"/></a>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- the chronology's line in the table of contents -->
  <xsl:template name="chronology-toc">
    <xsl:if test="exists(ed:chronology-dates(.))">
      <li><a href="#chronology"><xsl:value-of select="ed:label('chronology', .)"/></a></li>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
