"""Decide which quoted spans of a block give someone's words, and find colon-introduced ones.

Each decision is made from general cues, not from what the words are:

* a name, title or label cue just before the opening mark (``the name "..."``,
  ``titled "..."``, ``the newspaper "..."``, a determiner: ``a "judas"``), or an
  opening bracket a few words before (a translation or gloss: ``pero ("feather")``,
  ``(a.k.a. "the august bloc")``) -> not a quotation;
* a speech or writing cue in the clause before the quotation (``wrote``,
  ``said``, ``accused him of``, ``the slogan of``, ``according to``), right after
  it (``," they warned``), or a colon just before it -> a quotation, if it has at
  least :data:`MIN_WORDS_CUED` words;
* no cue, but the quoted text reads as sentences (at least
  :data:`MIN_WORDS_SENTENCE` words, ending in or containing sentence punctuation)
  -> a quotation, less certain.

A single word is never taken (quoted insults are optional in the conventions).

Each quotation found is an :class:`~edition.selection.Span` of kind "quote" whose
``source`` says how it was found ("inline" or "colon") and whose ``data`` is the
offset where its introducing clause ends (for attribution and the first-person test).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from ..selection import RangeIndex, Span, select
from . import cues
from .marks import QuotedSpan, quoted_spans

MIN_WORDS_CUED = 2
MIN_WORDS_SENTENCE = 6
#: how far back (characters) the clause before a quotation is searched for cues
CLAUSE_MAX = 240
#: words after the closing mark searched for a speech verb ("..., they warned me")
AFTER_WORDS = 3
#: a quotation opening at most this many words after "(" is a gloss or translation
GLOSS_WORDS = 3
#: a quotation after a colon inside a paragraph has at least this many words
COLON_MIN_WORDS = 8

SENTENCE_END = re.compile(r"[.!?](?=\s|[a-z\"'(])")
ABBREVIATION = re.compile(r"(?:^|[\s(.])[a-z]\.$")
SENTENCE_PUNCT = re.compile(r"[.!?;]")


def sentence_start(text: str, k: int, since: int = 0) -> int:
    """Offset where the sentence holding offset *k* begins (*since*: or *since*, when it begins
    before: a sentence end is one character, so those after *since* are found from there)."""
    start = since
    for m in SENTENCE_END.finditer(text, since, k):
        if ABBREVIATION.search(text[max(0, m.start() - 2):m.start() + 1]):
            continue
        start = m.end()
    return start


def clause_before(text: str, k: int, limit: int | None = CLAUSE_MAX) -> str:
    """The text from the start of the sentence to *k* (at most *limit* characters). Only the
    last *limit* characters are read for the sentence's start (a long block has many clauses)."""
    if limit is None:
        return text[sentence_start(text, k):k]
    return text[max(sentence_start(text, k, max(0, k - limit - 1)), k - limit):k]


def _label_cue(before: str) -> bool:
    bracket = before.rfind("(")
    if bracket >= 0 and ")" not in before[bracket:] and len(cues.words(before[bracket:])) <= GLOSS_WORDS:
        return True                                   # a gloss: pero ("feather"), (a.k.a. "...")
    tail = re.split(r"[,;:.!?()\[\]]", before)[-1]    # words since the last punctuation
    tokens = cues.words(tail)[-3:]
    if not tokens:
        return False
    if tokens[-1] in cues.LABEL_CUES or cues.has_phrase(tokens, cues.LABEL_PHRASES):
        return True
    return any(t in cues.DETERMINERS for t in tokens[-2:])


def _speech_after(text: str, end: int) -> bool:
    tokens = cues.words(text[end:end + 60])[:AFTER_WORDS]
    return any(t in cues.SPEECH_VERBS for t in tokens)


def _words_at_least(text: str, start: int, end: int, n: int) -> bool:
    """``len(cues.words(text[start:end])) >= n``, from the words of the whole text found once
    (:class:`_Words`): each colon of a long block used to count the words of all the rest."""
    words = _words(text)
    if words.low is None:                   # lowercasing changed the length: count as it says
        return len(cues.words(text[start:end])) >= n
    return words.count(start, end) >= n


class _Words:
    """Where :data:`cues.WORD` matches in a text (lowercased), to count the words of any part:
    those that begin in it, and the one cut at its start if something of it is left."""

    def __init__(self, text: str):
        low = text.lower()
        self.low = low if len(low) == len(text) else None
        found = list(cues.WORD.finditer(low)) if self.low is not None else []
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]

    def count(self, start: int, end: int) -> int:
        if end <= start:
            return 0
        first = bisect_left(self.starts, start)
        n = bisect_left(self.starts, end) - first
        if first and self.ends[first - 1] > start:        # a word cut at the start
            n += bool(_ALNUM.search(self.low, start, min(self.ends[first - 1], end)))
        return n


_ALNUM = re.compile(r"[a-z0-9]")


@functools.lru_cache(maxsize=8)             # the blocks being read (threads may convert at once)
def _words(text: str) -> _Words:
    return _Words(text)


def _reads_as_sentence(inside: str) -> bool:
    n = len(cues.words(inside))
    return n >= MIN_WORDS_SENTENCE and bool(SENTENCE_PUNCT.search(inside.strip()[-1:] + inside[:-1]))


def judge(text: str, span: QuotedSpan) -> str | None:
    """The certainty with which *span* of *text* is a quotation of someone's words, or None."""
    inside = text[span.start:span.end]
    n = len(cues.words(inside))
    if n < MIN_WORDS_CUED:
        return None
    before = text[:span.open]
    if _label_cue(before[-60:]):
        return None
    cued = (cues.speech_cue(clause_before(text, span.open)) or _speech_after(text, span.close + 1)
            or before.rstrip().endswith(":"))
    if cued:
        return "high" if n >= 4 else "medium"
    if _reads_as_sentence(inside):
        return "medium"
    return None


def inline_quotations(text: str) -> list[Span]:
    """Quoted spans of *text* that give someone's words (the text inside the marks)."""
    found = []
    for span in quoted_spans(text):
        cert = judge(text, span)
        if cert:
            start, end = span.start, span.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            found.append(Span(start, end, "quote", "inline", cert, data=span.open))
    return select(found)          # quoted spans nest or follow one another: the outermost win


def colon_quotation(text: str) -> Span | None:
    """A quotation that runs from a colon inside the block to its end, or None.

    Either the colon is glued to the next word (``he wrote:we began``: a block
    quotation whose line break was lost), or the clause before the colon reports
    speech (``the following statement ...: the autocracy ...``). The rest of the
    block must not itself start with a quotation mark (that one is an inline quote),
    must have :data:`COLON_MIN_WORDS` words, and the colon must not announce a list.
    """
    quoted = RangeIndex((s.open, s.close + 1) for s in quoted_spans(text))
    end = len(text.rstrip())
    for m in re.finditer(r":", text):
        k = m.start()
        if quoted.overlaps(k, k + 1) or k + 1 >= end:
            continue
        rest_start = k + 1
        while rest_start < end and text[rest_start].isspace():
            rest_start += 1
        if rest_start >= end or text[rest_start] in "\"'" or not _words_at_least(text, rest_start, end,
                                                                              COLON_MIN_WORDS):
            continue
        intro = clause_before(text, k)
        if cues.announces_list(intro):
            continue
        glued = k > 0 and text[k - 1].isalpha() and text[k + 1].isalpha()
        spoken = cues.speech_cue(intro)
        if not (glued or spoken):
            continue
        if not spoken and not _reads_as_sentence(text[rest_start:end]):
            continue
        return Span(rest_start, end, "quote", "colon", "high" if spoken else "medium", data=k)
    return None
