"""The index of the HTML reading edition (xslt/html-index.xsl, xslt/common-register.xsl).

A small text about French, Spanish, American, Korean and Central African figures of 1840-1970, with a
register of its own (fixtures/index-register.xml), converted by the pipeline; a hand-made TEI for
the rules that file a name; and the bundled edition for its figures.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from edition import T, pipeline, register, xmlio

FIXTURE = Path(__file__).parent / "fixtures" / "index-register.xml"
NS = {"t": T[1:-1]}

TEXT = """\
In January 1898 Émile Zola accused the army in an open letter, and Ángel Ganivet read it in Granada.
== Letters from Spain (1890–1898) ==
Ganivet wrote from Granada and from Ávila about the decline of Spain. Ganivet admired Zola, and \
Ganivet called Zola the conscience of France. Ganivet drowned in 1898.
== Harlem (1925–1937) ==
Zora Neale Hurston came to Harlem in 1925. W. E. B. Du Bois edited The Crisis there, and Hurston \
wrote for it. Hurston later met Kim Ok-gyun's biographers in The Hague, and Du Bois went to Bayonne.
== Exile and liberation (1940–1944) ==
Félix Éboué rallied Chad to Charles de Gaulle in 1940; de Gaulle met Éboué again in 1944, and Frantz \
Fanon read Zola.
"""


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def norm(text: str) -> str:
    return " ".join(text.split())


def entry_names(doc, kind: str) -> list[str]:
    return [norm(s) for s in doc.xpath(f"//section[{has_class('index-' + kind)}]//li[{has_class('entry')}]"
                                       f"/p/strong[{has_class('entry-name')}]/text()")]


@pytest.fixture(scope="module")
def tei(config):
    return pipeline.convert(TEXT, config, "zola", register=register.load(FIXTURE))


@pytest.fixture(scope="module")
def page(transformer, tei):
    return lxml.html.fromstring(transformer.html(tei))


# -- order and filing ---------------------------------------------------------------------

def test_persons_by_surname_accents_with_their_base_letter(page):
    assert entry_names(page, "person") == [
        "Du Bois, W. E. B.",        # a capitalised particle is part of the surname
        "Éboué, Félix",             # É files as E: after Du Bois, before Fanon, not after Zola
        "Fanon, Frantz",            # no surname in the register: the last word
        "Ganivet, Ángel",
        "Gaulle, Charles de",       # a lower-case particle goes after the forenames
        "Hurston, Zora Neale",
        "Kim Ok-gyun",              # surname first: not inverted
        "Zola, Émile",
    ]


def test_places_and_organizations_by_main_name_without_the(page):
    assert entry_names(page, "place") == ["Ávila", "Bayonne", "Granada", "The Hague", "Harlem"]
    assert entry_names(page, "org") == ["The Crisis"]


def test_entries_keep_their_ids_and_life_dates(page, tei):
    refs = {r.lstrip("#") for r in tei.getroot().xpath("//t:text//@ref", namespaces=NS)}
    assert sorted(page.xpath(f"//li[{has_class('entry')}]/@id")) == sorted("reg-" + r for r in refs)
    head = page.xpath("//li[@id='reg-emile-zola']/p")[0]
    assert norm(head.text_content()).startswith("Zola, Émile (1840–1902). French novelist")


def test_letter_headings_and_alphabet_bar(page):
    persons = page.xpath(f"//section[{has_class('index-person')}]")[0]
    assert [h.text_content().strip() for h in persons.xpath("h4")] == list("DEFGHKZ")
    # Éboué is under E, Ganivet and de Gaulle under G
    assert persons.xpath("h4[.='E']/following-sibling::ul[1]/li/@id") == ["reg-felix-eboue"]
    assert persons.xpath("h4[.='G']/following-sibling::ul[1]/li/@id") == ["reg-angel-ganivet", "reg-charles-de-gaulle"]
    bar = persons.xpath("nav[contains(@class, 'alphabet')]//a/@href")
    assert bar == ["#" + i for i in persons.xpath("h4/@id")]


def test_an_entry_is_highlighted_when_linked_to(page):
    assert "li.entry:target" in page.xpath("string(//head/style)")


# -- mentions -----------------------------------------------------------------------------

def sections_of(page, entry_id: str) -> list[str]:
    return [norm(a.text_content()) for a in
            page.xpath(f"//li[@id=$id]//li[{has_class('mention-section')}]/a[{has_class('section-ref')}]", id=entry_id)]


def test_mentions_are_grouped_by_section_with_number_and_title(page):
    assert sections_of(page, "reg-emile-zola") == [
        "Opening", "1 Letters from Spain (1890–1898)", "3 Exile and liberation (1940–1944)"]
    for link in page.xpath(f"//li[{has_class('mention-section')}]/a[{has_class('section-ref')}]/@href"):
        assert page.xpath("//*[@id=$id]", id=link[1:]), link


def test_each_mention_is_a_context_of_the_reading_text(page):
    mentions = page.xpath("//li[@id='reg-emile-zola']//a[contains(@class, 'mention')]")
    assert [m.xpath("string(mark)") for m in mentions] == ["Émile Zola", "Zola", "Zola", "Zola"]
    texts = [norm(m.text_content()) for m in mentions]
    assert texts[0] == "In January 1898 Émile Zola accused the army in an …"
    assert texts[1] == "… decline of Spain. Ganivet admired Zola, and Ganivet called Zola …"
    assert texts[3].endswith("Frantz Fanon read Zola.")
    # no mention is a bare number
    assert not [t for t in page.xpath(f"//section[{has_class('index')}]//a[{has_class('mention')}]")
                if norm(t.text_content()).isdigit()]


def test_each_mention_link_resolves_to_the_name_in_the_text(page):
    links = page.xpath(f"//section[{has_class('index')}]//a[{has_class('mention')}]")
    assert len(links) > 20
    for link in links:
        target = page.xpath("//main//*[@id=$id]", id=link.get("href")[1:])
        assert len(target) == 1, link.get("href")
        form = link.xpath("string(mark)")
        if link.xpath(f"ancestor::section[{has_class('index-unidentified')}]"):
            assert form in norm(target[0].text_content())       # the paragraph holding the name
        else:
            assert norm(target[0].text_content()) == form       # the name itself


def test_a_long_section_folds_the_rest_of_its_mentions(page):
    section = page.xpath("//li[@id='reg-angel-ganivet']//li[contains(@class, 'mention-section')]")[1]
    assert norm(section.xpath("string(span[contains(@class, 'mention-count')])")) == "(4)"
    assert len(section.xpath("ul/li")) == 3
    assert norm(section.xpath("string(details/summary)")) == "1 more"
    assert len(section.xpath("details/ul/li")) == 1


# -- names to be identified ---------------------------------------------------------------

def test_unlinked_names_are_listed_apart_each_form_once(page, tei):
    unlinked = tei.getroot().xpath("//t:text//t:placeName[not(@ref)]", namespaces=NS)
    assert {"".join(n.itertext()) for n in unlinked} == {"Spain", "France", "Chad"}
    part = page.xpath(f"//section[{has_class('index-unidentified')}]")
    assert len(part) == 1
    assert part[0].xpath("string(h3)") == "To be identified"
    forms = part[0].xpath(f".//section[{has_class('unidentified-place')}]//li[{has_class('form')}]")
    assert [f.xpath("string(p/span[contains(@class, 'form-name')])") for f in forms] == ["Chad", "France", "Spain"]
    spain = forms[2]
    assert norm(spain.xpath("string(p/span[contains(@class, 'mention-count')])")) == "(2 mentions)"
    assert len(spain.xpath(f".//a[{has_class('mention')}]")) == 2
    # no kind without unlinked names gets a heading; the forms are not register entries
    assert not part[0].xpath(f".//section[{has_class('unidentified-person')} or {has_class('unidentified-org')}]")
    assert not page.xpath(f"//li[{has_class('entry')}][normalize-space(p/strong)='Spain']")


def test_no_empty_sections(transformer, config):
    tree = pipeline.convert("Ángel Ganivet wrote from Granada.\n", config, "ganivet", register=register.load(FIXTURE))
    doc = lxml.html.fromstring(transformer.html(tree))
    assert entry_names(doc, "person") == ["Ganivet, Ángel"]
    assert not doc.xpath(f"//section[{has_class('index-org')}]")
    assert not doc.xpath(f"//section[{has_class('index-unidentified')}]")
    for section in doc.xpath(f"//section[{has_class('index')}]//section"):
        assert section.xpath(".//li"), section.get("class")
    bare = pipeline.convert("A quiet morning at sea.\n", config, "sea", register=register.load(FIXTURE))
    assert not lxml.html.fromstring(transformer.html(bare)).xpath(f"//section[{has_class('index')}]")


def test_labels_follow_the_language(transformer, tei):
    doc = lxml.html.fromstring(transformer.html(tei, lang="de"))
    assert doc.xpath(f"string(//section[{has_class('index-unidentified')}]/h3)") == "Noch nicht identifiziert"
    assert norm(doc.xpath("string(//li[@id='reg-emile-zola']/p/span)")) == "(4 Erwähnungen)"
    assert sections_of(doc, "reg-emile-zola")[0] == "Anfang"


# -- the rules that file a name, on a hand-made TEI ---------------------------------------

PEOPLE = {
    # main name (or inner XML of a structured one), register forms -> as the index files it
    "ortega": ("José Ortega y Gasset", "", "Ortega y Gasset, José"),
    "king": ("Martin Luther King Jr.", '<persName type="surname">King</persName>', "King, Martin Luther, Jr."),
    "catherine": ("Catherine the Great", "", "Catherine the Great"),
    "tocqueville": ("Alexis de Tocqueville", "", "Tocqueville, Alexis de"),
    "vanburen": ("Martin Van Buren", "", "Van Buren, Martin"),
    "sarmiento": ("Domingo Faustino Sarmiento", '<persName type="forename">Domingo Faustino</persName>',
                  "Sarmiento, Domingo Faustino"),
    "lu-xun": ("<surname>Lu</surname> <forename>Xun</forename>", "", "Lu Xun"),
    "nkrumah": ("<forename>Kwame</forename> <surname>Nkrumah</surname>", "", "Nkrumah, Kwame"),
    "machado": ("Machado de Assis, Joaquim Maria", "", "Machado de Assis, Joaquim Maria"),
    "tagore": ("Rabindranath Tagore", '<persName type="surname">Thakur</persName>', "Tagore, Rabindranath"),
}


def handmade(people: dict) -> str:
    persons = "".join(f'<person xml:id="{k}"><persName type="main">{m}</persName>{forms}</person>'
                      for k, (m, forms, _) in people.items())
    names = " and ".join(f'<persName ref="#{k}">{k}</persName>' for k in people)
    return (f'<TEI xmlns="{T[1:-1]}" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Names</title>'
            '</titleStmt><publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p>'
            f'</sourceDesc></fileDesc></teiHeader><standOff><listPerson>{persons}</listPerson></standOff>'
            f'<text><body><p>We read {names}.</p></body></text></TEI>')


def test_how_names_are_filed(transformer):
    tree = xmlio.parse_xml_bytes(handmade(PEOPLE).encode(), "names.xml")
    doc = lxml.html.fromstring(transformer.html(tree))
    filed = {li.get("id")[4:]: norm(li.xpath("string(p/strong)")) for li in doc.xpath("//li[@id]")}
    assert filed == {k: v[2] for k, v in PEOPLE.items()}
    order = [li.get("id")[4:] for li in doc.xpath(f"//li[{has_class('entry')}]")]
    assert order == ["catherine", "king", "lu-xun", "machado", "nkrumah", "ortega", "sarmiento",
                     "tagore", "tocqueville", "vanburen"]


# -- the bundled edition ------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled(bundled_file):
    return xmlio.parse_xml(bundled_file)


@pytest.fixture(scope="module")
def bundled_page(transformer, bundled):
    return lxml.html.fromstring(transformer.html(bundled))


def test_bundled_index_sorts_by_surname(bundled_page):
    ids = bundled_page.xpath(f"//section[{has_class('index-person')}]//li[{has_class('entry')}]/@id")
    assert ids.index("reg-edouard-daladier") < ids.index("reg-zinaida-volkova")
    names = entry_names(bundled_page, "person")
    assert "Trotsky, Leon" in names and "Daladier, Édouard" in names


def test_bundled_trotsky_has_sections_not_bare_numbers(bundled_page, bundled):
    entry = bundled_page.xpath("//li[@id='reg-leon-trotsky']")[0]
    sections = entry.xpath(f".//li[{has_class('mention-section')}]")
    assert len(sections) > 10
    counted = sum(int(norm(s.xpath("string(span[contains(@class, 'mention-count')])")).strip("()") or 1)
                  for s in sections)
    refs = bundled.getroot().xpath("//t:text//*[@ref='#leon-trotsky']", namespaces=NS)
    assert counted == len(refs) == len(entry.xpath(f".//a[{has_class('mention')}]"))
    # one context a section shown, the rest folded away
    assert all(len(s.xpath("ul/li")) == 1 for s in sections)
    assert all(len(norm(a.text_content()).split()) > 1 for a in entry.xpath(f".//a[{has_class('mention')}]"))
