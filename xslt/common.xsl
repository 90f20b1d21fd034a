<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the elements of an edition MEAN, computed once for every output format.

  html.xsl and fo.xsl import this stylesheet and decide only how things look.
  Everything here is a function (prefix ed:) or a data table:
    - labels in the languages of the edition (ed:label)
    - the register: the entry a name points to (@ref="#id" into the standOff copy),
      its main name, dates of life, authority identifiers as URLs, a one-line description
    - dates: a readable form of @when / @from-@to / @notBefore-@notAfter, and the ISO value
    - sections: number, title and id, for headings and the table of contents (common-text.xsl)
    - the header: title, editors, licence, source
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- the language of generated labels; empty: the xml:lang of the document, else English -->
  <xsl:param name="lang" as="xs:string" select="''"/>

  <!-- ================================================================ labels -->

  <xsl:variable name="ed:labels" as="element(ed:label)*">
    <ed:label key="contents" en="Contents" de="Inhalt" fr="Table des matières"/>
    <ed:label key="edited-by" en="Edited by" de="Herausgegeben von" fr="Édité par"/>
    <ed:label key="licence" en="Licence" de="Lizenz" fr="Licence"/>
    <ed:label key="source" en="Source" de="Quelle" fr="Source"/>
    <ed:label key="words-of" en="Words of" de="Worte von" fr="Paroles de"/>
    <ed:label key="index" en="Index" de="Register" fr="Index"/>
    <ed:label key="person" en="person" de="Person" fr="personne"/>
    <ed:label key="place" en="place" de="Ort" fr="lieu"/>
    <ed:label key="org" en="organization" de="Organisation" fr="organisation"/>
    <ed:label key="persons" en="Persons" de="Personen" fr="Personnes"/>
    <ed:label key="places" en="Places" de="Orte" fr="Lieux"/>
    <ed:label key="orgs" en="Organizations" de="Organisationen" fr="Organisations"/>
    <ed:label key="born" en="born" de="geboren" fr="né"/>
    <ed:label key="died" en="died" de="gestorben" fr="mort"/>
    <ed:label key="between" en="between" de="zwischen" fr="entre"/>
    <ed:label key="and" en="and" de="und" fr="et"/>
    <ed:label key="julian" en="Julian calendar" de="julianischer Kalender" fr="calendrier julien"/>
    <ed:label key="not-in-register" en="not in the register" de="nicht im Register" fr="absent de l’index"/>
    <ed:label key="occurrences" en="occurrences" de="Belegstellen" fr="occurrences"/>
    <ed:label key="page" en="page" de="Seite" fr="page"/>
    <ed:label key="text" en="Text" de="Text" fr="Texte"/>
    <ed:label key="link-here" en="Link to this paragraph" de="Link zu diesem Absatz" fr="Lien vers ce paragraphe"/>
    <ed:label key="display" en="Display" de="Anzeige" fr="Affichage"/>
    <ed:label key="highlight" en="Highlight" de="Hervorheben" fr="Surligner"/>
    <ed:label key="machine-markup" en="Machine markup" de="Maschinelle Auszeichnung" fr="Balisage automatique"/>
    <ed:label key="show-certainty" en="show how certain it is" de="Sicherheit zeigen" fr="montrer la certitude"/>
    <ed:label key="cert-high" en="certain" de="sicher" fr="sûr"/>
    <ed:label key="cert-medium" en="probable" de="wahrscheinlich" fr="probable"/>
    <ed:label key="cert-low" en="a guess" de="vermutet" fr="supposé"/>
    <ed:label key="view" en="View" de="Ansicht" fr="Vue"/>
    <ed:label key="reading-view" en="Reading text" de="Lesetext" fr="Texte normalisé"/>
    <ed:label key="diplomatic-view" en="Diplomatic text" de="Diplomatischer Text" fr="Texte diplomatique"/>
    <ed:label key="source-reads" en="the source reads" de="die Quelle hat" fr="la source porte"/>
    <ed:label key="nothing" en="nothing" de="nichts" fr="rien"/>
    <ed:label key="gap" en="text lost in the source" de="in der Quelle verlorener Text" fr="texte perdu dans la source"/>
    <ed:label key="legend" en="Names of persons are underlined with a solid line, places with a dashed line, organizations with a double line; select a name to see what the register says of it. A grey dotted line marks a name not yet identified in the register, an amber dotted line a suggestion of the software that no editor has checked yet."
              de="Personennamen sind durchgezogen, Ortsnamen gestrichelt, Organisationen doppelt unterstrichen; ein Klick auf einen Namen zeigt seinen Registereintrag. Grau gepunktet: noch nicht im Register bestimmt; gelb gepunktet: ein noch ungeprüfter Vorschlag der Software."
              fr="Les noms de personnes sont soulignés d’un trait plein, les lieux d’un tiret, les organisations d’un double trait ; sélectionnez un nom pour voir sa notice. Un pointillé gris marque un nom pas encore identifié, un pointillé ambre une suggestion du logiciel qu’aucun éditeur n’a encore vérifiée."/>
    <ed:label key="index-letters" en="Letters" de="Buchstaben" fr="Lettres"/>
    <ed:label key="mention" en="mention" de="Erwähnung" fr="mention"/>
    <ed:label key="mentions" en="mentions" de="Erwähnungen" fr="mentions"/>
    <ed:label key="more-mentions" en="more" de="weitere" fr="autres"/>
    <ed:label key="before-sections" en="Opening" de="Anfang" fr="Début"/>
    <ed:label key="to-be-identified" en="To be identified" de="Noch nicht identifiziert" fr="À identifier"/>
    <ed:label key="to-be-identified-note" en="Names marked in the text that the register does not identify (yet)."
              de="Namen, die im Text ausgezeichnet sind, die das Register aber (noch) nicht identifiziert."
              fr="Noms balisés dans le texte que l’index n’identifie pas (encore)."/>
    <ed:label key="months" en="January February March April May June July August September October November December"
              de="Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
              fr="janvier février mars avril mai juin juillet août septembre octobre novembre décembre"/>
    <xsl:sequence select="$ed:chronology-labels"/>  <!-- the chronology's and the apparatus's: common-chronology.xsl -->
  </xsl:variable>

  <!-- the language of the labels for the document of $node -->
  <xsl:function name="ed:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="ed:document-lang(root($node))"/>
  </xsl:function>

  <!-- (ed:lang, worked out once for each document) -->
  <xsl:function name="ed:document-lang" as="xs:string" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="wanted" select="substring-before(($lang[. ne ''], $root/*/@xml:lang/string(), 'en')[1] || '-', '-')"/>
    <xsl:sequence select="if ($wanted = $ed:label-langs) then $wanted else 'en'"/>
  </xsl:function>

  <!-- the names of the attributes of the first label (the languages, and "key") -->
  <xsl:variable name="ed:label-langs" as="xs:string*" select="$ed:labels[1]/@* ! local-name()"/>

  <xsl:function name="ed:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="row" select="$ed:label-rows($key)"/>
    <xsl:variable name="lang" select="ed:lang($node)"/>
    <xsl:sequence select="string(($row/@*[local-name() eq $lang], $row/@en, $key)[1])"/>
  </xsl:function>

  <!-- the rows of ed:labels by key (all of them, in order, when a key has several) -->
  <xsl:variable name="ed:label-rows" as="map(xs:string, element(ed:label)+)"
                select="map:merge($ed:labels ! map {string(@key): .}, map {'duplicates': 'combine'})"/>

  <!-- ================================================================ register -->

  <xsl:key name="ed:entry" match="person[@xml:id] | personGrp[@xml:id] | place[@xml:id] | org[@xml:id]"
           use="@xml:id"/>
  <!-- the names in the text, by the id of the entry they point to -->
  <xsl:key name="ed:occurrences" match="text//persName[@ref] | text//placeName[@ref] | text//orgName[@ref] | text//rs[@ref]"
           use="tokenize(@ref) ! substring-after(., '#')"/>

  <!-- name element or entry element -> the kind of entity -->
  <xsl:variable name="ed:kinds" as="element(ed:kind)*">
    <ed:kind element="persName" kind="person"/>
    <ed:kind element="person" kind="person"/>
    <ed:kind element="personGrp" kind="person"/>
    <ed:kind element="placeName" kind="place"/>
    <ed:kind element="place" kind="place"/>
    <ed:kind element="orgName" kind="org"/>
    <ed:kind element="org" kind="org"/>
  </xsl:variable>

  <!-- authority identifiers: idno/@type -> label and URL prefix -->
  <xsl:variable name="ed:authorities" as="element(ed:authority)*">
    <ed:authority type="wikidata" label="Wikidata" prefix="https://www.wikidata.org/wiki/"/>
    <ed:authority type="viaf" label="VIAF" prefix="https://viaf.org/viaf/"/>
    <ed:authority type="geonames" label="GeoNames" prefix="https://www.geonames.org/"/>
    <ed:authority type="gnd" label="GND" prefix="https://d-nb.info/gnd/"/>
    <ed:authority type="lcnaf" label="Library of Congress" prefix="https://id.loc.gov/authorities/names/"/>
    <ed:authority type="uri" label="Web" prefix=""/>
    <ed:authority type="url" label="Web" prefix=""/>
  </xsl:variable>

  <!-- element name -> kind, from ed:kinds -->
  <xsl:variable name="ed:kind-of" as="map(xs:string, xs:string)"
                select="map:merge($ed:kinds ! map {string(@element): string(@kind)})"/>

  <xsl:function name="ed:kind" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="($ed:kind-of(local-name($el)),
                           $el[self::rs]/@type[. = $ed:kinds/@kind]/string(), 'name')[1]"/>
  </xsl:function>

  <!-- the register entry a name points to (first local @ref), or nothing -->
  <xsl:function name="ed:entry" as="element()?" cache="yes">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="substring-after((tokenize($name/@ref)[starts-with(., '#')])[1], '#')"/>
    <xsl:sequence select="if ($id) then key('ed:entry', $id, root($name))[1] else ()"/>
  </xsl:function>

  <!-- the register entry of the person a quotation (cit/ptr[@type='speaker']) is attributed to -->
  <xsl:function name="ed:speaker" as="element()?">
    <xsl:param name="cit" as="element()?"/>
    <xsl:variable name="id" select="substring-after(string(($cit/ptr[@type eq 'speaker']/@target)[1]), '#')"/>
    <xsl:sequence select="if ($id) then key('ed:entry', $id, root($cit))[1] else ()"/>
  </xsl:function>

  <xsl:function name="ed:entry-id" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="'reg-' || $entry/@xml:id"/>
  </xsl:function>

  <xsl:function name="ed:main-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(persName | placeName | orgName | name)"/>
    <xsl:sequence select="normalize-space(string(($names[@type eq 'main'], $names, $entry/@xml:id)[1]))"/>
  </xsl:function>

  <xsl:function name="ed:year" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="if (matches($iso, '^-?\d{4}')) then replace($iso, '^(-?\d{4}).*$', '$1') else ()"/>
  </xsl:function>

  <!-- "1879–1940", "born 1879", "died 1940" or nothing -->
  <xsl:function name="ed:life-dates" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="born" select="ed:year(($entry/birth/(@when, @notBefore, date/@when))[1])"/>
    <xsl:variable name="died" select="ed:year(($entry/death/(@when, @notAfter, date/@when))[1])"/>
    <xsl:variable name="from" select="ed:year(($entry/floruit/(@from, @when, @notBefore))[1])"/>
    <xsl:variable name="to" select="ed:year(($entry/floruit/(@to, @notAfter))[1])"/>
    <xsl:sequence select="
        if ($born and $died) then $born || '–' || $died
        else if ($born) then ed:label('born', $entry) || ' ' || $born
        else if ($died) then ed:label('died', $entry) || ' ' || $died
        else if ($from or $to) then ($from, '')[1] || '–' || ($to, '')[1]
        else ()"/>
  </xsl:function>

  <!-- a URL a reader may follow: http(s), mailto or relative, else '' (and so no link). The scheme is
       read as a browser reads it: without spaces, tabs, line ends or control and format characters,
       in any case; so javascript:, " JavaScript:", "java&#9;script:", data: or vbscript: give ''.
       The same rule as edition/urls.py and the schema (data.safeURL, rule url-scheme), kept here for
       a TEI that was never validated. -->
  <xsl:function name="ed:safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="if (ed:plainly-safe($url)) then normalize-space($url) else ed:squeezed-safe-url($url)"/>
  </xsl:function>

  <!-- a URL that begins with a safe scheme as written, the usual case: no pattern need read it -->
  <xsl:function name="ed:plainly-safe" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="starts-with($url, 'https://') or starts-with($url, 'http://') or starts-with($url, 'mailto:')"/>
  </xsl:function>

  <xsl:function name="ed:squeezed-safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="squeezed" select="lower-case(replace(string($url), '[\s\p{C}\p{Z}]', ''))"/>
    <xsl:sequence select="if (not(matches($squeezed, '^[^/?#]*:')) or matches($squeezed, '^(https?|mailto):'))
                          then normalize-space($url) else ''"/>
  </xsl:function>

  <!-- the authority identifiers of an entry, each as <ed:link label= value= href=/> -->
  <xsl:function name="ed:identifiers" as="element(ed:link)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:for-each select="$entry/idno[normalize-space()]">
      <xsl:variable name="value" select="normalize-space(.)"/>
      <xsl:variable name="authority" select="$ed:authorities[@type eq lower-case(current()/@type)]"/>
      <ed:link label="{($authority/@label, @type, 'ID')[1]}" value="{$value}"
               href="{ed:safe-url(if (starts-with($value, 'https://') or starts-with($value, 'http://')) then $value
                      else if ($authority/@prefix ne '') then $authority/@prefix || $value else '')}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- one line that says who or what a name is:
       "Leon Trotsky (1879–1940). Russian Marxist revolutionary (…). Wikidata Q33391." -->
  <xsl:function name="ed:description" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="entry" select="ed:entry($name)"/>
    <xsl:sequence select="
        if (empty($entry))
        then ed:label(ed:kind($name), $name) || ' (' || ed:label('not-in-register', $name) || ')'
        else ed:entry-description($entry)"/>
  </xsl:function>

  <xsl:function name="ed:entry-description" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="life" select="ed:life-dates($entry)"/>
    <xsl:variable name="ids" select="string-join(ed:identifiers($entry) ! (@label || ' ' || @value), '; ')"/>
    <xsl:sequence select="string-join((
        ed:main-name($entry) || (if ($life) then ' (' || $life || ')' else ''),
        ed:entry-note($entry), $ids)[. ne ''] ! ed:sentence(.), ' ')"/>
  </xsl:function>

  <!-- a text ending in a full stop (unless it ends in . ! or ? already) -->
  <xsl:function name="ed:sentence" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if (matches($text, '[.!?]$')) then $text else $text || '.'"/>
  </xsl:function>

  <!-- the editors' short description of an entry (its first note), or '' -->
  <xsl:function name="ed:entry-note" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(($entry/(note, desc)[not(@type = ('internal', 'todo'))])[1]))"/>
  </xsl:function>

  <!-- what an index entry means (filed name, sort keys, mentions; ed:index-entries) -->
  <xsl:include href="common-register.xsl"/>

  <!-- (kind, heading label) of the index, in order -->
  <xsl:variable name="ed:index-kinds" as="element(ed:kind)*">
    <ed:kind kind="person" label="persons"/>
    <ed:kind kind="place" label="places"/>
    <ed:kind kind="org" label="orgs"/>
  </xsl:variable>

  <!-- the id of one occurrence of a name in the text (stable within one transformation) -->
  <xsl:function name="ed:occurrence-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="'occ-' || generate-id($name)"/>
  </xsl:function>

  <!-- ================================================================ dates -->

  <!-- an ISO 8601 value in words: 1879-11-07 -> "7 November 1879" -->
  <xsl:function name="ed:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="months" select="tokenize(ed:label('months', $node))"/>
    <xsl:analyze-string select="$iso" regex="^(-?\d{{4}})(-(\d{{2}})(-(\d{{2}}))?)?$">
      <xsl:matching-substring>
        <xsl:variable name="year" select="string(xs:integer(regex-group(1)))"/>
        <xsl:variable name="month" select="if (regex-group(3)) then $months[xs:integer(regex-group(3))] else ()"/>
        <xsl:variable name="day" select="if (regex-group(5)) then string(xs:integer(regex-group(5))) else ()"/>
        <xsl:sequence select="string-join(($day, $month, $year), ' ')"/>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:sequence select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- a date element in words: "7 November 1879", "1879–1895", "between 1920 and 1925" -->
  <xsl:function name="ed:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="main" select="
        if ($date/@when) then ed:format-iso($date/@when, $date)
        else if ($date/(@from, @to)) then
          string-join(($date/@from ! ed:format-iso(., $date), '') [1], '') || '–' ||
          string-join(($date/@to ! ed:format-iso(., $date), '')[1], '')
        else if ($date/(@notBefore, @notAfter)) then
          string-join((ed:label('between', $date), ($date/@notBefore ! ed:format-iso(., $date), '?')[1],
                       ed:label('and', $date), ($date/@notAfter ! ed:format-iso(., $date), '?')[1]), ' ')
        else normalize-space($date)"/>
    <xsl:sequence select="if ($date/@when-custom)
                          then $main || ' (' || ed:label('julian', $date) || ': ' ||
                               ed:format-iso($date/@when-custom, $date) || ')'
                          else $main"/>
  </xsl:function>

  <!-- the machine-readable value of a date (an HTML datetime), or nothing -->
  <xsl:function name="ed:date-iso" as="xs:string?" cache="yes">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/(@when, @from, @notBefore, @to, @notAfter))
                          [matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')][1]/string()"/>
  </xsl:function>

  <xsl:include href="common-chronology.xsl"/>  <!-- the dates of a chronology: order, words, sentence -->

  <!-- ================================================================ sections, the reading text -->

  <xsl:include href="common-text.xsl"/>  <!-- sections: number, title, ids; blocks' ids; the reading text -->

  <!-- ================================================================ header -->

  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="root($doc)/TEI/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(string(($titles[@type eq 'main'], $titles, 'Untitled')[1]))"/>
  </xsl:function>

  <!-- the editors (people, not software), each as <ed:person name= roles=/>, one per name -->
  <xsl:function name="ed:editors" as="element(ed:person)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="stmt" select="root($doc)/TEI/teiHeader/fileDesc/titleStmt"/>
    <xsl:for-each-group select="$stmt/editor[normalize-space()] |
                                $stmt/respStmt/(name | persName | orgName)[not(@type eq 'software')]"
                        group-by="normalize-space(.)">
      <ed:person name="{current-grouping-key()}"
                 roles="{string-join(distinct-values(current-group() !
                        (if (self::editor) then string(@role) else normalize-space(string(../resp[1])))[. ne '']), '; ')}"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="ed:licence" as="element(ed:link)?">
    <xsl:param name="doc" as="node()"/>
    <xsl:for-each select="(root($doc)/TEI/teiHeader/fileDesc/publicationStmt/availability/licence)[1]">
      <ed:link label="{normalize-space(.)}" value="{normalize-space(.)}" href="{ed:safe-url(@target)}"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="ed:source" as="element(ed:link)?">
    <xsl:param name="doc" as="node()"/>
    <xsl:for-each select="(root($doc)/TEI/teiHeader/fileDesc/sourceDesc/bibl)[1]">
      <xsl:variable name="parts" select="(author, title, publisher, date) ! normalize-space(.)[. ne '']"/>
      <ed:link label="{string-join($parts, '. ')}" value="{normalize-space(note[not(@type)][1])}"
               href="{ed:safe-url((ptr/@target, ref/@target)[1])}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- ================================================================ names: pop-ups, suggestions, places -->

  <xsl:include href="common-names.xsl"/>

</xsl:stylesheet>
