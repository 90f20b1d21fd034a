<?xml version="1.0" encoding="UTF-8"?>
<!--
  What an index entry MEANS, for every output format (included by common.xsl; html-index.xsl and
  fo.xsl decide how it looks):
    - the name an entry is filed under: persons by surname, "Trotsky, Leon", "Gaulle, Charles de";
      places, organizations and groups by their main name, an initial "The" not counted
    - sort keys and the collation that compares them: accents sort with their base letter
    - the letter an entry is filed under (the headings A, B, C …)
    - the mentions of an entry: the section each is in and a few words of the reading text around it
    - the names the text marks but the register does not identify ("to be identified")

  The collation: Saxon-HE (saxonche) accepts the UCA collation URI, but without ICU it falls back
  to the platform's collator, which does not tailor by language and sorts some letters (Ø, Ł)
  after Z. So the keys are folded first (ed:index-fold: lower case, diacritics removed, Æ Œ ß Ø Ł …
  spelt out), and the collation (parameter index-collation) only breaks what folding leaves.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- the collation of the index; empty: UCA at primary strength in the language of the document -->
  <xsl:param name="index-collation" as="xs:string" select="''"/>
  <!-- how many words of context are shown on each side of a mention -->
  <xsl:param name="index-context-words" as="xs:integer" select="5"/>

  <!-- ================================================================ tables -->

  <!-- lower-case words before a surname that are filed after the forenames: "Gaulle, Charles de" -->
  <xsl:variable name="ed:name-particles" as="xs:string*"
      select="('de', 'du', 'des', 'd’', 'd''', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'dei',
               'degli', 'van', 'von', 'vom', 'zu', 'zur', 'der', 'den', 'ter', 'ten', 'la', 'le', 'les')"/>
  <!-- lower-case words that join two surnames into one: "Ortega y Gasset" -->
  <xsl:variable name="ed:surname-joiners" as="xs:string*" select="('y', 'e', 'i')"/>
  <!-- words after a surname that are not part of it: "King, Martin Luther, Jr." -->
  <xsl:variable name="ed:name-suffixes" as="xs:string*"
      select="('Jr.', 'Jr', 'Sr.', 'Sr', 'Jun.', 'Sen.', 'II', 'III', 'IV')"/>
  <!-- words that make a name an epithet, not forenames and surname: "Ivan the Terrible" -->
  <xsl:variable name="ed:epithet-words" as="xs:string*" select="('of', 'the')"/>
  <!-- a romanised East Asian given name, which follows the surname: "Yat-sen", "Kai-shek", "Il-sung" -->
  <xsl:variable name="ed:surname-first-given" as="xs:string" select="'^\p{Lu}\p{Ll}+-\p{Ll}+$'"/>
  <!-- initial words not counted in sorting a place or an organization: "The Hague" under H -->
  <xsl:variable name="ed:sort-articles" as="xs:string*" select="('the')"/>
  <!-- letters folding leaves apart, spelt as their base letters (before lower-casing: both cases) -->
  <xsl:variable name="ed:fold-letters" as="element(ed:fold)*">
    <ed:fold from="æ" to="ae"/>
    <ed:fold from="œ" to="oe"/>
    <ed:fold from="ß" to="ss"/>
    <ed:fold from="ø" to="o"/>
    <ed:fold from="ł" to="l"/>
    <ed:fold from="đ" to="d"/>
    <ed:fold from="ð" to="d"/>
    <ed:fold from="þ" to="th"/>
    <ed:fold from="ı" to="i"/>
  </xsl:variable>

  <xsl:variable name="ed:fold-from" as="xs:string" select="string-join($ed:fold-letters/@from, '')"/>

  <!-- the elements whose text is the context of a mention (the nearest one around it; else the
       nearest quote, else the parent) -->
  <xsl:variable name="ed:context-blocks" as="xs:string*"
      select="('p', 'ab', 'item', 'head', 'l', 'cell', 'note')"/>

  <!-- ================================================================ keys and collation -->

  <xsl:function name="ed:index-collation" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="doc-lang" select="($lang[. ne ''], root($node)/*/@xml:lang/string(), 'en')[1]"/>
    <xsl:sequence select="if ($index-collation ne '') then $index-collation
                          else 'http://www.w3.org/2013/collation/UCA?lang=' ||
                               encode-for-uri(substring-before($doc-lang || '-', '-')) || ';strength=primary'"/>
  </xsl:function>

  <!-- a string as the index compares it: "Édouard Œhler" -> "edouard oehler" -->
  <xsl:function name="ed:index-fold" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="bare" select="replace(normalize-unicode(lower-case(string($text)), 'NFD'), '\p{Mn}', '')"/>
    <!-- (the letters are replaced only in a text that has one: a pattern read from the table is
         compiled at each call) -->
    <xsl:variable name="spelt" select="if (translate($bare, $ed:fold-from, '') eq $bare) then $bare
                                       else fold-left($ed:fold-letters, $bare,
                                       function($s, $f) { replace($s, $f/@from, $f/@to, 'q') })"/>
    <xsl:sequence select="normalize-space(replace($spelt, '^[\p{P}\p{S}\s]+', ''))"/>
  </xsl:function>

  <!-- the words of a name -->
  <xsl:function name="ed:words" as="xs:string*">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="tokenize(string($text))"/>
  </xsl:function>

  <!-- the last position in $words where the words $sought begin (compared folded), or nothing -->
  <xsl:function name="ed:word-position" as="xs:integer?">
    <xsl:param name="words" as="xs:string*"/>
    <xsl:param name="sought" as="xs:string*"/>
    <xsl:variable name="n" select="count($sought)"/>
    <xsl:sequence select="(for $i in 1 to count($words) - $n + 1
                           return $i[$n gt 0][every $k in 1 to $n
                                  satisfies ed:index-fold($words[$i + $k - 1]) eq ed:index-fold($sought[$k])])[last()]"/>
  </xsl:function>

  <!-- ================================================================ the name an entry is filed under -->

  <!-- the parts of a person's name, as the index files it:
       <ed:filed surname= forenames= particle= suffix= inverted="true|false" name=(the main name)/>.
       From a main name written "Surname, Forenames"; else from a structured main name
       (persName/forename, surname, nameLink, genName; a surname before the forenames, as in
       "<surname>Lu</surname> <forename>Xun</forename>", is not inverted); else from its words
       (ed:surname-start says where the surname begins: a surname form of the register that is not
       in the main name, such as a birth name, is not the name the entry is filed under).
       Suffixes ("Jr.") stay at the end.
       Lower-case particles move after the forenames ("Gaulle, Charles de"), capitalised ones stay
       ("Van Buren, Martin"). A name that begins with its surname ("Chiang Kai-shek"), a single
       word, or an epithet ("Catherine the Great", "Nicholas II") is not inverted. -->
  <xsl:function name="ed:filed-name" as="element(ed:filed)" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:main-name($entry)"/>
    <xsl:variable name="main-el" select="($entry/persName[@type eq 'main'], $entry/persName)[1]"/>
    <xsl:choose>
      <xsl:when test="not($entry/self::person)">
        <ed:filed name="{$main}" inverted="false"/>
      </xsl:when>
      <!-- written "Surname, Forenames" in the register already -->
      <xsl:when test="matches($main, '^[^,]+,[^,]+$') and not(normalize-space(substring-after($main, ',')) = $ed:name-suffixes)">
        <xsl:sequence select="ed:filed-parts($main, ed:words(substring-after($main, ',')),
                              ed:words(substring-before($main, ',')), (), ())"/>
      </xsl:when>
      <xsl:when test="$main-el/surname[following-sibling::forename] and not($main-el/forename[following-sibling::surname])">
        <ed:filed name="{$main}" inverted="false"/>
      </xsl:when>
      <xsl:when test="$main-el/surname">
        <xsl:sequence select="ed:filed-parts($main, ed:words(string-join($main-el/forename, ' ')),
                              ed:words(string-join($main-el/surname, ' ')), ed:words(string-join($main-el/nameLink, ' ')),
                              ed:words(string-join($main-el/(roleName[@type eq 'suffix'] | genName), ' ')))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:filed-words($main, $entry)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- the parts of an unstructured main name, found from its words and the register's forms -->
  <xsl:function name="ed:filed-words" as="element(ed:filed)">
    <xsl:param name="main" as="xs:string"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="all" select="ed:words($main)"/>
    <xsl:variable name="suffix-at" select="(for $i in 2 to count($all) return
                                            $i[every $w in subsequence($all, $i) satisfies
                                               replace($w, ',$', '') = $ed:name-suffixes])[1]"/>
    <xsl:variable name="words" select="if ($suffix-at) then subsequence($all, 1, $suffix-at - 1) ! replace(., ',$', '') else $all"/>
    <xsl:variable name="suffix" select="if ($suffix-at) then subsequence($all, $suffix-at) else ()"/>
    <xsl:variable name="from" select="ed:surname-start($words, $entry)"/>
    <xsl:choose>
      <xsl:when test="$from le 1 or count($words) lt 2 or
                      (some $e in $ed:epithet-words satisfies contains(' ' || $main || ' ', ' ' || $e || ' '))">
        <ed:filed name="{$main}" inverted="false"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:filed-parts($main, subsequence($words, 1, $from - 1),
                              subsequence($words, $from), (), $suffix)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- where the surname begins in the words of a main name (1: the name begins with it, not inverted):
       1. a register surname form found in it (the longest); 2. after a register forename form that
       begins it; 3. a register form with a particle or joiner that ends it ("Primo de Rivera" of
       "Miguel Primo de Rivera"); 4. two words, the second a romanised given name ("Sun Yat-sen"):
       surname first; 5. a joined compound ("Ortega y Gasset"); 6. the last word, with a capitalised
       particle before it ("Van Buren") -->
  <xsl:function name="ed:surname-start" as="xs:integer">
    <xsl:param name="words" as="xs:string*"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="found" as="xs:integer*">
      <xsl:for-each select="$entry/persName[@type eq 'surname'][normalize-space()]">
        <xsl:sort select="count(ed:words(string(.)))" order="descending"/>
        <xsl:sequence select="ed:word-position($words, ed:words(string(.)))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="forename" select="($entry/persName[@type eq 'forename']
                                          [ed:word-position($words, ed:words(string(.))) eq 1]
                                          [count(ed:words(string(.))) lt count($words)])[1]"/>
    <xsl:variable name="compound" as="xs:integer*">
      <xsl:for-each select="$entry/persName[not(@type = ('main', 'surname', 'forename'))]
                            [ed:words(string(.)) = ($ed:name-particles, $ed:surname-joiners)]">
        <xsl:sort select="count(ed:words(string(.)))" order="descending"/>
        <xsl:variable name="w" select="ed:words(string(.))"/>
        <xsl:sequence select="ed:word-position($words, $w)[. gt 1][. + count($w) - 1 eq count($words)]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="
        if (exists($found)) then $found[1]
        else if ($forename) then count(ed:words(string($forename))) + 1
        else if (exists($compound)) then $compound[1]
        else if (count($words) eq 2 and matches($words[2], $ed:surname-first-given)) then 1
        else if (count($words) ge 3 and $words[last() - 1] = $ed:surname-joiners) then count($words) - 2
        else if (count($words) ge 3 and lower-case($words[last() - 1]) = $ed:name-particles
                 and matches($words[last() - 1], '^\p{Lu}')) then count($words) - 1
        else count($words)"/>
  </xsl:function>

  <!-- forenames, surname, particles and suffix -> ed:filed, lower-case particles moved out of both -->
  <xsl:function name="ed:filed-parts" as="element(ed:filed)">
    <xsl:param name="main" as="xs:string"/>
    <xsl:param name="forenames" as="xs:string*"/>
    <xsl:param name="surname" as="xs:string*"/>
    <xsl:param name="particles" as="xs:string*"/>
    <xsl:param name="suffix" as="xs:string*"/>
    <!-- trailing particles of the forenames, leading ones of the surname (one surname word stays) -->
    <xsl:variable name="f-keep" select="(for $i in reverse(0 to count($forenames))
                                         return $i[every $w in subsequence($forenames, $i + 1) satisfies $w = $ed:name-particles])[last()]"/>
    <xsl:variable name="s-drop" select="(for $i in 0 to count($surname) - 1
                                         return $i[every $w in subsequence($surname, 1, $i) satisfies $w = $ed:name-particles])[last()]"/>
    <xsl:variable name="particle" select="(subsequence($forenames, $f-keep + 1), $particles, subsequence($surname, 1, $s-drop))"/>
    <ed:filed name="{$main}" inverted="true"
              surname="{subsequence($surname, $s-drop + 1)}"
              forenames="{subsequence($forenames, 1, $f-keep)}"
              particle="{$particle}" suffix="{$suffix}"/>
  </xsl:function>

  <!-- the name as the index shows it: "Trotsky, Leon", "Gaulle, Charles de", "The Hague" -->
  <xsl:function name="ed:index-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="f" select="ed:filed-name($entry)"/>
    <xsl:variable name="given" select="normalize-space($f/@forenames || ' ' || $f/@particle)"/>
    <xsl:sequence select="if ($f/@inverted eq 'true')
                          then string-join(($f/@surname, $given[. ne ''], $f/@suffix[. ne '']), ', ')
                          else string($f/@name)"/>
  </xsl:function>

  <!-- the sort keys of an entry, most significant first (folded: compare them with ed:index-collation) -->
  <xsl:function name="ed:index-sort-keys" as="xs:string+" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="f" select="ed:filed-name($entry)"/>
    <xsl:variable name="words" select="ed:words($f/@name)"/>
    <xsl:sequence select="if ($f/@inverted eq 'true')
                          then (ed:index-fold($f/@surname), ed:index-fold($f/@forenames || ' ' || $f/@particle))
                          else (ed:index-fold(string-join(if (count($words) gt 1 and lower-case($words[1]) = $ed:sort-articles)
                                                          then subsequence($words, 2) else $words, ' ')), '')"/>
  </xsl:function>

  <!-- the letter an entry is filed under: "Z" for "Zola, Émile", "E" for "Élysée", "#" for a digit -->
  <xsl:function name="ed:index-letter" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="first" select="upper-case(substring(ed:index-sort-keys($entry)[1], 1, 1))"/>
    <xsl:sequence select="if (matches($first, '^\p{L}$')) then $first else '#'"/>
  </xsl:function>

  <!-- a name for the letter in an id: "A" for A, the code point for other letters ("1046") -->
  <xsl:function name="ed:letter-id" as="xs:string">
    <xsl:param name="letter" as="xs:string"/>
    <xsl:sequence select="if (matches($letter, '^[A-Z]$')) then $letter
                          else if ($letter eq '#') then 'other' else string(string-to-codepoints($letter)[1])"/>
  </xsl:function>

  <!-- entries in index order: filed name, then forenames, then as written, then id -->
  <xsl:function name="ed:sort-entries" as="element()*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:variable name="collation" select="if ($entries) then ed:index-collation($entries[1])
                                           else 'http://www.w3.org/2005/xpath-functions/collation/codepoint'"/>
    <xsl:variable name="exact" select="replace($collation, ';?strength=[a-z]+', '')"/>
    <xsl:perform-sort select="$entries">
      <xsl:sort select="ed:index-sort-keys(.)[1]" collation="{$collation}"/>
      <xsl:sort select="ed:index-sort-keys(.)[2]" collation="{$collation}"/>
      <xsl:sort select="ed:index-name(.)" collation="{$exact}"/>
      <xsl:sort select="string(@xml:id)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- the entries of one kind that the text points to, in index order -->
  <xsl:function name="ed:index-entries" as="element()*" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="ed:sort-entries(root($doc)//standOff//*[@xml:id][ed:kind(.) eq $kind]
                                          [exists(key('ed:occurrences', @xml:id, root($doc)))])"/>
  </xsl:function>

  <!-- ================================================================ mentions -->

  <!-- the section a mention is in (its nearest div), or nothing before the first section -->
  <xsl:function name="ed:mention-section" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$name/ancestor::div[1]"/>
  </xsl:function>

  <!-- the element whose text is the context of a mention -->
  <xsl:function name="ed:mention-block" as="element()">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="($name/ancestor::*[local-name() = $ed:context-blocks][1], $name/ancestor::quote[1], $name/..)[1]"/>
  </xsl:function>

  <!-- a mention as the reading text reads it -->
  <xsl:function name="ed:mention-form" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="normalize-space(ed:reading-text($name))"/>
  </xsl:function>

  <!-- is a text node (or gap) inside $block part of its reading text? (not an orig that has a reg,
       not in a note inside the block) -->
  <xsl:function name="ed:in-reading" as="xs:boolean">
    <xsl:param name="piece" as="node()"/>
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="exists($piece/ancestor::*[. is $block])
                          and not($piece/ancestor::orig[following-sibling::reg | preceding-sibling::reg])
                          and not($piece/ancestor::note[. >> $block])"/>
  </xsl:function>

  <!-- a few words around a mention in the reading text:
       <ed:context before="… went to" form="Paris" after="in 1898 …"/> (the ellipses where it is cut).
       Only the nearest pieces of text are read (enough for the words wanted), so a long paragraph
       with many names costs no more than a short one. -->
  <xsl:function name="ed:mention-context" as="element(ed:context)">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="block" select="ed:mention-block($name)"/>
    <xsl:variable name="reach" select="8 * $index-context-words + 8"/>
    <!-- the $reach pieces nearest to the name on each side (outside the block: none), found among
         the block's pieces by halving (ed:count-before) -->
    <xsl:variable name="pieces" select="ed:block-pieces($block)"/>
    <xsl:variable name="k" select="ed:count-before($pieces, $name)"/>
    <xsl:variable name="k2" select="$k + count($name//(text() | gap))"/>
    <xsl:variable name="strings" select="ed:block-piece-strings($block)"/>
    <xsl:variable name="before" select="ed:context-words(subsequence($strings, max((1, $k - $reach + 1)), min(($k, $reach))), true())"/>
    <xsl:variable name="after" select="ed:context-words(subsequence($strings, $k2 + 1, $reach), false())"/>
    <xsl:variable name="b" select="$before?words"/>
    <xsl:variable name="a" select="$after?words"/>
    <xsl:variable name="n" select="$index-context-words"/>
    <ed:context form="{ed:mention-form($name)}"
        before="{(if (count($b) gt $n) then '… ' else '') || string-join(subsequence($b, count($b) - $n + 1), ' ')
                 || (if (exists($b) and $before?space) then ' ' else '')}"
        after="{(if (exists($a) and $after?space) then ' ' else '') || string-join(subsequence($a, 1, $n), ' ')
                || (if (count($a) gt $n) then ' …' else '')}"/>
  </xsl:function>

  <!-- the words of the pieces before ($before) or after a mention, or of only the nearest of them
       when they hold enough words (more than the context shows, and one more that may be cut where
       they begin or end: the words shown, the ellipsis and the space next to the name stay the
       same), each text split once: map {'words': the words, 'space': whether a space is next to
       the mention} -->
  <xsl:variable name="ed:context-near" as="xs:integer" select="16"/>
  <xsl:function name="ed:context-words" as="map(*)">
    <xsl:param name="strings" as="xs:string*"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="c" select="count($strings)"/>
    <xsl:variable name="near" select="if ($c le $ed:context-near) then ()
                                      else string-join(if ($before) then subsequence($strings, $c - $ed:context-near + 1)
                                                       else subsequence($strings, 1, $ed:context-near), '')"/>
    <xsl:variable name="near-words" select="tokenize($near)"/>
    <xsl:variable name="enough" select="exists($near) and count($near-words) ge $index-context-words + 2"/>
    <xsl:variable name="text" select="if ($enough) then $near else string-join($strings, '')"/>
    <xsl:sequence select="map {'words': if ($enough) then $near-words else ed:words($text),
                               'space': if ($before) then ed:space-last($text) else ed:space-first($text)}"/>
  </xsl:function>

  <!-- all the text nodes and gaps of a block, in document order (its notes' and replaced origs' too) -->
  <xsl:function name="ed:block-pieces" as="node()*" cache="yes">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block//(text() | gap)"/>
  </xsl:function>

  <!-- what each of ed:block-pieces adds to the block's reading text: '' for a piece of a replaced
       orig or of a note inside the block (so a run of them joins into the reading string) -->
  <xsl:function name="ed:block-piece-strings" as="xs:string*" cache="yes">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="ed:block-pieces($block) ! (if (ancestor::orig[../reg] or ancestor::note[. >> $block]) then ''
                                                     else ed:piece-text(.))"/>
  </xsl:function>

  <xsl:function name="ed:piece-text" as="xs:string">
    <xsl:param name="piece" as="node()"/>
    <xsl:sequence select="if ($piece/self::gap) then $ed:gap-mark else string($piece)"/>
  </xsl:function>

  <!-- ================================================================ names not identified -->

  <!-- the names of one kind in the text that point to no register entry, in document order -->
  <xsl:function name="ed:unlinked-names" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="ed:all-unlinked(root($doc))[ed:kind(.) eq $kind]"/>
  </xsl:function>

  <!-- the names of the text that point to no register entry, found once for all the kinds (most
       names have an entry: the kinds are then told apart among a few) -->
  <xsl:function name="ed:all-unlinked" as="element()*" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="$root/TEI/text//(persName | placeName | orgName | rs)[empty(ed:entry(.))]"/>
  </xsl:function>

  <!-- the key that makes two unlinked names one form: "pravda" and "Pravda" are one -->
  <xsl:function name="ed:form-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="ed:index-fold(ed:mention-form($name))"/>
  </xsl:function>

  <!-- how a group of unlinked names is listed: the first form with a capital, else the first -->
  <xsl:function name="ed:form-label" as="xs:string">
    <xsl:param name="names" as="element()+"/>
    <xsl:variable name="forms" select="$names ! ed:mention-form(.)"/>
    <xsl:sequence select="(($forms[matches(., '\p{Lu}')], $forms)[. ne ''], $ed:gap-mark)[1]"/>
  </xsl:function>

</xsl:stylesheet>
