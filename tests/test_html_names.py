"""Names in the HTML reading edition (xslt/html-names.xsl): every mention of a register entry is a
button that opens the entry's one pop-up (HTML popover); names without an entry and unreviewed
machine suggestions look different; nothing from the TEI reaches a script or a live link.

The text is a letter from Petrópolis (Brazil, 1871) with its own small register
(fixtures/names-popups-register.xml), far from the bundled text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from edition import T, TEI_NS, pipeline, register, xmlio

FIXTURE = Path(__file__).parent / "fixtures" / "names-popups-register.xml"

BODY = f"""<text xmlns="{TEI_NS}"><body>
<div xml:id="carta" type="letter">
  <head>A letter from <placeName ref="#pla-petropolis">Petrópolis</placeName></head>
  <p>Petrópolis, 14 March 1871. My dear <persName ref="#per-machado">Machado</persName>, His Majesty
  <persName ref="#per-pedro2">Dom Pedro</persName> went down to <placeName ref="#pla-rio">Rio de Janeiro</placeName>
  yesterday to open the session of the <orgName ref="#org-ihgb">Instituto Histórico</orgName>.</p>
  <p>They say <persName ref="#per-pedro2" resp="#edition-names" cert="medium">the Emperor</persName> heard
  <persName ref="#per-chiquinha" resp="#edition-model" cert="high">Chiquinha</persName> play, and that
  <persName resp="#edition-names" cert="low">Senhor Almeida</persName> left for
  <placeName ref="#pla-macae">Macaé</placeName>. <rs type="person" ref="#per-hostile">A certain merchant</rs>
  asks after <rs ref="#per-machado">our friend</rs> and the
  <orgName ref="#org-ihgb">Institute of <placeName ref="#pla-rio">Rio</placeName></orgName>.</p>
  <p>Yours, for <persName ref="#per-machado" resp="#edition-names" cert="high">Machado de Assis</persName>.</p>
</div></body></text>"""

#: entry -> how often the letter names it (the nested "Rio" included)
MENTIONS = {"per-machado": 3, "per-pedro2": 2, "pla-rio": 2, "org-ihgb": 2, "pla-petropolis": 1,
            "per-chiquinha": 1, "per-hostile": 1}

LETTER = """\
== A letter from Petrópolis ==
Petrópolis, 14 March 1871. My dear Machado de Assis, Dom Pedro went down to Rio de Janeiro \
yesterday to open the session of the Instituto Histórico. Chiquinha Gonzaga played at the \
palace; Pedro II listened. Machado de Assis will write of it.
"""


def letter_tree(body: str = BODY) -> etree._ElementTree:
    tree = xmlio.parse_xml(FIXTURE)
    tree.getroot().append(etree.fromstring(body))
    return tree


def classes(el) -> list[str]:
    return (el.get("class") or "").split()


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@pytest.fixture(scope="module")
def doc(transformer):
    return lxml.html.document_fromstring(transformer.html(letter_tree()))


def popup(doc, entry: str):
    found = doc.xpath("//div[@popover][@id=$id]", id="pop-" + entry)
    assert len(found) == 1, entry
    return found[0]


def text(el) -> str:
    return " ".join(el.text_content().split())


# -- mentions ---------------------------------------------------------------------------------

def test_every_linked_mention_is_a_button_that_opens_an_existing_popover(doc):
    buttons = doc.xpath("//main//button[@popovertarget]")
    # the letter links 12 mentions; "Rio" inside the Institute's name stays inside that button
    assert len(buttons) == sum(MENTIONS.values()) - 1
    popovers = {p.get("id"): p for p in doc.xpath("//div[@popover='auto']")}
    for button in buttons:
        assert button.get("type") == "button"
        assert "name" in classes(button)
        assert button.get("popovertarget") in popovers
        assert button.get("data-ref") == "#" + button.get("popovertarget")[len("pop-"):]
        assert button.get("id").startswith("occ-")
        assert button.get("title") is None                   # the pop-up replaces the tooltip
    assert not doc.xpath("//button//button | //a//button | //button//a")
    assert not doc.xpath(f"//main//a[{has_class('name')}]")
    kinds = Counter(c for b in buttons for c in classes(b) if c in ("person", "place", "org"))
    assert kinds == {"person": 7, "place": 2, "org": 2}         # the rs take their entry's kind


def test_a_name_inside_a_linked_name_is_marked_but_not_a_button(doc):
    inner = doc.xpath("//main//button[@popovertarget='pop-org-ihgb']//span[@data-ref='#pla-rio']")
    assert len(inner) == 1 and text(inner[0]) == "Rio"
    assert {"name", "place"} <= set(classes(inner[0])) and inner[0].get("id").startswith("occ-")


def test_one_popover_per_entry_after_the_text(doc):
    popovers = doc.xpath("//div[@popover]")
    assert sorted(p.get("id") for p in popovers) == sorted("pop-" + e for e in MENTIONS)
    assert all(p.get("popover") == "auto" and "popup" in classes(p) for p in popovers)
    assert not doc.xpath("//main//div[@popover]")
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))


# -- what a pop-up says -------------------------------------------------------------------------

def test_a_person_popover_names_dates_note_authorities_and_count(doc):
    pop = popup(doc, "per-machado")
    assert pop.get("role") == "dialog"
    label = doc.xpath("//*[@id=$id]", id=pop.get("aria-labelledby"))
    assert label and text(label[0]) == "Joaquim Maria Machado de Assis"
    assert label[0].getparent() is pop
    assert text(pop.xpath(".//*[@class='popup-kind']")[0]) == "Person"
    assert text(pop.xpath(".//*[contains(@class, 'popup-dates')]")[0]) == "1839–1908"
    assert text(pop.xpath(".//*[@class='popup-note']")[0]) == "Brazilian novelist, poet and critic."
    assert pop.xpath(".//a[contains(@class, 'authority')]/@href") == [
        "https://www.wikidata.org/wiki/Q311145", "https://viaf.org/viaf/17220427"]
    assert "Mentioned 3 times in the text." in text(pop)
    assert text(popup(doc, "per-chiquinha").xpath(".//*[@class='popup-count']")[0]) == \
        "Mentioned once in the text."


def test_a_popover_links_its_index_entry_and_the_first_mention_and_closes(doc):
    pop = popup(doc, "per-machado")
    assert pop.xpath(".//a[@class='to-index']/@href") == ["#reg-per-machado"]
    first = doc.xpath("//main//button[@popovertarget='pop-per-machado']")[0]
    nxt = pop.xpath(".//a[@class='next-mention']")
    assert [a.get("href") for a in nxt] == ["#" + first.get("id")]   # without script: the first
    close = pop.xpath(".//button[@popovertargetaction='hide']")
    assert len(close) == 1 and close[0].get("popovertarget") == "pop-per-machado"
    assert close[0].get("type") == "button" and close[0].get("aria-label") == "Close"
    # an entry named once has nowhere else to go
    assert not popup(doc, "pla-petropolis").xpath(".//a[@class='next-mention']")
    # the labels the script gives "next mention" are in the page, not in the script
    holder = doc.xpath("//div[@class='popups']")[0]
    assert holder.get("data-label-next") == "Next mention"
    assert holder.get("data-label-first") == "Back to the first mention"


def test_a_place_shows_coordinates_and_a_map_an_org_its_years(doc):
    rio = popup(doc, "pla-rio")
    geo = rio.xpath(".//*[contains(@class, 'popup-geo')]")[0]
    assert text(geo).startswith("22.9068° S, 43.1729° W")
    assert geo.xpath("a/@href") == ["https://www.openstreetmap.org/?mlat=-22.9068&mlon=-43.1729"
                                    "#map=8/-22.9068/-43.1729"]
    assert rio.xpath(".//a[contains(@class, 'authority')]/@href")[0] == "https://www.geonames.org/3451190"
    assert text(rio.xpath(".//*[@class='popup-kind']")[0]) == "Place"
    odd = popup(doc, "pla-petropolis").xpath(".//*[contains(@class, 'popup-geo')]")[0]
    assert text(odd) == "in the Serra dos Órgãos" and not odd.xpath(".//a")   # not numbers: no map
    org = popup(doc, "org-ihgb")
    assert text(org.xpath(".//*[@class='popup-name']")[0]) == "Instituto Histórico e Geográfico Brasileiro"
    assert text(org.xpath(".//*[contains(@class, 'popup-dates')]")[0]) == "1838–"


def test_labels_follow_the_language(transformer):
    de = lxml.html.document_fromstring(transformer.html(letter_tree(), lang="de"))
    pop = popup(de, "per-machado")
    assert pop.xpath(".//button/@aria-label") == ["Schließen"]
    assert text(pop.xpath(".//*[@class='popup-count']")[0]) == "3 Mal im Text genannt."
    assert text(popup(de, "pla-rio").xpath(".//*[contains(@class, 'popup-geo')]")[0]).startswith(
        "22.9068° S, 43.1729° W")


# -- names that are not (yet) identified, suggestions nobody reviewed ---------------------------------

def test_unlinked_names_look_different_and_have_no_popover(doc):
    unlinked = doc.xpath(f"//main//*[{has_class('unlinked')}]")
    assert [text(u) for u in unlinked] == ["Senhor Almeida", "Macaé"]   # no ref; a ref to no entry
    for name, kind in zip(unlinked, ("person", "place")):
        assert name.tag == "span" and name.get("popovertarget") is None
        assert name.get("id", "").startswith("occ-")               # the index's "to be identified" links here
        assert {"name", kind} <= set(classes(name))
        assert name.get("title") == f"{kind}, not identified in the register"
    assert unlinked[0].get("data-cert") == "low"                   # the certainty layer still sees it


def test_suggestions_are_marked_linked_and_described(doc):
    suggested = doc.xpath(f"//main//*[{has_class('suggested')}]")
    assert sorted(text(s) for s in suggested) == ["Chiquinha", "Senhor Almeida", "the Emperor"]
    emperor = doc.xpath("//main//button[normalize-space()='the Emperor']")[0]
    assert emperor.get("data-cert") == "medium" and emperor.get("data-resp") == "#edition-names"
    assert {"name", "person", "suggested"} <= set(classes(emperor))
    description = doc.xpath("//*[@id=$id]", id=emperor.get("aria-describedby"))
    assert description and "not yet checked" in text(description[0])
    reviewed = doc.xpath("//main//button[normalize-space()='Machado de Assis']")[0]
    assert reviewed.get("data-cert") == "high" and "suggested" not in classes(reviewed)
    assert reviewed.get("aria-describedby") is None
    # the entry's pop-up carries the note the script shows when a suggestion opened it
    note = popup(doc, "per-pedro2").xpath(".//*[@class='suggested-note']")
    assert len(note) == 1 and note[0].get("hidden") is not None
    assert not popup(doc, "per-machado").xpath(".//*[@class='suggested-note']")


def test_the_css_styles_kinds_suggestions_unlinked_names_phones_and_print(doc):
    css = doc.xpath("string(//style)")
    for rule in (".name.suggested", ".name.unlinked", "button.name", ".popup", ".name.person",
                 "#highlight-person:not(:checked)) .name.person", '[data-cert="medium"]'):
        assert rule in css, rule
    assert re.search(r"@media \(max-width:[^)]*\)\s*\{\s*\.popup", css)
    assert re.search(r"@media print\s*\{\s*\.popup[^}]*display: none", css)


# -- nothing from the TEI becomes script or a live link -----------------------------------------------

def test_a_hostile_register_entry_stays_text(doc):
    pop = popup(doc, "per-hostile")
    hrefs = doc.xpath("//@href")
    assert not [h for h in hrefs if not re.match(r"(https://|#)", h)], hrefs
    assert not [h for h in hrefs if "javascript" in h.lower().replace("\t", "")]
    assert "javascript:alert(document.cookie)" in text(pop)            # shown, not linked
    assert '</script><script>alert("note")</script>' in text(pop)
    assert "<img src=x onerror=alert(1)>" in text(pop.xpath(".//*[@class='popup-name']")[0])
    assert len(doc.xpath("//script[@id='names-script']")) == 1 and not doc.xpath("//img")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.startswith("on")]


def test_the_script_is_fixed_text_whatever_the_tei_holds(transformer, doc):
    script = doc.xpath("string(//script[@id='names-script'])")
    assert "popovertarget" in script and "beforetoggle" in script
    tei = letter_tree()
    words = {w for s in tei.getroot().xpath("//text()") for w in re.findall(r"\w{5,}", s)}
    assert not [w for w in words if w in script and w not in {"popup", "label", "first", "document"}]
    other = letter_tree(BODY.replace("Dom Pedro", "Dom Pedro &lt;/script&gt;&lt;script&gt;alert(9)&lt;/script&gt;"))
    other_doc = lxml.html.document_fromstring(transformer.html(other))
    assert other_doc.xpath("string(//script[@id='names-script'])") == script
    assert "alert(9)" in text(other_doc.xpath("//main")[0])


# -- a converted text, and the bundled edition ------------------------------------------------------

def check_mentions_and_popovers(doc):
    """Every mention button opens one existing pop-up; one pop-up per entry the buttons name."""
    buttons = doc.xpath("//main//button[@popovertarget]")
    popovers = doc.xpath("//div[@popover]")
    ids = [p.get("id") for p in popovers]
    assert buttons and len(ids) == len(set(ids))
    assert {b.get("popovertarget") for b in buttons} == set(ids)
    assert not doc.xpath(f"//main//*[{has_class('name')}][@title][not({has_class('unlinked')})]")
    return buttons, popovers


def test_a_converted_letter_gets_its_popovers(transformer, config):
    tree = pipeline.convert(LETTER, config, "carta", register=register.load(FIXTURE))
    doc = lxml.html.document_fromstring(transformer.html(tree))
    buttons, popovers = check_mentions_and_popovers(doc)
    assert {"pop-per-machado", "pop-pla-rio"} <= {p.get("id") for p in popovers}
    machado = [b for b in buttons if b.get("popovertarget") == "pop-per-machado"]
    assert "Mentioned %d times" % len(machado) in text(popup(doc, "per-machado"))


def test_the_bundled_edition_has_one_popover_per_entry(transformer, bundled_file):
    tree = xmlio.parse_xml(bundled_file)
    doc = lxml.html.document_fromstring(transformer.html(tree))
    buttons, popovers = check_mentions_and_popovers(doc)
    ns = {"t": T[1:-1]}
    entries = set(tree.getroot().xpath("//t:standOff//@xml:id", namespaces=ns))
    refs = {r.split()[0][1:] for r in tree.getroot().xpath(
        "//t:text//*[self::t:persName or self::t:placeName or self::t:orgName or self::t:rs]/@ref",
        namespaces=ns)} & entries
    assert len(popovers) == len(refs) < len(buttons)
    for pop in popovers:
        assert pop.xpath(".//a[@class='to-index']") and pop.xpath(".//button[@popovertargetaction='hide']")
