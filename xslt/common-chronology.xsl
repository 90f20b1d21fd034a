<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the dates of a text mean for a chronology, for every output format (included by common.xsl):
  which dates it lists and in what order, each one in words with its uncertainty and its calendar,
  and the sentence it stands in (in the reading text). Also the labels of the chronology and of
  the edition's apparatus ("About this edition"), spliced into ed:labels.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- ================================================================ labels -->

  <xsl:variable name="ed:chronology-labels" as="element(ed:label)*">
    <ed:label key="chronology" en="Chronology" de="Chronologie" fr="Chronologie"/>
    <ed:label key="chronology-intro" en="The dates of the text in order of time, each with the sentence it stands in and a link to its place in the text."
              de="Die Daten des Textes in zeitlicher Folge, jedes mit seinem Satz und einem Verweis auf seine Stelle im Text."
              fr="Les dates du texte dans l’ordre chronologique, chacune avec sa phrase et un lien vers sa place dans le texte."/>
    <ed:label key="chronology-unlisted" en="Not listed, for want of a full date value:" de="Nicht aufgeführt, da ohne vollständigen Datumswert:"
              fr="Non listées, faute d’une valeur de date complète :"/>
    <ed:label key="periods" en="Periods" de="Zeiträume" fr="Périodes"/>
    <ed:label key="decade" en="#s" de="#er Jahre" fr="années #"/>
    <ed:label key="in-text" en="the place in the text" de="die Stelle im Text" fr="le passage dans le texte"/>
    <ed:label key="about" en="About this edition" de="Über diese Ausgabe" fr="À propos de cette édition"/>
    <ed:label key="the-edition" en="The edition" de="Die Ausgabe" fr="L’édition"/>
    <ed:label key="title" en="Title" de="Titel" fr="Titre"/>
    <ed:label key="editors" en="Editors" de="Herausgeber" fr="Éditeurs scientifiques"/>
    <ed:label key="publisher" en="Publisher" de="Verlag" fr="Publié par"/>
    <ed:label key="published" en="Published" de="Erschienen" fr="Date de publication"/>
    <ed:label key="address" en="Address" de="Adresse" fr="Adresse"/>
    <ed:label key="declarations" en="Editorial declarations" de="Editorische Grundsätze" fr="Principes éditoriaux"/>
    <ed:label key="projectDesc" en="The project" de="Das Projekt" fr="Le projet"/>
    <ed:label key="editorialDecl" en="Editorial principles" de="Editionsrichtlinien" fr="Règles d’édition"/>
    <ed:label key="correction" en="Correction" de="Korrektur" fr="Corrections"/>
    <ed:label key="normalization" en="Normalisation" de="Normalisierung" fr="Normalisation"/>
    <ed:label key="segmentation" en="Segmentation" de="Segmentierung" fr="Segmentation"/>
    <ed:label key="interpretation" en="Interpretation" de="Interpretation" fr="Interprétation"/>
    <ed:label key="quotation" en="Quotation" de="Anführungszeichen" fr="Citations"/>
    <ed:label key="hyphenation" en="Hyphenation" de="Silbentrennung" fr="Césure"/>
    <ed:label key="punctuation" en="Punctuation" de="Zeichensetzung" fr="Ponctuation"/>
    <ed:label key="stdVals" en="Standard values" de="Normwerte" fr="Valeurs normalisées"/>
    <ed:label key="cite-as" en="Cite as" de="Zitiervorschlag" fr="Citer comme"/>
    <ed:label key="ed-one" en="ed." de="Hrsg." fr="éd."/>
    <ed:label key="ed-many" en="eds." de="Hrsg." fr="éd."/>
    <ed:label key="cite-paragraph" en="Every paragraph has a stable anchor, the ¶ at its end: add it to the address to cite a passage, as in"
              de="Jeder Absatz hat einen festen Anker, das ¶ an seinem Ende: an die Adresse angefügt, zitiert er eine Stelle, etwa"
              fr="Chaque paragraphe a une ancre stable, le ¶ à sa fin : ajoutée à l’adresse, elle permet de citer un passage, par exemple"/>
    <ed:label key="downloads" en="Downloads" de="Downloads" fr="Téléchargements"/>
    <ed:label key="tei-file" en="TEI (XML): the text with all its markup and the register" de="TEI (XML): der Text mit seiner ganzen Auszeichnung und dem Register"
              fr="TEI (XML) : le texte avec tout son balisage et l’index"/>
    <ed:label key="pdf-file" en="PDF: the printable edition" de="PDF: die druckbare Ausgabe" fr="PDF : l’édition imprimable"/>
  </xsl:variable>

  <!-- ================================================================ which dates, in what order -->

  <!-- the dates of the reading text that have an ISO value (dates inside a diplomatic reading
       that the reading text replaces are left out), sorted by value, ties in document order -->
  <xsl:function name="ed:chronology-dates" as="element()*" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:perform-sort select="ed:reading-dates($doc)[exists(ed:date-iso(.))]">
      <xsl:sort select="ed:date-iso(.)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- the dates the chronology leaves out: no year, no ISO value -->
  <xsl:function name="ed:unlisted-dates" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:reading-dates($doc)[empty(ed:date-iso(.))]"/>
  </xsl:function>

  <xsl:function name="ed:reading-dates" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/TEI/text//date[not(ancestor::orig[../reg])]"/>
  </xsl:function>

  <!-- the period a date is listed under: its year, or its decade ("1870") when $decades -->
  <xsl:function name="ed:date-period" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="decades" as="xs:boolean"/>
    <xsl:variable name="year" select="substring(ed:date-iso($date), 1, 4)"/>
    <xsl:sequence select="if ($decades) then substring($year, 1, 3) || '0' else $year"/>
  </xsl:function>

  <xsl:function name="ed:period-label" as="xs:string">
    <xsl:param name="period" as="xs:string"/>
    <xsl:param name="decades" as="xs:boolean"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if ($decades) then replace(ed:label('decade', $node), '#', $period) else $period"/>
  </xsl:function>

  <!-- ================================================================ a date in words -->

  <!-- what kind of date: point, range or uncertain (a qualifier, a season, only bounds), and julian -->
  <xsl:function name="ed:date-kinds" as="xs:string+">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
        (if ($date/(@notBefore-custom, @notAfter-custom) or ($date/(@notBefore, @notAfter) and not($date/@when)))
         then 'uncertain' else if ($date/(@from, @to)) then 'range' else 'point'),
        ('julian')[$date/@calendar eq '#julian' or $date/@datingMethod eq '#julian']"/>
  </xsl:function>

  <!-- a date in words, with what it leaves open and its calendar:
       "7 November 1879 (Julian calendar: 26 October 1879)", "1879–1895",
       "1897 (between January and April 1897)", "between 1 and 31 May 1905" -->
  <xsl:function name="ed:date-words" as="xs:string" cache="yes">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="gregorian" select="
        if ($date/@when and $date/(@notBefore-custom, @notAfter-custom)) then
          ed:format-iso($date/@when, $date) || ' (' ||
          ed:between($date/@notBefore-custom, $date/@notAfter-custom, $date) || ')'
        else if ($date/(@notBefore, @notAfter) and not($date/(@when, @from, @to)))
        then ed:between($date/@notBefore, $date/@notAfter, $date)
        else if ($date/@when) then ed:format-iso($date/@when, $date)
        else ed:date-label($date)"/>
    <xsl:variable name="julian" select="
        if ($date/@when-custom) then ed:format-iso($date/@when-custom, $date)
        else if ($date/(@from-custom, @to-custom))
        then string-join(($date/@from-custom, '')[1] ! ed:format-iso(., $date), '') || '–' ||
             string-join(($date/@to-custom, '')[1] ! ed:format-iso(., $date), '')
        else ()"/>
    <xsl:sequence select="$gregorian || (if (exists($julian)) then ' (' || ed:label('julian', $date) || ': ' || $julian || ')' else '')"/>
  </xsl:function>

  <!-- "between January and April 1897", "between 1 June and 31 August 1899", "between 1603 and
       1605": two ISO values, the year (and month) said once when they share it; a value that is
       a whole month (first to last day) is said as the month -->
  <xsl:function name="ed:between" as="xs:string">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="whole-months" select="matches($from, '-01$') and ed:last-of-month($to)"/>
    <xsl:variable name="a" select="if ($whole-months) then substring($from, 1, 7) else string($from)"/>
    <xsl:variable name="b" select="if ($whole-months) then substring($to, 1, 7) else string($to)"/>
    <xsl:variable name="a-words" select="if ($a eq '') then '?' else ed:format-iso($a, $node)"/>
    <xsl:variable name="b-words" select="if ($b eq '') then '?' else ed:format-iso($b, $node)"/>
    <xsl:variable name="shared" select="
        if (string-length($a) eq string-length($b) and string-length($a) ge 7 and substring($a, 1, 4) eq substring($b, 1, 4))
        then (if (string-length($a) eq 10 and substring($a, 1, 7) eq substring($b, 1, 7)) then 2 else 1)
        else 0"/>
    <xsl:variable name="short-a" select="string-join(tokenize($a-words, ' ')[position() le last() - $shared], ' ')"/>
    <xsl:sequence select="string-join((ed:label('between', $node), $short-a, ed:label('and', $node), $b-words), ' ')"/>
  </xsl:function>

  <xsl:function name="ed:last-of-month" as="xs:boolean">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="matches($iso, '^\d{4}-\d{2}-\d{2}$') and
                          (xs:date($iso) + xs:dayTimeDuration('P1D')) => day-from-date() eq 1"/>
  </xsl:function>

  <!-- ================================================================ the sentence of a date -->

  <!-- the most words of context on either side of a date -->
  <xsl:variable name="ed:context-words" as="xs:integer" select="40"/>

  <!-- the block a date stands in: paragraph, list item, heading, line, cell, note, block quotation -->
  <xsl:function name="ed:date-block" as="element()">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/ancestor::*[self::p or self::ab or self::item or self::head or self::l or
                           self::cell or self::note or self::quote[not(ancestor::p | ancestor::item |
                           ancestor::head | ancestor::note)]][1], $date/..)[1]"/>
  </xsl:function>

  <!-- the sentence a date stands in, in the reading text, as three strings: before, the date, after -->
  <xsl:function name="ed:date-sentence" as="xs:string+">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="read" select="ed:block-reading(ed:date-block($date))"/>
    <!-- the pieces before the date, inside it, after it: found by halving, not by a test of each -->
    <xsl:variable name="k" select="ed:count-before($read, $date)"/>
    <xsl:variable name="end" select="$date/following::node()[1]"/>
    <xsl:variable name="k2" select="if ($end) then ed:count-before($read, $end) else count($read)"/>
    <xsl:sequence select="
        ed:sentence-end(ed:near-string($read, 1, $k, true()), true()),
        normalize-space(ed:reading-string(subsequence($read, $k + 1, $k2 - $k))),
        ed:sentence-end(ed:near-string($read, $k2 + 1, count($read), false()), false())"/>
  </xsl:function>

  <!-- the reading string of the pieces $from to $to of $read, those before ($before) or after a
       date, or of only the pieces nearest to it when they hold more words than ed:sentence-end
       reads (it reads the last or first $ed:context-words + 1; a word cut where the nearest pieces
       begin or end is not one of those, so the result is the same as with the whole string): the
       nearest $ed:near-pieces, else four times as many, and so on. The range is given by its
       bounds, not as a subsequence: counting a subsequence walks it, and a block of thousands of
       dates (a letter on one line) made that quadratic -->
  <xsl:variable name="ed:near-pieces" as="xs:integer" select="32"/>
  <xsl:function name="ed:near-string" as="xs:string">
    <xsl:param name="read" as="node()*"/>
    <xsl:param name="from" as="xs:integer"/>
    <xsl:param name="to" as="xs:integer"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:sequence select="ed:near-string($read, $from, $to, $before, $ed:near-pieces)"/>
  </xsl:function>

  <xsl:function name="ed:near-string" as="xs:string">
    <xsl:param name="read" as="node()*"/>
    <xsl:param name="from" as="xs:integer"/>
    <xsl:param name="to" as="xs:integer"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:param name="window" as="xs:integer"/>
    <xsl:variable name="n" select="$to - $from + 1"/>
    <xsl:variable name="near" select="if ($n le $window) then ()
                                      else ed:reading-string(subsequence($read, if ($before) then $to - $window + 1
                                                                                else $from, $window))"/>
    <xsl:sequence select="if (empty($near)) then ed:reading-string(subsequence($read, $from, max((0, $n))))
                          else if (count(tokenize($near)) ge $ed:context-words + 2) then $near
                          else ed:near-string($read, $from, $to, $before, 4 * $window)"/>
  </xsl:function>

  <!-- how many of $nodes (in document order) come before $node: found by halving the range -->
  <xsl:function name="ed:count-before" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="ed:count-before($nodes, $node, 0, count($nodes))"/>
  </xsl:function>

  <!-- (the first $lo come before $node, those after $hi do not) -->
  <xsl:function name="ed:count-before" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="lo" as="xs:integer"/>
    <xsl:param name="hi" as="xs:integer"/>
    <xsl:variable name="mid" select="($lo + $hi + 1) idiv 2"/>
    <xsl:sequence select="if ($lo ge $hi) then $lo
                          else if ($nodes[$mid] &lt;&lt; $node) then ed:count-before($nodes, $node, $mid, $hi)
                          else ed:count-before($nodes, $node, $lo, $mid - 1)"/>
  </xsl:function>

  <!-- the pieces of a block's reading text (text nodes and gaps; not its notes' nor a replaced orig),
       read once for all the dates of the block -->
  <xsl:function name="ed:block-reading" as="node()*" cache="yes">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block//(text() | gap)[not(ancestor::note[. >> $block])][not(ancestor::orig[../reg])]"/>
  </xsl:function>

  <xsl:function name="ed:reading-string" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (self::gap) then $ed:gap-mark else string(.)), '')"/>
  </xsl:function>

  <!-- the part of the text before a date ($before) or after it that belongs to the date's sentence,
       whitespace next to the date kept as one space; cut with … at $ed:context-words words -->
  <xsl:function name="ed:sentence-end" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="before" as="xs:boolean"/>
    <!-- a full stop with no space after it ("in 1905.Just") ends a sentence too: a mark (U+E000)
         and a space are put there, and taken out again -->
    <!-- only the words that can decide what is kept are read: the last $ed:context-words + 1 before
         a date, the first ones after it (beyond them the text is cut anyway; splitting a word only
         adds words) -->
    <xsl:variable name="plain" select="tokenize($text)"/>
    <xsl:variable name="from" select="if ($before) then max((1, count($plain) - $ed:context-words)) else 1"/>
    <xsl:variable name="words" select="subsequence($plain, $from, $ed:context-words + 1)
                                       ! ed:split-stop(., $from eq 1 and position() eq 1)"/>
    <xsl:variable name="n" select="count($words)"/>
    <xsl:variable name="tested" select="if ($before) then max((1, $n - $ed:context-words)) to $n
                                        else 1 to min(($n, $ed:context-words))"/>
    <!-- the sentence's end nearest to the date: the words are tested from the date outwards, and
         no further than that end -->
    <xsl:variable name="end" select="(for $i in (if ($before) then reverse($tested) else $tested) return
                                      $i[ed:ends-sentence($words[$i], $words[$i + 1])])[1]"/>
    <xsl:variable name="kept" select="
        if ($before) then $words[position() gt ($end, 0)[1]]
        else $words[position() le ($end, count($words))[1]]"/>
    <xsl:variable name="cut" select="count($kept) gt $ed:context-words"/>
    <xsl:variable name="shown" select="
        if (not($cut)) then $kept
        else if ($before) then ('…', $kept[position() gt last() - $ed:context-words])
        else ($kept[position() le $ed:context-words], '…')"/>
    <xsl:variable name="joined" select="replace(string-join($shown, ' '), '&#xE000; ?', '')"/>
    <xsl:sequence select="
        if ($joined eq '') then ''
        else if ($before) then $joined || (if (ed:space-last($text)) then ' ' else '')
        else (if (ed:space-first($text)) then ' ' else '') || $joined"/>
  </xsl:function>

  <!-- a word of a text, split after a full stop with no space after it: "1905.Just" -> "1905.&#xE000;",
       "Just". The stop needs two lower-case letters or digits before it ("U.S.A" is not split),
       except at the start of the text ($first). Words without . ! ? are not matched at all (the
       pattern never spans a space, so word by word is the same as the whole text at once). Each pattern is
       written out whole: a pattern made at run time is compiled again at every call -->
  <xsl:function name="ed:split-stop" as="xs:string+">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="first" as="xs:boolean"/>
    <xsl:sequence select="
        if (not(ed:has-stop($word))) then $word
        else tokenize(if ($first) then replace($word, '(^|[\p{Ll}\d]{2})([.!?][&quot;”’»)\]]*)(\p{Lu}\p{Ll})', '$1$2&#xE000; $3')
                      else replace($word, '([\p{Ll}\d]{2})([.!?][&quot;”’»)\]]*)(\p{Lu}\p{Ll})', '$1$2&#xE000; $3'), ' ')"/>
  </xsl:function>

  <!-- whether a text holds a . ! or ? (most words do not: the patterns that need one are not run) -->
  <xsl:function name="ed:has-stop" as="xs:boolean">
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="contains($word, '.') or contains($word, '!') or contains($word, '?')"/>
  </xsl:function>

  <!-- whether a word ends a sentence: it ends in . ! or ? (and closing quotes or brackets), it is not
       an initial or a usual abbreviation, and the next word (if any) begins with a capital or a digit -->
  <xsl:function name="ed:ends-sentence" as="xs:boolean">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="next" as="xs:string?"/>
    <xsl:sequence select="ed:has-stop($word) and matches($word, '[.!?][&quot;”’»)\]]*&#xE000;?$')
        and not(matches($word, '^[(\[]?((\p{L}\.)+|(Mr|Mrs|Ms|Dr|St|Mt|Gen|Col|Capt|Lt|Rev|Prof|Sr|Jr|vol|cf|ca|c|viz)\.)$', 'i'))
        and (empty($next) or matches($next, '^[&quot;“‘«(\[]?[\p{Lu}\d]'))"/>
  </xsl:function>

</xsl:stylesheet>
