<?xml version="1.0" encoding="UTF-8"?>
<!--
  Search in the browser over the text and the register (included by html.xsl).

  The index is made at build time by Pagefind (edition/search.py) into pagefind/ beside the
  pages; this module only writes the search box and a small script that loads Pagefind's
  JavaScript API from there when the reader first uses the box, and lists where the words
  were found: the paragraph (its ed:block-id anchor) or the register entry (li#reg-ID).

  Without JavaScript the box stays hidden. Pagefind fetches its files, so search works over
  HTTP (any static host, or python -m http.server in the build folder), not from a file:
  there the box says so in one line and loads nothing.

  What is indexed is decided by edition/search.py (the text and the register entries); this
  region itself is never indexed (data-pagefind-ignore).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:x-edition:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:search-css" as="xs:string" expand-text="no">
    #search { margin: 1em 0; font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.95em; }
    #search label { display: block; margin-bottom: 0.2em; color: #333; }
    #search input { width: 100%; max-width: 28em; box-sizing: border-box; padding: 0.35em 0.5em;
                    font: inherit; border: 1px solid #888; border-radius: 3px; }
    #search .search-status { margin: 0.3em 0; color: #555; font-size: 0.9em; min-height: 1.2em; }
    #search .search-results { margin: 0.3em 0 0; padding-left: 1.4em; max-height: 24em; overflow-y: auto; }
    #search .search-results li { margin-bottom: 0.5em; }
    #search .search-results .where { display: block; }
    #search .search-results .excerpt { display: block; color: #333; font-size: 0.92em; }
    #search mark { background: #fff3a0; color: inherit; }
    main p:target, section.index li:target { background: #fff3c4; }
    @media print { #search { display: none; } }
  </xsl:variable>

  <!-- the texts of the box, in the languages of the edition; %q is the query, %n and %m numbers -->
  <xsl:variable name="ed:search-labels" as="element(ed:label)*">
    <ed:label key="search" en="Search the text and the index" de="Text und Register durchsuchen"
              fr="Rechercher dans le texte et l’index"/>
    <ed:label key="loading" en="Loading the search…" de="Die Suche wird geladen…" fr="Chargement de la recherche…"/>
    <ed:label key="count" en="%n places found." de="%n Stellen gefunden." fr="%n passages trouvés."/>
    <ed:label key="more" en="%m places found; the first %n are listed." de="%m Stellen gefunden; die ersten %n sind aufgeführt."
              fr="%m passages trouvés ; les %n premiers sont listés."/>
    <ed:label key="none" en="Nothing found for “%q”." de="Nichts gefunden für „%q“." fr="Rien trouvé pour « %q »."/>
    <ed:label key="file" en="Search works when the edition is served over HTTP (for example python -m http.server in its folder), not from a file."
              de="Die Suche funktioniert, wenn die Edition über HTTP bereitgestellt wird (etwa mit python -m http.server in ihrem Ordner), nicht aus einer Datei."
              fr="La recherche fonctionne quand l’édition est servie par HTTP (par exemple python -m http.server dans son dossier), pas depuis un fichier."/>
    <ed:label key="unavailable" en="Search is not available: its index (pagefind/) was not found beside this page."
              de="Die Suche ist nicht verfügbar: ihr Index (pagefind/) liegt nicht neben dieser Seite."
              fr="La recherche n’est pas disponible : son index (pagefind/) est absent à côté de cette page."/>
    <ed:label key="entry" en="Index" de="Register" fr="Index"/>
  </xsl:variable>

  <xsl:function name="ed:search-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="row" select="$ed:search-labels[@key eq $key]"/>
    <xsl:variable name="lang" select="ed:lang($node)"/>
    <xsl:sequence select="string(($row/@*[local-name() eq $lang], $row/@en)[1])"/>
  </xsl:function>

  <xsl:template name="search">
    <xsl:variable name="doc" select="."/>
    <div id="search" class="search" role="search" data-pagefind-ignore="all" hidden="hidden"
         aria-label="{ed:search-label('search', .)}">
      <xsl:for-each select="('loading', 'count', 'more', 'none', 'file', 'unavailable', 'entry')">
        <xsl:attribute name="data-msg-{.}" select="ed:search-label(., $doc)"/>
      </xsl:for-each>
      <label for="search-input"><xsl:value-of select="ed:search-label('search', .)"/></label>
      <input type="search" id="search-input" autocomplete="off" spellcheck="false"
             aria-describedby="search-status" aria-controls="search-results"/>
      <p id="search-status" class="search-status" role="status" aria-live="polite"/>
      <ol id="search-results" class="search-results"/>
    </div>
    <script type="module"><xsl:value-of select="$ed:search-script"/></script>
  </xsl:template>

  <!-- Each hit of Pagefind's result is a word position in the page's indexed text; the anchors
       Pagefind records (every element with an id, at the position where it starts) tell which
       paragraph or register entry holds it, and the section it is in. -->
  <xsl:variable name="ed:search-script" as="xs:string" expand-text="no">
const box = document.getElementById("search");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const LIMIT = 40;
const say = (key, n = "", q = "", m = "") => {
  const text = key ? box.dataset["msg" + key[0].toUpperCase() + key.slice(1)] : "";
  status.textContent = text.replace("%n", n).replace("%m", m).replace("%q", q);
};
box.hidden = false;
if (location.protocol === "file:") {
  input.disabled = true;
  say("file");
} else {
  let engine = null, ready = false;
  const load = () => engine ??= import(new URL("pagefind/pagefind.js", document.baseURI).href)
    .then(async (pagefind) => { await pagefind.init(); return pagefind; })
    .catch(() => null)
    .finally(() => { ready = true; });
  input.addEventListener("focus", load, { once: true });
  // Enter goes to the first result (Tab and the arrow keys of the browser do the rest)
  input.addEventListener("keydown", (event) => {
    const first = list.querySelector("a");
    if (event.key === "Enter" &amp;&amp; first) { event.preventDefault(); first.focus(); }
  });
  let turn = 0;
  input.addEventListener("input", async () => {
    const mine = ++turn;
    const query = input.value.trim();
    if (!query) { list.replaceChildren(); say(""); return; }
    if (!ready) say("loading");
    const pagefind = await load();
    if (mine !== turn) return;
    if (!pagefind) { say("unavailable"); return; }
    const found = await pagefind.debouncedSearch(query, {}, 200);
    if (found === null || mine !== turn) return;
    const items = [];
    for (const result of found.results.slice(0, 10)) {
      items.push(...places(await result.data(), found.results.length > 1, query));
    }
    if (mine !== turn) return;
    list.replaceChildren(...items.slice(0, LIMIT));
    if (!items.length) say("none", 0, query);
    else if (items.length > LIMIT) say("more", LIMIT, "", items.length);
    else say("count", items.length);
  });
}

function places(page, withTitle, query) {
  const words = page.content.split(/\s+/);
  const byPlace = (a, b) => a.location - b.location;
  const anchors = page.anchors.filter((a) => a.id).sort(byPlace);
  // where a hit is: a block (paragraph, list item, quotation) or a heading (of a section)
  const frame = anchors.filter((a) => /^(p|li|blockquote|section|h[1-6])$/i.test(a.element));
  const sections = frame.filter((a) => a.element.toLowerCase() === "section");
  const file = page.url.replace(/^.*\//, "");
  const here = location.pathname.replace(/^.*\//, "") === file;
  const groups = new Map();
  for (const at of [...page.locations].sort((a, b) => a - b)) {
    const block = frame.findLast((a) => a.location &lt;= at);
    if (!block) continue;
    if (!groups.has(block)) groups.set(block, []);
    groups.get(block).push(at);
  }
  // a page's register entries first, those whose name holds the query before those that only
  // mention it (a name's entry before its many mentions), then the text, each in page order
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const rank = ([block]) => {
    if (!/^reg-/.test(block.id)) return 2;
    const name = fold(label(block, words, frame, sections, page).slice(box.dataset.msgEntry.length))
      .split(/[^\p{L}\p{N}]+/u);
    return terms.some((t) => name.some((w) => w.startsWith(t))) ? 0 : 1;
  };
  const items = [];
  for (const [block, hits] of [...groups].sort((a, b) => rank(a) - rank(b))) {
    const end = (frame.find((a) => a.location > block.location) || { location: words.length }).location;
    const link = document.createElement("a");
    link.href = (here ? "" : file) + "#" + block.id;
    link.textContent = (withTitle ? page.meta.title + ": " : "") + label(block, words, frame, sections, page);
    const where = document.createElement("span");
    where.className = "where";
    where.append(link);
    const li = document.createElement("li");
    li.append(where, excerpt(words, hits, block.location, end));
    items.push(li);
  }
  return items;
}

// a register entry: its name; a paragraph: the heading of its section (its words run from the
// section's start to the next anchor), or the page's title before the first section
function label(block, words, frame, sections, page) {
  if (/^reg-/.test(block.id)) {
    const next = frame.find((a) => a.location > block.location);
    const text = words.slice(block.location, next ? next.location : block.location + 12).join(" ");
    return box.dataset.msgEntry + ": " + text.split(/ \(|\. /)[0].split(" ").slice(0, 8).join(" ");
  }
  const section = sections.findLast((s) => s.location &lt;= block.location);
  if (!section) return page.meta.title;
  const next = frame.find((a) => a.location > section.location);
  const head = words.slice(section.location, next ? next.location : section.location + 12);
  return head.slice(0, 12).reduce((t, w) => t + (t &amp;&amp; spaced(t, w) ? " " : "") + w, "")
    .replace(/\.$/, "") || page.meta.title;
}

// lower case without accents, as Pagefind compares words
function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// Pagefind's text has a space at each element's edge: "( spring 1918)" for "(&lt;time&gt;spring 1918&lt;/time&gt;)"
function spaced(before, word) {
  return !/[(\[“‘]$/.test(before) &amp;&amp; !/^[)\],.;:!?”’]/.test(word);
}

function excerpt(words, hits, start, end) {
  const from = Math.max(start, hits[0] - 10);
  const to = Math.min(end, hits[0] + 16);
  const marked = new Set(hits);
  const span = document.createElement("span");
  span.className = "excerpt";
  if (from > start) span.append("… ");
  for (let i = from; i &lt; to; i++) {
    if (i > from &amp;&amp; spaced(words[i - 1], words[i])) span.append(" ");
    if (marked.has(i)) {
      // the word without the punctuation around it
      const [, before, word, after] = words[i].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      const mark = document.createElement("mark");
      mark.textContent = word;
      span.append(before, mark, after);
    } else span.append(words[i]);
  }
  if (to &lt; end) span.append(" …");
  return span;
}
  </xsl:variable>

</xsl:stylesheet>
