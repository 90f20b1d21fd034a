"""The reader: plain text -> div/head/p/list/quote structure, losslessly."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from edition import TEI_NS, XML_ID
from edition.reader import LIST_ITEM_MAX, read
from edition.spans import diplomatic_text, same_text

NS = {"t": TEI_NS}


def xp(el, path):
    return el.xpath(path, namespaces=NS)


TEXT = """intro line one.

== early life ==
born in a village.
=== schooling ===
he went to school.

== early life ==
again a section with the same heading.
== empty ==
== see also ==
first related thing
second related thing
"""


def test_headings_become_nested_divs_with_heads():
    text = read(TEXT)
    sections = xp(text, "t:body/t:div")
    assert [xp(d, "string(t:head)") for d in sections] == ["early life", "early life", "empty", "see also"]
    assert xp(sections[0], "t:div/t:head/text()") == ["schooling"]
    assert sections[0].get("type") == "section" and xp(sections[0], "t:div/@type") == ["subsection"]


def test_div_ids_are_unique_and_stable():
    first = [d.get(XML_ID) for d in xp(read(TEXT), "//t:div")]
    second = [d.get(XML_ID) for d in xp(read(TEXT), "//t:div")]
    assert first == second and len(set(first)) == len(first) and all(first)
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in first)


def test_lines_become_paragraphs_with_their_text():
    text = read(TEXT)
    assert xp(text, "string(t:body/t:p)") == "intro line one."
    assert xp(text, "t:body/t:div[1]/t:p/text()") == ["born in a village."]


def test_empty_sections_are_kept():
    text = read(TEXT)
    empty = xp(text, "//t:div[t:head='empty']")[0]
    assert len(empty) == 1


def test_list_sections_hold_items():
    text = read(TEXT)
    assert xp(text, "//t:div[t:head='see also']/t:list/t:item/text()") == [
        "first related thing", "second related thing"]


def test_colon_line_before_short_lines_introduces_a_list():
    text = read("== s ==\ntheir criticism was concentrated in three areas:\n\nfirst area.\nsecond area.\nthird area.\n\nnext.\n")
    assert xp(text, "count(//t:div/t:list/t:item)") == 3
    assert not xp(text, "//t:quote")
    assert xp(text, "//t:div/t:p[last()]/text()") == ["next."]


def test_the_reader_leaves_block_quotations_to_the_quotes_pass():
    text = read("== s ==\nlater he wrote:\n\nthe party is always right, he said, and we shall see.\n")
    assert not xp(text, "//t:quote") and len(xp(text, "//t:div/t:p")) == 2


def test_reader_is_lossless_on_the_sample():
    assert same_text(TEXT, diplomatic_text(read(TEXT)))


# --- property: the diplomatic text is the source, apart from whitespace and heading marks ---

WORDS = st.sampled_from(["lenin", "wrote", "said", "the", "party", "i", "we", "my", "our", "a", "\"yes\"",
                         "'pero'", "workers'", "1905.", "(", ")", "...", "three", "areas", "x" * 30,
                         "&", "<b>", "=", "==", "-", "statement"])
SPACE = st.sampled_from([" ", "  ", "\t", " \u00a0 "])


@st.composite
def sentence(draw):
    words = draw(st.lists(WORDS, min_size=1, max_size=40))
    seps = draw(st.lists(SPACE, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps)).strip()


@st.composite
def line(draw):
    kind = draw(st.sampled_from(["para", "para", "colon", "heading", "blank", "short", "list-head", "long"]))
    text = draw(sentence())
    if kind == "colon":
        return draw(st.sampled_from(["he wrote", "their criticism was in three areas", "it had"])) + ":"
    if kind == "heading":
        level = draw(st.integers(2, 4))
        return "=" * level + " " + text[:40] + " " + "=" * level
    if kind == "list-head":
        return draw(st.sampled_from(["== see also ==", "== external links ==", "=== works ==="]))
    if kind == "blank":
        return draw(st.sampled_from(["", "   ", "\t"]))
    if kind == "short":
        return text[:40]
    if kind == "long":
        return (text + " ") * (LIST_ITEM_MAX // max(len(text), 1) + 1)
    return draw(SPACE).strip() + text + draw(SPACE)


@settings(max_examples=150, deadline=None)
@given(st.lists(line(), max_size=30), st.sampled_from(["\n", "\r\n"]))
def test_reader_keeps_every_character(lines, newline):
    source = newline.join(lines)
    text = read(source)
    assert same_text(source.replace("\r\n", "\n"), diplomatic_text(text))
    ids = [d.get(XML_ID) for d in xp(text, "//t:div")]
    assert len(ids) == len(set(ids))
    for block in xp(text, "//t:p | //t:item | //t:quote | //t:head"):
        assert block.text is None or block.text == block.text.strip() or block.tag.endswith("head")
