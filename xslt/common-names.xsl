<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a name in the text MEANS beyond its register entry (included by common.xsl):
    - labels of the pop-ups and of names that are not (yet) identified
    - the kind of a mention (from the element, else from its entry)
    - whether a mention is a machine suggestion nobody has reviewed
    - the coordinates of a place and a map link made from them (numbers only)
    - how often the text mentions an entry, and the id of the entry's pop-up
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- "%" in a label is replaced by a number or a kind of name -->
  <xsl:variable name="ed:name-labels" as="element(ed:label)*">
    <ed:label key="kind-person" en="Person" de="Person" fr="Personne"/>
    <ed:label key="kind-place" en="Place" de="Ort" fr="Lieu"/>
    <ed:label key="kind-org" en="Organization" de="Organisation" fr="Organisation"/>
    <ed:label key="kind-name" en="Name" de="Name" fr="Nom"/>
    <ed:label key="not-identified" en="%, not identified in the register" de="%, nicht im Register bestimmt"
              fr="%, non identifié dans l’index"/>
    <ed:label key="mentioned-once" en="Mentioned once in the text." de="Einmal im Text genannt."
              fr="Mentionné une fois dans le texte."/>
    <ed:label key="mentioned-times" en="Mentioned % times in the text." de="% Mal im Text genannt."
              fr="Mentionné % fois dans le texte."/>
    <ed:label key="first-mention" en="First mention" de="Erste Nennung" fr="Première mention"/>
    <ed:label key="next-mention" en="Next mention" de="Nächste Nennung" fr="Mention suivante"/>
    <ed:label key="back-to-first" en="Back to the first mention" de="Zurück zur ersten Nennung"
              fr="Retour à la première mention"/>
    <ed:label key="to-index" en="Index entry" de="Registereintrag" fr="Entrée de l’index"/>
    <ed:label key="close" en="Close" de="Schließen" fr="Fermer"/>
    <ed:label key="also-in" en="Also described in" de="Auch beschrieben in" fr="Décrit aussi dans"/>
    <ed:label key="map" en="map" de="Karte" fr="carte"/>
    <ed:label key="compass" en="N S E W" de="N S O W" fr="N S E O"/>
    <ed:label key="suggested" en="This mention was identified by software and has not yet been checked by an editor."
              de="Diese Nennung hat eine Software bestimmt; sie ist noch nicht von einem Herausgeber geprüft."
              fr="Cette mention a été identifiée par un logiciel et n’a pas encore été vérifiée."/>
    <ed:label key="suggested-short" en="identified by software, not yet checked"
              de="von Software bestimmt, noch nicht geprüft" fr="identifié par logiciel, non vérifié"/>
  </xsl:variable>

  <!-- the rows of ed:name-labels by key -->
  <xsl:variable name="ed:name-label-rows" as="map(xs:string, element(ed:label)+)"
                select="map:merge($ed:name-labels ! map {string(@key): .}, map {'duplicates': 'combine'})"/>

  <xsl:function name="ed:name-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="row" select="$ed:name-label-rows($key)"/>
    <xsl:variable name="lang" select="ed:lang($node)"/>
    <xsl:sequence select="string(($row/@*[local-name() eq $lang], $row/@en, $key)[1])"/>
  </xsl:function>

  <!-- a label with its "%" replaced by $value -->
  <xsl:function name="ed:name-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="replace(ed:name-label($key, $node), '%', replace($value, '([$\\])', '\\$1'))"/>
  </xsl:function>

  <!-- the kind of a mention: from its element (persName ...), else (rs) from the entry it points to -->
  <xsl:function name="ed:mention-kind" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="own" select="ed:kind($name)"/>
    <xsl:sequence select="if ($own ne 'name') then $own else (ed:entry($name) ! ed:kind(.), $own)[1]"/>
  </xsl:function>

  <!-- markup the machine proposed and nobody reviewed: low or medium certainty, or the model's -->
  <xsl:function name="ed:suggested" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$name/@cert = ('low', 'medium') or tokenize($name/@resp) = '#edition-model'"/>
  </xsl:function>

  <!-- how many names in the text point to an entry -->
  <xsl:function name="ed:mention-count" as="xs:integer">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="count(key('ed:occurrences', string($entry/@xml:id), root($entry)))"/>
  </xsl:function>

  <xsl:function name="ed:popup-id" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="'pop-' || $entry/@xml:id"/>
  </xsl:function>

  <!-- latitude and longitude of a place (location/geo, "lat long" as TEI writes it), when both are
       numbers in range -->
  <xsl:function name="ed:lat-long" as="xs:decimal*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="geo" select="normalize-space(string(($entry/location/geo)[1]))"/>
    <xsl:variable name="parts" select="tokenize($geo, '[\s,]+')"/>
    <xsl:variable name="ok" select="count($parts) eq 2 and
                                    (every $p in $parts satisfies matches($p, '^-?\d{1,3}(\.\d+)?$'))"/>
    <xsl:variable name="values" select="if ($ok) then $parts ! xs:decimal(.) else ()"/>
    <xsl:sequence select="$values[abs($values[1]) le 90 and abs($values[2]) le 180]"/>
  </xsl:function>

  <!-- "19.35° N, 99.16° W"; a geo that is not two numbers as it stands; else nothing -->
  <xsl:function name="ed:coordinates" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="ll" select="ed:lat-long($entry)"/>
    <xsl:variable name="compass" select="tokenize(ed:name-label('compass', $entry))"/>
    <xsl:variable name="geo" select="normalize-space(string(($entry/location/geo)[1]))"/>
    <!-- the digits as the register writes them ("49.0"), without the sign -->
    <xsl:variable name="digits" select="tokenize($geo, '[\s,]+') ! replace(., '^-', '')"/>
    <xsl:sequence select="
        if (count($ll) eq 2)
        then $digits[1] || '° ' || $compass[if ($ll[1] lt 0) then 2 else 1] || ', ' ||
             $digits[2] || '° ' || $compass[if ($ll[2] lt 0) then 4 else 3]
        else $geo[. ne '']"/>
  </xsl:function>

  <!-- an OpenStreetMap link to the coordinates (made of numbers only), or '' -->
  <xsl:function name="ed:map-url" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="ll" select="ed:lat-long($entry) ! string(.)"/>
    <xsl:sequence select="if (count($ll) eq 2)
                          then ed:safe-url('https://www.openstreetmap.org/?mlat=' || $ll[1] || '&amp;mlon=' ||
                                           $ll[2] || '#map=8/' || $ll[1] || '/' || $ll[2])
                          else ''"/>
  </xsl:function>

</xsl:stylesheet>
