<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names in the text and their pop-ups (included by html.xsl).

  A mention of a register entry is a <button popovertarget="pop-ID"> (keyboard, touch and screen
  readers reach it); each entry the text names has ONE popover (template "popups", at the end of
  <body>) with its display name, dates or coordinates, note, authority links, the number of mentions,
  links to its index entry and to the next mention. A name without an entry is marked "unlinked", a
  machine suggestion nobody reviewed "suggested". A small script (no library; nothing from the TEI in
  it) points "next mention" at the mention after the one that opened the pop-up; without it the link
  leads to the first mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:names-css" as="xs:string" expand-text="no">
    .name { color: inherit; text-decoration-line: underline; text-underline-offset: 0.2em; scroll-margin: 30vh 0; }
    .name.person { text-decoration-style: solid; }
    .name.place { text-decoration-style: dashed; }
    .name.org { text-decoration-style: double; }
    button.name { font: inherit; line-height: inherit; letter-spacing: inherit; word-spacing: inherit;
                  text-align: inherit; background: none; border: 0; border-radius: 2px; padding: 0; margin: 0;
                  cursor: pointer; -webkit-user-select: text; user-select: text; }
    .name.suggested { text-decoration-style: dotted; text-decoration-color: #b06f00;
                      text-decoration-thickness: 0.12em; }
    .name.unlinked { text-decoration-style: dotted; text-decoration-color: #8a8a8a; cursor: help; }
    button.name:hover, button.name:focus-visible, button.name:target { background: #fff3c4; }
    button.name:focus-visible { outline: 2px solid #1d4f91; outline-offset: 1px; }
    button.name:target { outline: 2px solid #c48a00; }
    .popup { box-sizing: border-box; max-width: min(28em, calc(100vw - 2em)); max-height: calc(100vh - 2em);
             padding: 0.9em 2.8em 0.9em 1.1em; border: 1px solid #8c8c8c; border-radius: 6px;
             background: #fff; color: #1a1a1a; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
             font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.95rem; line-height: 1.45; }
    .popup::backdrop { background: rgba(0, 0, 0, 0.12); }
    .popup p { margin: 0.35em 0; }
    .popup .popup-kind { font-size: 0.8em; letter-spacing: 0.05em; text-transform: uppercase; color: #555; margin: 0; }
    .popup .popup-name { font-size: 1.2em; font-weight: bold; font-family: Georgia, "Times New Roman", serif; margin-top: 0.1em; }
    .popup .popup-dates { color: #444; }
    .popup .popup-ids a, .popup .popup-nav a { display: inline-block; padding: 0.2em 0; margin-right: 1em; }
    .popup .idno { color: #555; font-size: 0.9em; }
    .popup .suggested-note { font-size: 0.9em; color: #6b4500; border-left: 3px solid #b06f00; padding-left: 0.5em; }
    .popup .popup-nav { margin-top: 0.6em; padding-top: 0.4em; border-top: 1px solid #ddd; }
    .popup-close { position: absolute; top: 0.3em; right: 0.3em; min-width: 2.2em; min-height: 2.2em;
                   font: inherit; font-size: 1.2em; line-height: 1; color: #333; background: none;
                   border: 1px solid transparent; border-radius: 4px; cursor: pointer; }
    .popup-close:hover, .popup-close:focus-visible { border-color: #8c8c8c; background: #f2f2f2; }
    @media (max-width: 36em) {
      .popup { inset: auto 0 0 0; margin: 0; width: auto; max-width: none; max-height: 70vh;
               border-radius: 10px 10px 0 0; border-width: 1px 0 0; }
    }
    @media print {
      .popup, .popup-close { display: none !important; }
      .name { text-decoration: none; }
    }
  </xsl:variable>

  <!-- ============================================================ mentions -->

  <xsl:template match="persName | placeName | orgName | rs">
    <xsl:variable name="entry" select="ed:entry(.)"/>
    <xsl:variable name="kind" select="ed:mention-kind(.)"/>
    <xsl:variable name="class" select="string-join(distinct-values(('name', $kind,
                                       if (empty($entry)) then 'unlinked' else (),
                                       if (ed:suggested(.)) then 'suggested' else ())), ' ')"/>
    <xsl:choose>
      <!-- a button may not hold another: a name inside a linked name stays a plain mark -->
      <xsl:when test="$entry and not(ancestor::*[self::persName | self::placeName | self::orgName | self::rs]
                                      [exists(ed:entry(.))])">
        <button type="button" class="{$class}" popovertarget="{ed:popup-id($entry)}"
                id="{ed:occurrence-id(.)}" data-ref="{@ref}">
          <xsl:if test="ed:suggested(.)">
            <xsl:attribute name="aria-describedby" select="'suggested-description'"/>
          </xsl:if>
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </button>
      </xsl:when>
      <xsl:when test="$entry">
        <span class="{$class}" id="{ed:occurrence-id(.)}" data-ref="{@ref}">
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}" id="{ed:occurrence-id(.)}" title="{ed:name-label('not-identified', ., ed:label($kind, .))}">
          <xsl:if test="@ref"><xsl:attribute name="data-ref" select="@ref"/></xsl:if>
          <xsl:call-template name="machine"/>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ pop-ups -->

  <!-- one pop-up for each register entry the text names, in the order of first mention; the
       description suggested mentions point to (aria-describedby); the script -->
  <xsl:template name="popups">
    <xsl:variable name="names" select="text//(persName | placeName | orgName | rs)[@ref]"/>
    <xsl:if test="$names">
      <div class="popups" data-label-next="{ed:name-label('next-mention', .)}"
           data-label-first="{ed:name-label('back-to-first', .)}">
        <xsl:for-each-group select="$names" group-by="ed:entry(.)/@xml:id">
          <xsl:for-each select="ed:entry(.)">
            <xsl:call-template name="popup"/>
          </xsl:for-each>
        </xsl:for-each-group>
        <xsl:if test="$names[ed:suggested(.)]">
          <p id="suggested-description" hidden="hidden"><xsl:value-of select="ed:name-label('suggested-short', .)"/></p>
        </xsl:if>
      </div>
      <script id="names-script"><xsl:value-of select="$ed:names-script"/></script>
    </xsl:if>
  </xsl:template>

  <!-- the pop-up of one entry (the context) -->
  <xsl:template name="popup">
    <xsl:variable name="id" select="ed:popup-id(.)"/>
    <xsl:variable name="mentions" select="key('ed:occurrences', string(@xml:id))"/>
    <div popover="auto" id="{$id}" class="popup {ed:kind(.)}" role="dialog" aria-labelledby="popname-{@xml:id}">
      <p class="popup-kind"><xsl:value-of select="ed:name-label('kind-' || ed:kind(.), .)"/></p>
      <p class="popup-name" id="popname-{@xml:id}"><xsl:value-of select="ed:main-name(.)"/></p>
      <xsl:call-template name="popup-facts"/>
      <xsl:if test="ed:entry-note(.) ne ''">
        <p class="popup-note"><xsl:value-of select="ed:sentence(ed:entry-note(.))"/></p>
      </xsl:if>
      <xsl:call-template name="popup-authorities"/>
      <p class="popup-count">
        <xsl:value-of select="if (count($mentions) eq 1) then ed:name-label('mentioned-once', .)
                              else ed:name-label('mentioned-times', ., string(count($mentions)))"/>
      </p>
      <xsl:if test="$mentions[ed:suggested(.)]">
        <p class="suggested-note" hidden="hidden"><xsl:value-of select="ed:name-label('suggested', .)"/></p>
      </xsl:if>
      <p class="popup-nav">
        <xsl:if test="count($mentions) gt 1">
          <a class="next-mention" href="#{ed:occurrence-id($mentions[1])}">
            <xsl:value-of select="ed:name-label('first-mention', .)"/>
          </a>
          <xsl:text> </xsl:text>
        </xsl:if>
        <a class="to-index" href="#{ed:entry-id(.)}"><xsl:value-of select="ed:name-label('to-index', .)"/></a>
      </p>
      <button type="button" class="popup-close" popovertarget="{$id}" popovertargetaction="hide"
              aria-label="{ed:name-label('close', .)}">×</button>
    </div>
  </xsl:template>

  <!-- life dates of a person or organization, coordinates (and a map) of a place -->
  <xsl:template name="popup-facts">
    <xsl:variable name="life" select="ed:life-dates(.)"/>
    <xsl:variable name="where" select="ed:coordinates(.)"/>
    <xsl:if test="$life">
      <p class="popup-dates"><xsl:value-of select="$life"/></p>
    </xsl:if>
    <xsl:if test="$where">
      <p class="popup-dates popup-geo">
        <xsl:value-of select="$where"/>
        <xsl:if test="ed:map-url(.) ne ''">
          <xsl:text> (</xsl:text>
          <a class="map" href="{ed:map-url(.)}"><xsl:value-of select="ed:name-label('map', .)"/></a>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- Wikidata, VIAF, GeoNames ...: a link where the URL is safe, else the identifier as text -->
  <xsl:template name="popup-authorities">
    <xsl:variable name="ids" select="ed:identifiers(.)"/>
    <xsl:if test="$ids">
      <p class="popup-ids">
        <xsl:value-of select="ed:name-label('also-in', .) || ': '"/>
        <xsl:for-each select="$ids">
          <xsl:variable name="href" select="ed:safe-url(@href)"/>
          <xsl:choose>
            <xsl:when test="$href ne ''">
              <a class="authority" href="{$href}">
                <xsl:value-of select="@label"/>
                <xsl:text> </xsl:text>
                <span class="idno"><xsl:value-of select="@value"/></span>
              </a>
            </xsl:when>
            <xsl:otherwise>
              <span class="authority"><xsl:value-of select="@label || ' '"/><span class="idno"><xsl:value-of select="@value"/></span></span>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ the script -->

  <!-- Remembers which mention opened a pop-up (click, from mouse, touch or keyboard); before the
       pop-up opens, points "next mention" at the following mention of the same entry (after the
       last: back to the first) and shows the note of a suggested mention; a link in a pop-up closes
       it (and "next mention" moves the focus to that mention). Labels come from data- attributes
       of div.popups: nothing but this fixed text is ever in the script. -->
  <xsl:variable name="ed:names-script" as="xs:string" expand-text="no">
(function () {
  "use strict";
  if (!window.Map || !Element.prototype.closest) { return; }
  var opener = new Map(), lists = null;
  function mentions(id) {
    if (!lists) {
      lists = new Map();
      var all = document.querySelectorAll("button.name[popovertarget]");
      for (var i = 0; i &lt; all.length; i++) {
        var key = all[i].getAttribute("popovertarget");
        if (!lists.has(key)) { lists.set(key, []); }
        lists.get(key).push(all[i]);
      }
    }
    return lists.get(id) || [];
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var button = target &amp;&amp; target.closest("button.name[popovertarget]");
    if (button) { opener.set(button.getAttribute("popovertarget"), button); return; }
    var link = target &amp;&amp; target.closest(".popup a[href]");
    var popup = link &amp;&amp; link.closest(".popup");
    if (popup &amp;&amp; typeof popup.hidePopover === "function" &amp;&amp; popup.matches(":popover-open")) {
      popup.hidePopover();
      var dest = document.getElementById((link.getAttribute("href") || "").slice(1));
      if (dest &amp;&amp; link.classList.contains("next-mention")) { dest.focus({ preventScroll: true }); }
    }
  }, true);
  document.addEventListener("beforetoggle", function (event) {
    var popup = event.target;
    if (event.newState !== "open" || !(popup instanceof Element) || !popup.classList.contains("popup")) { return; }
    var from = opener.get(popup.id), list = mentions(popup.id), at = from ? list.indexOf(from) : -1;
    var link = popup.querySelector("a.next-mention"), note = popup.querySelector(".suggested-note");
    if (note) { note.hidden = !(from &amp;&amp; from.classList.contains("suggested")); }
    if (link &amp;&amp; at >= 0 &amp;&amp; list.length > 1) {
      var next = list[at + 1] || list[0];
      link.setAttribute("href", "#" + next.id);
      var labels = popup.closest(".popups") || popup;
      link.textContent = labels.getAttribute(at + 1 &lt; list.length ? "data-label-next" : "data-label-first") || link.textContent;
    }
  }, true);
}());
  </xsl:variable>

</xsl:stylesheet>
