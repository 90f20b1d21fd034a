"""Truecasing: the capitals of a text that lost them (lowercased, non-ASCII letters deleted).

:func:`recase` is the one entry point; the model is :mod:`.model` (a CRF over :mod:`.features`,
trained by :mod:`.train`), loaded lazily, once per process.
"""

from __future__ import annotations


def recase(text: str) -> list[tuple[int, int, str, float]]:
    """For a block of lowercased text (a paragraph or a heading), the words whose cased form
    differs from the text: (start, end, form, probability), offsets into *text*.

    The block's first word begins a sentence, and so does the first word after ``.``, ``!`` or
    ``?`` (not after an abbreviation or initial such as ``mr.``, ``st.``, ``e.g.``, ``j.``,
    ``no.``: there the model decides). A form only adds capitals: a word that has any in *text*
    is left as it is, and a form is as long as its word (hyphenated words are cased part by part:
    ``Austro-Hungarian``, ``non-European``). The probability is the model's marginal probability
    of the casing it chose (for a rule's casing, of a capital at all; see :mod:`.model`); words
    are given capitals from the model's tuned threshold on, so some come with less than 0.5.
    With no model (``$EDITION_TRUECASE_MODEL`` names a file
    that does not exist) the rules alone give sentence starts and the pronoun ``I``, probability
    1.0. Never raises on a string; anything else gives ``[]``.
    """
    if not isinstance(text, str) or not text:
        return []
    from .model import cased_words

    return [(s, e, form, p) for s, e, word, form, p in cased_words(text)
            if form != word and word == word.lower()]
