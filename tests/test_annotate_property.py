"""Property: whatever a person did to a converted file, annotate keeps it, keeps the text, and runs once.

Random edits of a converted file (tags deleted, tags added by hand, attributes
changed, comments inserted), then :func:`edition.annotate.annotate`: every element
that was there is still there, under the same element, with the same words; a
person's elements keep every attribute exactly (in order); a machine's keep theirs,
only gaining a @ref; comments stay; the diplomatic text is the same; a second run
changes nothing. Texts: invented goldfields letters (capitalised, 1854) and a
lowercased West African trading journal (1790s).
"""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import T
from edition import config as config_mod
from edition import pipeline, register as register_mod
from edition.annotate import annotate
from edition.annotate.record import is_machine
from edition.annotate.suggest import _unwrap
from edition.passes import Context
from edition.reading.views import lines
from edition.review import _reject_element
from edition.spans import blocks, raw_text_of, text_of, wrap
from edition.xmlio import parse_xml_bytes, serialize
from test_annotate import GOLDFIELDS, JOURNAL, REGISTER

DELETABLE = {T + n for n in ("persName", "placeName", "orgName", "date", "quote", "choice")}
HAND_TAGS = ("persName", "placeName", "orgName", "date")
ATTRIBUTES = st.sampled_from([("n", "x"), ("cert", "low"), ("cert", "high"), ("type", "short"),
                              ("ref", "#someone-else"), ("resp", "#ed-project")])
EDITS = st.lists(st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("add"), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 30),
              st.sampled_from(HAND_TAGS)),
    st.tuples(st.just("attr"), st.integers(0, 10_000), ATTRIBUTES),
    st.tuples(st.just("comment"), st.integers(0, 10_000), st.integers(0, 10_000)),
), min_size=1, max_size=8)


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "register.xml"
    path.write_text(REGISTER)
    return Context(register=register_mod.load(path), language="en")


@pytest.fixture(scope="module")
def documents(tmp_path_factory, ctx):
    cfg = config_mod.defaults(tmp_path_factory.mktemp("texts") / "letters.txt")
    return {name: serialize(pipeline.convert(text, cfg, name, register=ctx.register))
            for name, text in (("goldfields", GOLDFIELDS), ("journal", JOURNAL))}


def _text_elements(root):
    return [el for el in root.find(T + "text").iter() if isinstance(el.tag, str)]


def apply_edit(root, edit) -> None:
    kind, n = edit[0], edit[1]
    if kind == "delete":
        found = [el for el in _text_elements(root) if el.tag in DELETABLE and el.get("type") != "block"]
        if found:
            el = found[n % len(found)]
            _reject_element(el.find(T + "reg")) if el.tag == T + "choice" and el.find(T + "reg") is not None \
                else _unwrap(el)
    elif kind == "add":
        block = list(blocks(root))[n % len(list(blocks(root)))]
        size = len(text_of(block))
        start = edit[2] % max(size, 1)
        wrap(block, start, min(size, start + edit[3]), T + edit[4])
    elif kind == "attr":
        found = [el for el in _text_elements(root) if el.tag not in (T + "text", T + "body")]
        name, value = edit[2]
        found[n % len(found)].set(name, value)
    else:
        block = list(blocks(root))[n % len(list(blocks(root)))]
        block.insert(edit[2] % (len(block) + 1), etree.Comment(f" note {n} "))


def snapshot(root):
    """What annotate must keep: each element, its attributes, words, first original ancestor."""
    elements = _text_elements(root)
    known = set(elements)
    state = []
    for el in elements:
        parent = next((a for a in el.iterancestors() if a in known), None)
        state.append((el, el.tag, list(el.attrib.items()), raw_text_of(el), parent, is_machine(el)))
    comments = [c.text for c in root.iter(etree.Comment)]
    return state, comments, list(lines(root, "diplomatic"))


def check_kept(root, before) -> None:
    state, comments, diplomatic = before
    known = {s[0] for s in state}
    for el, tag, attrib, words, parent, machine in state:
        assert el is root.find(T + "text") or root in el.iterancestors()
        assert el.tag == tag and raw_text_of(el) == words
        assert next((a for a in el.iterancestors() if a in known), None) is parent
        now = dict(el.attrib.items())
        if not machine:
            assert list(el.attrib.items()) == attrib
        else:
            linked = "ref" in now and "ref" not in dict(attrib)
            for k, v in attrib:
                assert now.get(k) == v or (linked and k in ("resp", "cert"))
            assert set(now) - {k for k, _ in attrib} <= {"ref"}
    assert [c.text for c in root.iter(etree.Comment)] == comments
    assert list(lines(root, "diplomatic")) == diplomatic


@pytest.mark.parametrize("name", ["goldfields", "journal"])
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow])
@given(edits=EDITS)
def test_annotate_keeps_every_edit_the_text_and_is_idempotent(documents, ctx, name, edits):
    root = parse_xml_bytes(documents[name], name).getroot()
    for edit in edits:
        apply_edit(root, edit)
    before = snapshot(root)
    annotate(root, ctx)
    check_kept(root, before)
    once = serialize(root)
    again = parse_xml_bytes(once, name).getroot()
    report = annotate(again, ctx)
    assert not report.added and not report.changed
    assert serialize(again) == once


def test_the_edits_do_happen(documents):
    """The strategy is not idle: a deletion and an addition change the markup."""
    root = parse_xml_bytes(documents["goldfields"], "g").getroot()
    first = copy.deepcopy(root)
    apply_edit(root, ("delete", 0))
    apply_edit(root, ("add", 1, 0, 3, "persName"))
    assert etree.tostring(root) != etree.tostring(first)
    assert list(lines(root, "diplomatic")) == list(lines(first, "diplomatic"))


@pytest.mark.parametrize("damage", ["unwrap", "attribute", "retype"])
def test_the_check_sees_what_annotate_must_not_do(documents, damage):
    root = parse_xml_bytes(documents["goldfields"], "g").getroot()
    apply_edit(root, ("add", 2, 0, 5, "orgName"))
    before = snapshot(root)
    name = root.find(f"{T}text").find(f".//{T}persName")
    if damage == "unwrap":
        _unwrap(name)
    elif damage == "attribute":
        name.set("cert", "low" if name.get("cert") != "low" else "high")
    else:
        name.tag = T + "placeName"
    with pytest.raises(AssertionError):
        check_kept(root, before)


# -- what a suggestion clashes with (edition.annotate.apply.Existing) ------------------------

def _clashes_by_rule(kind: str, start: int, end: int, markup) -> bool:
    """The rule written plainly: markup of the suggestion's kind that overlaps it; where either
    is empty (a gap), touching counts."""
    for k, a, b, _ in markup:
        if k != kind:
            continue
        if (a <= end and start <= b) if (start == end or a == b) else (a < end and start < b):
            return True
    return False


RANGE = st.tuples(st.integers(0, 60), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["name", "date", "reading"]), RANGE), max_size=25),
       st.lists(st.tuples(st.sampled_from(["name", "date", "reading"]), RANGE), min_size=1, max_size=25))
def test_a_suggestion_clashes_exactly_where_the_plain_rule_says(markup, suggestions):
    from types import SimpleNamespace

    from edition.annotate.apply import Existing

    el = etree.Element(T + "persName")
    rows = [(kind, a, b, el) for kind, (a, b) in markup]
    index = Existing(rows)
    for kind, (a, b) in suggestions:
        s = SimpleNamespace(kind=kind, start=a, end=b)
        assert index.clashes(s) is _clashes_by_rule(kind, a, b, rows), (kind, a, b, markup)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.booleans(), st.sampled_from(["", "a", " b "])), min_size=1, max_size=30),
       st.integers(0, 2 ** 30))
@example([(0, False, ""), (1, False, "")], 41904)      # an empty string stays a string: <hi></hi>
def test_unwrapping_many_at_once_is_unwrapping_each_in_turn(shape, seed):
    """suggest.unwrap_all (each parent's children rebuilt once) leaves the tree _unwrap of each
    element in document order leaves, nested ones and comments included."""
    import random

    from edition.annotate.suggest import unwrap_all

    rnd = random.Random(seed)
    root = etree.Element(T + "p")
    root.text = "start "
    open_ = [root]
    for depth, comment, text in shape:
        parent = open_[min(depth, len(open_) - 1)]
        el = etree.Comment("c") if comment else etree.SubElement(parent, T + rnd.choice(["persName", "hi"]))
        if comment:
            parent.append(el)
        else:
            el.text = text or None
            open_ = open_[:min(depth, len(open_) - 1) + 1] + [el]
        el.tail = rnd.choice(["", " x", "y "]) or None
    one_by_one, at_once = copy.deepcopy(root), copy.deepcopy(root)
    for el in [e for e in one_by_one.iter(T + "persName")]:
        _unwrap(el)
    unwrap_all([e for e in at_once.iter(T + "persName")])
    assert etree.tostring(at_once) == etree.tostring(one_by_one)


def _apply_in_order(suggestions, record):
    """edition.annotate.apply written plainly: every suggestion placed in its order, alone."""
    from edition.annotate.apply import _place, _set_ref, existing

    placed, blocks_ = [], {}
    for s in suggestions:
        if s.block not in blocks_:
            blocks_[s.block] = existing(s.block)
        before = blocks_[s.block]
        target = before.link(s)
        if target is not None:
            _set_ref(target, s)
            placed.append(("linked", s.fingerprint))
        elif not before.clashes(s) and s.fingerprint not in record.refused:
            el = _place(s)
            placed.append(("crossing", s.fingerprint) if el is None else (el.tag, s.fingerprint))
    return placed


@pytest.mark.parametrize("name", ["goldfields", "journal"])
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow])
@given(st.lists(st.booleans(), min_size=1, max_size=400), st.booleans())
def test_suggestions_placed_a_run_at_a_time_make_the_tree_of_each_in_turn(documents, ctx, name, drop, one_block):
    """apply writes the plain wraps of one kind in one block from right to left through segments
    read once; the tree (and what is reported placed) is the one every suggestion placed alone, in
    its order, makes. The document stripped of markup at random (and its record), so that much is
    placed again; *one_block*: its paragraphs joined into one, as a letter on one line."""
    from edition.annotate.apply import apply
    from edition.annotate.record import read
    from edition.annotate.suggest import suggest

    root = parse_xml_bytes(documents[name], name).getroot()
    for x in root.iter(T + "xenoData"):
        x.getparent().remove(x)
    if one_block:
        paragraphs = list(root.find(T + "text").iter(T + "p"))
        for p in paragraphs[1:]:
            last = paragraphs[0][-1] if len(paragraphs[0]) else None
            if last is not None:
                last.tail = (last.tail or "") + " " + (p.text or "")
            else:
                paragraphs[0].text = (paragraphs[0].text or "") + " " + (p.text or "")
            for child in list(p):
                paragraphs[0].append(child)
            p.getparent().remove(p)
    marked = [el for el in _text_elements(root) if el.tag in DELETABLE and el.get("type") != "block"]
    for el, gone in zip(marked, drop * (len(marked) // len(drop) + 1)):
        if gone and el.getparent() is not None:
            reg = el.find(T + "reg") if el.tag == T + "choice" else None
            _reject_element(reg) if reg is not None else _unwrap(el)
    other = copy.deepcopy(root)
    outcome = apply(suggest(root, ctx), read(root))
    plain = _apply_in_order(suggest(other, ctx), read(other))
    assert etree.tostring(root) == etree.tostring(other)
    assert sorted((a.element.tag if a.how == "added" else "linked", a.suggestion.fingerprint)
                  for a in outcome.added) == sorted(p for p in plain if p[0] != "crossing")
    assert outcome.crossing == sum(p[0] == "crossing" for p in plain)
