"""One reading per document: a word read as a name somewhere is a name wherever it stands.

In a damaged text, the truecaser may capitalise "ethered" in one sentence and leave it in
the next. A word that is no English word, capitalised at least once where no sentence
starts, and left lower case no more often than capitalised, is capitalised wherever the
reading text left it lower case (cert medium).
"""

from __future__ import annotations

from collections import Counter

from .closed import Word
from .damage import capitalised
from .lists import is_english

#: how many lower-case occurrences one capitalised occurrence outweighs
MAX_LOWER_PER_CAPITAL = 2


def one_reading(blocks_words: list[list[Word]]) -> int:
    """Capitalise, in place, the occurrences a document reads two ways; how many changed."""
    capital, lower = Counter(), Counter()
    for words in blocks_words:
        for w in words:
            if w.name:
                continue
            if not w.form[:1].isupper():               # Word.capital
                lower[w.text] += 1
            elif not w.sentence_start and w.form == capitalised(w.text):
                capital[w.text] += 1
    names = {word for word, n in capital.items()
             if lower[word] <= MAX_LOWER_PER_CAPITAL * n and not is_english(word)}
    changed = 0
    for words in blocks_words:
        for w in words:
            if w.text in names and not w.name and not w.capital:
                w.form, w.source, w.cert = capitalised(w.form), "document", "medium"
                changed += 1
    return changed
