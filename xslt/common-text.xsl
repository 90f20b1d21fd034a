<?xml version="1.0" encoding="UTF-8"?>
<!--
  The structure of the text and what it reads (included by common.xsl):
    - sections: whether one is empty, its number, title, id and depth
    - blocks: a stable anchor for each paragraph, list item or block quotation
    - the reading text: what an element reads with its regularisations and gaps, the marks of
      whitespace at its edges, what the source reads where the reading text differs
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ================================================================ sections -->

  <!-- a div with nothing but its heading (or divs with nothing but theirs): "notes", "references";
       the outputs leave it out, and the numbers of the sections do not count it -->
  <xsl:function name="ed:empty-div" as="xs:boolean" cache="yes">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="not($div/text()[normalize-space()]) and
                          (every $c in $div/* satisfies ($c/self::head or $c/self::div[ed:empty-div(.)]))"/>
  </xsl:function>

  <!-- "3.2": the place of the section and of each section around it among the sections beside it
       that are not empty (what xsl:number level="multiple" counts), found by halving among them,
       not by a test of every section before it (a diary of thousands of days) -->
  <xsl:function name="ed:section-number" as="xs:string" cache="yes">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="string-join($div/ancestor-or-self::div[not(ed:empty-div(.))]
                                      ! string(ed:count-before(ed:numbered-divs(..), .) + 1), '.')"/>
  </xsl:function>

  <!-- the sections of $parent that are numbered: those that are not empty, in order -->
  <xsl:function name="ed:numbered-divs" as="element()*" cache="yes">
    <xsl:param name="parent" as="node()"/>
    <xsl:sequence select="$parent/div[not(ed:empty-div(.))]"/>
  </xsl:function>

  <xsl:function name="ed:section-title" as="xs:string" cache="yes">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="head" select="normalize-space(ed:reading-text($div/head[1]))"/>
    <xsl:sequence select="if ($head) then $head else ed:section-number($div)"/>
  </xsl:function>

  <xsl:function name="ed:section-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="($div/@xml:id/string(), 'sec-' || generate-id($div))[1]"/>
  </xsl:function>

  <!-- a stable anchor of a block (paragraph, list item, block quotation): its xml:id, else the id of
       its section (or "text") and its number among the blocks of its kind there: "sec-exile-p3" -->
  <xsl:function name="ed:block-id" as="xs:string" cache="yes">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="where" select="ed:block-where($block)"/>
    <!-- the elements of its name before it (not around it) in the same section: counted by halving
         among those of the section (ed:count-before), so that a text of thousands of paragraphs
         costs no more a paragraph than a short one -->
    <xsl:variable name="keyed" select="key('ed:blocks-where', ed:element-where-key($block, $where), root($block))"/>
    <xsl:variable name="peers" select="if (exists($keyed)) then $keyed     (: it holds $block itself :)
                                       else root($block)//*[local-name() eq local-name($block)]
                                            [namespace-uri() eq namespace-uri($block)][ed:block-where(.) eq $where]"/>
    <xsl:variable name="around" select="$block/ancestor::*[local-name() eq local-name($block)]
                                        [namespace-uri() eq namespace-uri($block)][ed:block-where(.) eq $where]"/>
    <xsl:variable name="n" select="ed:count-before($peers, $block) - count($around) + 1"/>
    <!-- a block inside another of its kind (a paragraph of a note in a paragraph) is numbered
         inside that one, "sec-exile-p3-p1" (counted among the others, it had that one's number) -->
    <xsl:variable name="inside" select="$around[last()]"/>
    <xsl:sequence select="
        if ($block/@xml:id) then string($block/@xml:id)
        else if ($inside) then ed:block-id($inside) || '-' || local-name($block) ||
             count($inside//*[local-name() eq local-name($block)][namespace-uri() eq namespace-uri($block)]
                   [. &lt;&lt; $block] except $block/ancestor::*) + 1
        else $where || '-' || local-name($block) || $n"/>
  </xsl:function>

  <!-- the blocks of the usual kinds by their name (namespace and local name) and where they are
       numbered (a block of another kind is numbered among its peers found one by one) -->
  <xsl:key name="ed:blocks-where" match="p | ab | item | l | quote | note" use="ed:element-where-key(., ed:block-where(.))"/>
  <xsl:function name="ed:element-where-key" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="where" as="xs:string"/>
    <xsl:sequence select="namespace-uri($el) || ' ' || local-name($el) || ' ' || $where"/>
  </xsl:function>

  <!-- where a block is numbered: the id of its section, else "text" (the header's blocks too) -->
  <xsl:function name="ed:block-where" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="($block/ancestor::div[1] ! ed:section-id(.), 'text')[1]"/>
  </xsl:function>


  <!-- the depth of a div: 1 for a top-level section -->
  <xsl:function name="ed:section-level" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="count($div/ancestor-or-self::div)"/>
  </xsl:function>

  <!-- ================================================================ the reading text -->

  <!-- A source that lost its capitals has its reading text beside it: choice/orig is what the source
       reads, choice/reg what the reading text reads instead; gap is text the source lost. The reading
       view (the default of every output) reads reg for orig and marks a gap; the diplomatic view
       reads orig. These templates make the reading view; html.xsl adds the diplomatic one. -->

  <!-- what a gap reads in the reading view -->
  <xsl:variable name="ed:gap-mark" as="xs:string" select="'[…]'"/>

  <!-- the reading text of an element as a string (notes left out) -->
  <xsl:function name="ed:reading-text" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="string-join($el//(text() | gap)[not(ancestor::note)]
                          [not(ancestor::orig[following-sibling::reg | preceding-sibling::reg])]
                          ! (if (self::gap) then $ed:gap-mark else string(.)), '')"/>
  </xsl:function>

  <!-- whether a text begins / ends with whitespace (as regex \s: space, tab, line feed, carriage
       return); tested without a regular expression, which costs more on a long text -->
  <xsl:variable name="ed:whitespace" as="xs:string+" select="(' ', '&#9;', '&#10;', '&#13;')"/>
  <xsl:function name="ed:space-first" as="xs:boolean">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="substring($text, 1, 1) = $ed:whitespace"/>
  </xsl:function>
  <xsl:function name="ed:space-last" as="xs:boolean">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="substring($text, string-length($text)) = $ed:whitespace"/>
  </xsl:function>

  <!-- what a reg changes, in words, for a tooltip: "the source reads: ramn mercader" -->
  <xsl:function name="ed:source-reads" as="xs:string">
    <xsl:param name="reg" as="element()"/>
    <xsl:variable name="orig" select="string-join($reg/../orig//text(), '')"/>
    <xsl:sequence select="ed:label('source-reads', $reg) || ': ' ||
                          (if (normalize-space($orig)) then '“' || $orig || '”' else ed:label('nothing', $reg))"/>
  </xsl:function>

  <xsl:template match="choice[reg]">
    <xsl:apply-templates select="reg/node()"/>
  </xsl:template>

  <xsl:template match="gap">
    <xsl:value-of select="$ed:gap-mark"/>
  </xsl:template>

</xsl:stylesheet>
