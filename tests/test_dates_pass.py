"""The dates pass on TEI trees: spans, values, context years, nesting, idempotence."""

import importlib.util
import json

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from edition import xmlio
from edition.passes import Context
from edition.passes.dates import mark_dates
from edition.spans import blocks, text_of

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'


def doc(*paragraphs: str, head: str | None = None) -> etree._Element:
    body = (f"<head>{head}</head>" if head else "") + "".join(f"<p>{p}</p>" for p in paragraphs)
    return etree.fromstring(f"<TEI {TEI}><text><body><div>{body}</div></body></text></TEI>")


def dates(root) -> list[etree._Element]:
    return root.xpath("//t:text//t:date", namespaces=NS)


def marked(*paragraphs: str, head: str | None = None) -> etree._Element:
    root = doc(*paragraphs, head=head)
    mark_dates(root, Context())
    return root


def spans(root) -> list[str]:
    return [d.xpath("string()") for d in dates(root)]


def value_of(root, text: str) -> dict:
    el = root.xpath("//t:date[string() = $s]", s=text, namespaces=NS)
    assert el, f"no date {text!r} in {spans(root)}"
    return {k: v for k, v in el[0].attrib.items() if k not in ("resp", "cert")}


def test_full_dates_and_machine_attributes():
    root = marked("born on 7 november 1879, died 21 august 1940.")
    assert spans(root) == ["7 november 1879", "21 august 1940"]
    assert value_of(root, "7 november 1879") == {"when": "1879-11-07"}
    assert root.xpath("count(//t:date[@resp='#edition-dates'][@cert])", namespaces=NS) == 2


def test_weekday_stays_outside():
    root = marked("on sunday, 9 january 1905, father georgi gapon led a procession.")
    assert spans(root) == ["9 january 1905"]


@pytest.mark.parametrize("text, span, expected", [
    ("in the summer of 1899, he married", "summer of 1899", {"when": "1899"}),
    ("in early 1897. using the name", "early 1897", {"when": "1897"}),
    ("towards the end of 1939, trotsky", "end of 1939", {"when": "1939"}),
    ("shrushchev did not in the 1950s.", "1950s", {"from": "1950", "to": "1959"}),
    ("press archives of the 20th century", "20th century", {"from": "1901", "to": "2000"}),
    ("with parvus in 190407.during their split", "190407", {"from": "1904", "to": "1907"}),
    ("the conference of 1618 january 1924. those", "1618 january 1924",
     {"from": "1924-01-16", "to": "1924-01-18"}),
    ("in mayjune 1918, the legion", "mayjune 1918", {"from": "1918-05", "to": "1918-06"}),
    ("the civil war of 1917-1922. he", "1917-1922", {"from": "1917", "to": "1922"}),
    # letters and petitions of the 19th century: "3d", "the Nth day of", "A.D.", "fall of"
    ("Bath, Jan. 3d, 1845. My dear friend", "Jan. 3d, 1845", {"when": "1845-01-03"}),
    ("we met on the 22d of March 1803 at Calcutta", "22d of March 1803", {"when": "1803-03-22"}),
    ("Sworn to this 4th day of July, A.D. 1857, before me.", "4th day of July, A.D. 1857",
     {"when": "1857-07-04"}),
    ("sworn to this 4th day of july, a.d. 1857, before me.", "4th day of july, a.d. 1857",
     {"when": "1857-07-04"}),
    ("she was sold in the fall of 1849 and ran away", "fall of 1849", {"when": "1849"}),
])
def test_spans_and_values(text, span, expected):
    root = marked(text)
    assert span in spans(root)
    got = value_of(root, span)
    assert {k: got[k] for k in ("when", "from", "to") if k in got} == expected


def test_heading_dates_are_tagged():
    root = marked("leon trotsky was born in yanovka.", head="childhood and family (18791895)")
    head_date = root.xpath("//t:head/t:date", namespaces=NS)
    assert [d.text for d in head_date] == ["18791895"]
    assert head_date[0].get("from") == "1879" and head_date[0].get("to") == "1895"


def test_birth_death_pair_with_a_lost_dash_is_two_dates():
    root = marked("two daughters, zinaida (1901  5 january 1933) and nina (1902  9 june 1928).")
    assert spans(root) == ["1901", "5 january 1933", "1902", "9 june 1928"]


def test_from_to_gives_two_dates():
    root = marked("from march 1918 to january 1925 trotsky headed the red army")
    assert spans(root) == ["march 1918", "january 1925"]


def test_year_from_the_context():
    root = marked("on 19 september 1905, the typesetters struck. by the evening of 24 september, "
                  "others struck.", "in may, he fled; on 2 december, the soviet spoke.")
    assert value_of(root, "24 september")["when"] == "1905-09-24"
    assert value_of(root, "2 december")["when"] == "1905-12-02"
    assert value_of(root, "may")["when"] == "1905-05"
    assert root.xpath("//t:date[. = '24 september']/@cert", namespaces=NS) == ["medium"]


def test_life_dates_in_parentheses_do_not_change_the_context():
    root = marked("in 1905 his daughter zinaida (1901  5 january 1933) was four. on 9 june, x.")
    assert value_of(root, "9 june")["when"] == "1905-06-09"


def test_months_across_the_new_year():
    root = marked("published in january 1924. the debate lasted most of december and january.")
    assert value_of(root, "december")["when"] == "1923-12"
    assert value_of(root, "january")["when"] == "1924-01"


def test_old_style_dates_are_their_own_spans():
    root = marked("bronstein (7 november [o.s. 26 october] 1879  21 august 1940), better known")
    assert spans(root) == ["7 november", "26 october", "21 august 1940"]
    assert value_of(root, "7 november") == {"when": "1879-11-07"}
    assert value_of(root, "26 october") == {
        "calendar": "#julian", "datingMethod": "#julian", "when": "1879-11-07", "when-custom": "1879-10-26"}


def test_old_style_mark_after_a_date():
    root = marked("a strike in saint petersburg on 3 january 1905 (julian calendar), when")
    got = value_of(root, "3 january 1905")
    assert got["calendar"] == "#julian"
    assert got["when"] == "1905-01-16" and got["when-custom"] == "1905-01-03"


@pytest.mark.parametrize("text", [
    "he was sentenced to four years in exile, two months later",
    "dying, at the age of 60, from exsanguination",
    "expected trotsky, then 23, to side with them",
    "there were 140,000 strikers and 500,000 copies",
    "more than 200 members of the union",
    "he attended the 5th congress of the rsdlp",
    "the workers at 50 other printing shops",
    "certificates of rehabilitation no. 13/2182-90, no. 13-2200-99 in archives",
    "his 108 days at hurum",
    "he stayed at 1522 vyse avenue in the bronx",
    "the vote was 74 against",
    "the ideas of the october revolution; the air may enter; the sailors' march rebellion",
    "a village 24 kilometres (15 mi) away, 7 cm (2.8 in) deep",
    "page 1905 of no. 1917, 1500 soldiers, 1918 km",
    "in their 40s and 50s, in their early 30s",
])
def test_not_dates(text):
    assert spans(marked(text)) == []


def test_dates_nest_inside_names_and_quotes():
    root = etree.fromstring(
        f'<TEI {TEI}><text><body><p>he said <quote>on 9 january 1905 we marched</quote> and '
        f'<orgName>the 1905 committee</orgName>.</p></body></text></TEI>')
    mark_dates(root, Context())
    assert root.xpath("//t:quote/t:date[@when='1905-01-09']", namespaces=NS)
    assert root.xpath("//t:orgName/t:date[@when='1905']", namespaces=NS)


def test_the_pass_is_idempotent():
    root = marked("on 7 november 1879 and in 1905, in the summer of 1899 (18791895).")
    first = etree.tostring(root)
    mark_dates(root, Context())
    assert etree.tostring(root) == first
    assert not root.xpath("//t:date//t:date", namespaces=NS)


def test_existing_dates_are_left_alone():
    root = etree.fromstring(f'<TEI {TEI}><text><body><p>on <date when="1879-11-07">7 november '
                            f'1879</date> and in 1905</p></body></text></TEI>')
    mark_dates(root, Context())
    assert [d.get("when") for d in dates(root)] == ["1879-11-07", "1905"]
    assert dates(root)[0].get("resp") is None


words = st.sampled_from(["on", "in", "7", "november", "1879", "18791895", "may", "early", "summer",
                         "of", "1905", "(", ")", "[o.s.", "26", "october]", "the", "1950s", ",",
                         "24", "september", "190407", "1618", "january", "1924", "mid-1923", "x"])


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=25))
def test_the_text_is_preserved(tokens):
    text = " ".join(tokens).replace("&", "")
    root = doc(xmlio_escape(text))
    before = [text_of(b) for b in blocks(root)]
    mark_dates(root, Context())
    assert [text_of(b) for b in blocks(root)] == before
    assert not root.xpath("//t:date//t:date", namespaces=NS)


def xmlio_escape(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- the bundled text

def test_every_bundled_date_has_a_value(bundled_tree):
    ds = bundled_tree.xpath("//t:text//t:date", namespaces=NS)
    assert len(ds) > 100
    for d in ds:
        assert d.get("resp") == "#edition-dates" and d.get("cert") in ("high", "medium", "low")
        assert d.get("when") or (d.get("from") and d.get("to")) or (d.get("notBefore") and d.get("notAfter"))


def _score_module(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_scores(shared, bundled_tree, tmp_path, repo):
    """Lenient F1 and exact values of dates on the development set (gold from ../shared)."""
    score = _score_module(shared)
    out = tmp_path / "bundled.xml"
    xmlio.write_atomic(out, xmlio.serialize(bundled_tree))
    source = (repo / "source" / "leon-trotsky.txt").read_text(encoding="utf-8")
    t, spans_ = score.extract(str(out))
    m, unaligned = score.align(t, source)
    assert unaligned == 0
    keep = lambda sp: 0 <= sp["start"] < 17032  # noqa: E731
    pred = [p for p in score.to_source(spans_, m, source) if keep(p)]
    gold = [score.trim_gold(json.loads(line), source)
            for line in (shared / "eval" / "dev-gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    result = score.score(pred, [g for g in gold if keep(g)], source)
    assert result["date"]["lenient"]["f1"] >= 0.97
    assert result["date_values_exact"] >= 0.95


def test_a_single_letter_is_never_a_place_of_the_general_lists():
    from names_helpers import names, noreg
    assert names(noreg("It was A.D. 1857 and d. stood for died."), "placeName") == []
