"""A block of thousands of names and dates (a long text with no paragraph breaks) is marked in
time linear in its length: the structures that made it quadratic are checked here against the
plain formulations they replace, on random inputs (bench/bench_long_block.py measures the time)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from lxml import etree

from edition import spans
from edition.dates import find as dates_find
from edition.names import model_source, resolve
from edition.names.match import Match
from edition.selection import RangeIndex, Span, overlaps_any


def random_ranges(rng: random.Random, n: int, width: int = 400) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(width)
        out.append((a, a + rng.randrange(0, 30)))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_range_index_answers_as_overlaps_any(seed):
    rng = random.Random(seed)
    ranges = random_ranges(rng, rng.randrange(0, 60))
    index = RangeIndex(ranges)
    for _ in range(300):
        a = rng.randrange(-10, 420)
        b = a + rng.randrange(0, 40)
        assert index.overlaps(a, b) == overlaps_any(a, b, ranges), (a, b)
        assert index.covers(a) == any(r[0] <= a <= r[1] for r in ranges), a


@pytest.mark.parametrize("seed", range(5))
def test_a_model_mention_yields_as_before(seed):
    """model_source._yields walks back from a halving instead of over every name of the block."""
    rng = random.Random(seed)
    taken, pos = [], 0
    for _ in range(rng.randrange(0, 40)):          # a selection: in text order, no two overlapping
        pos += rng.randrange(1, 15)
        end = pos + rng.randrange(1, 12)
        taken.append(Span(pos, end, "person", "x"))
        pos = end
    starts = [t.start for t in taken]
    for _ in range(200):
        a = rng.randrange(0, pos + 5)
        m = SimpleNamespace(start=a, end=a + rng.randrange(1, 25))
        plain = any(t.overlaps(m.start, m.end) and not (m.start <= t.start and t.end <= m.end
                                                        and t.length < m.end - m.start) for t in taken)
        assert model_source._yields(m, taken, starts) == plain


@pytest.mark.parametrize("seed", range(3))
def test_the_register_forms_inside_a_candidate_are_those_a_scan_finds(seed):
    rng = random.Random(seed)
    matches = [Match(a, b, f"form{n}") for n, (a, b) in enumerate(random_ranges(rng, 80)) if b > a]
    matches.sort(key=lambda m: (m.end, rng.random()))        # as the automaton gives them: by end
    block = SimpleNamespace(matches=matches, memo={})
    for _ in range(200):
        a = rng.randrange(0, 400)
        b = a + rng.randrange(1, 50)
        scan = {m.form for m in matches if a <= m.start and m.end <= b}
        assert {m.form for m in resolve._matches_within(block, a, b)} == scan


@pytest.mark.parametrize("seed", range(3))
def test_brackets_before_a_position_are_counted_as_before(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("ab ()[]1") for _ in range(500))
    for pos in range(0, 501, 7):
        before = text[:pos]
        plain = before.count("(") > before.count(")") or before.count("[") > before.count("]")
        assert dates_find._in_parentheses(text, pos) == plain


def random_block(rng: random.Random) -> etree._Element:
    """A paragraph of words with some markup already in it (nested, adjacent, with tails)."""
    p = etree.Element("p")
    p.text = "".join(rng.choice("abc ") for _ in range(rng.randrange(0, 40)))
    for _ in range(rng.randrange(0, 6)):
        el = etree.SubElement(p, rng.choice(["hi", "persName"]))
        el.text = "".join(rng.choice("xyz ") for _ in range(rng.randrange(0, 12)))
        if rng.random() < 0.4:
            inner = etree.SubElement(el, "hi")
            inner.text = "".join(rng.choice("uv") for _ in range(rng.randrange(0, 5)))
            inner.tail = "".join(rng.choice("uv ") for _ in range(rng.randrange(0, 5)))
        el.tail = "".join(rng.choice("abc ") for _ in range(rng.randrange(0, 40)))
    return p


def random_spans(rng: random.Random, length: int) -> list[tuple[int, int]]:
    cuts = sorted(rng.sample(range(length + 1), min(length + 1, rng.randrange(0, 16))))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]


def apply(block: etree._Element, todo: list, segs) -> list[bool]:
    done = []
    for kind, a, b in todo:
        if kind == "wrap":
            done.append(spans.wrap(block, a, b, "date", segs=segs) is not None)
        else:
            done.append(spans.insert(block, a, etree.Element("gap"), segs))
    return done


def changes_of(rng: random.Random, block: etree._Element, apart: bool) -> list:
    """Wraps and inserts from right to left; *apart*: no insert inside or at the edge of a wrap
    (as the passes write them: changes that do not overlap)."""
    length = len(spans.text_of(block))
    wraps = random_spans(rng, length)
    points = [p for p in rng.sample(range(length + 1), min(4, length + 1))
              if not apart or not any(a <= p <= b for a, b in wraps)]
    return sorted([("wrap", a, b) for a, b in wraps] + [("insert", p, p) for p in points],
                  key=lambda c: (c[1], c[2]), reverse=True)


def written_both_ways(seed: int, apart: bool, other_segs):
    """The block of *seed* with its changes written through spans.segments (the strings cut
    written at the end) and through *other_segs(block)*; their results and trees."""
    rng = random.Random(seed)
    block = random_block(rng)
    todo = changes_of(rng, block, apart)
    one, other = etree.fromstring(etree.tostring(block)), etree.fromstring(etree.tostring(block))
    with spans.segments(one) as segs:
        done_one = apply(one, todo, segs)
    done_other = apply(other, todo, other_segs(other))
    return block, (done_one, etree.tostring(one), one), (done_other, etree.tostring(other))


@pytest.mark.parametrize("seed", range(40))
def test_the_strings_cut_written_at_the_end_give_the_tree_written_at_once(seed):
    """Against the same segments written into the tree at each change (a plain list of them)."""
    _, (done, xml, _), other = written_both_ways(seed, False, spans._segments)
    assert (done, xml) == other


@pytest.mark.parametrize("seed", range(40))
def test_changes_apart_written_with_one_set_of_segments_are_those_written_one_by_one(seed):
    """Against each change reading the block again."""
    block, (done, xml, one), other = written_both_ways(seed, True, lambda block: None)
    assert (done, xml) == other
    assert spans.raw_text_of(one) == spans.raw_text_of(block)        # no character lost or doubled


@pytest.mark.parametrize("seed", range(5))
def test_the_clause_before_a_mark_is_read_from_its_last_characters_only(seed):
    """inline.clause_before reads back at most its limit for the sentence's start; the plain
    formulation scans the whole block before each colon and quotation mark."""
    from edition.quotes import inline

    rng = random.Random(seed)
    text = "".join(rng.choice(["word ", "a. ", "Mr. ", "end. ", "why? ", "x", "(", "! "]) for _ in range(400))
    for k in range(0, len(text), 13):
        for limit in (None, 5, 40, inline.CLAUSE_MAX):
            start = inline.sentence_start(text, k)
            plain = text[start if limit is None else max(start, k - limit):k]
            assert inline.clause_before(text, k, limit) == plain, (k, limit)


@pytest.mark.parametrize("seed", range(5))
def test_enough_words_after_a_colon_are_counted_as_in_the_whole_rest(seed):
    from edition.quotes import cues, inline

    rng = random.Random(seed)
    text = "".join(rng.choice(["word ", "don't ", "--- ", "x", "12 ", "  ", "north-east "]) for _ in range(300))
    for start in range(0, len(text), 17):
        for end in (start, start + 30, len(text)):
            for n in (1, 8, 40):
                assert inline._words_at_least(text, start, end, n) == (len(cues.words(text[start:end])) >= n)


@pytest.mark.parametrize("seed", range(5))
def test_the_words_of_any_part_are_counted_as_a_scan_of_that_part_counts_them(seed):
    from edition.quotes import cues, inline

    rng = random.Random(seed)
    text = "".join(rng.choice(["Word", " ", "d'", "-", "'", "x", "7", "Ab-c", ". ", "--", "é"]) for _ in range(250))
    words = inline._Words(text)
    for start in range(0, len(text) + 1, 3):
        for end in range(start, min(len(text), start + 40) + 1, 5):
            assert words.count(start, end) == len(cues.words(text[start:end])), (start, end)
