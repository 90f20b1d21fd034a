"""One span type and one overlap selection for every pass; the names pass as a table of sources."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import T, TEI_NS
from edition.names import document, sources
from edition.names.sources import MODEL, Row
from edition.passes import Context
from edition.passes.names import mark_names
from edition.reader import read
from edition.register import empty
from edition.resp import MACHINE_RESP, resp
from edition.selection import Span, cert_of_score, overlaps_any, select, tei_attributes

NS = {"t": TEI_NS}


def test_the_longer_span_wins():
    short, long_ = Span(4, 10, "place", "register"), Span(0, 18, "org", "rule", rank=2)
    assert select([short, long_]) == [long_]


def test_on_equal_length_the_better_ranked_source_wins_then_the_earlier():
    rule, reg = Span(3, 9, "place", "rule", rank=2), Span(5, 11, "person", "register", rank=0)
    assert select([rule, reg]) == [reg]
    first, second = Span(0, 6, "person", "a"), Span(3, 9, "person", "b")
    assert select([second, first]) == [first]


def test_ties_keep_the_order_they_were_proposed_in():
    a, b = Span(0, 5, "person", "first"), Span(0, 5, "place", "second")
    assert select([a, b]) == [a] and select([b, a]) == [b]


def test_protected_ranges_always_win():
    inside, around, free = Span(2, 4, "person"), Span(0, 12, "org"), Span(20, 25, "place")
    assert select([inside, around, free], protected=[(3, 8, None)]) == [free]


def test_empty_spans_are_never_kept():
    assert select([Span(3, 3, "person")]) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.integers(0, 3)), max_size=25))
def test_the_selection_never_overlaps_and_keeps_the_longest_of_all(triples):
    spans = [Span(s, s + n, "person", rank=r) for s, n, r in triples]
    kept = select(spans)
    assert all(not overlaps_any(a.start, a.end, [b for b in kept if b is not a]) for a in kept)
    assert [k.start for k in kept] == sorted(k.start for k in kept)
    if spans:
        assert max(s.length for s in spans) == max(k.length for k in kept)


def test_tei_attributes_keep_a_span_of_its_own_resp_and_its_values():
    date = Span(0, 4, "date", "years", "high", attributes=(("when", "1848"),))
    assert tei_attributes(date, "#edition-dates") == {"resp": "#edition-dates", "cert": "high", "when": "1848"}
    model = Span(0, 4, "person", "model", cert_of_score(0.95), entry="p1", score=0.95, resp=resp("model"))
    assert tei_attributes(model, "#edition-names") == {"ref": "#p1", "resp": "#edition-model", "cert": "high"}


def test_cert_of_score():
    assert [cert_of_score(x) for x in (0.99, 0.9, 0.7, 0.2)] == ["high", "high", "medium", "low"]


def test_the_header_declares_the_model_agent():
    assert "edition-model" in dict(MACHINE_RESP)


def test_the_table_has_the_register_first_and_the_model_last():
    names = [row.name for row in sources.SOURCES]
    assert names[0] == "register" and names[-1] == "model"
    assert sources.SOURCES[-1].rank == MODEL > max(row.rank for row in sources.SOURCES[:-1])
    assert [row.name for row in sources.RULE_SOURCES] == names[:-1]


def _tei(text: str) -> etree._Element:
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.append(read(text))
    return root


def test_a_new_row_is_all_a_new_source_needs(monkeypatch):
    """A source plugged into the table: its spans are selected, resolved and wrapped with
    their own @resp and @cert."""
    text = "in 1851 the surveyor reached the oasis of siwa with his guide."

    def fake_model(block, doc):
        k = block.low.find("siwa")
        return [Span(k, k + 4, "place", "model", cert_of_score(0.72), score=0.72, resp=resp("model"))]

    table = tuple(Row(r.name, fake_model, r.rank) if r.name == "model" else r for r in sources.SOURCES)
    monkeypatch.setattr(document, "SOURCES", table)
    root = _tei(text)
    mark_names(root, Context(register=empty()))
    place = root.xpath("//t:placeName[. = 'siwa']", namespaces=NS)
    assert len(place) == 1 and place[0].get("resp") == "#edition-model" and place[0].get("cert") == "medium"


def test_a_rule_span_longer_than_the_model_span_wins(monkeypatch):
    text = "she studied at the university of bologna until 1790."

    def fake_model(block, doc):
        k = block.low.find("bologna")
        return [Span(k, k + 7, "place", "model", "high", score=0.99, resp=resp("model"))]

    table = tuple(Row(r.name, fake_model, r.rank) if r.name == "model" else r for r in sources.SOURCES)
    monkeypatch.setattr(document, "SOURCES", table)
    root = _tei(text)
    mark_names(root, Context(register=empty()))
    assert root.xpath("string(//t:orgName)", namespaces=NS) == "university of bologna"
    assert not root.xpath("//*[@resp='#edition-model']", namespaces=NS)
