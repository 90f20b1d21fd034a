"""is_english_word reads the English list through the recogniser's lexicon: the same words."""

from edition.names.english import _english, is_english_word
from edition.names.resources import english_words
from edition.ner.lexicon import lexicon


def test_the_lexicon_holds_exactly_the_english_list():
    table = lexicon()[0]
    assert {w for w, classes in table.items() if "word" in classes} == english_words()
    english = _english()
    assert all(w in english for w in list(english_words())[:5000])


def test_english_words_and_others():
    for word in ("river", "harvest", "lanterns", "kettles"):
        assert is_english_word(word), word
    for word in ("xqzv", "ouagadougou", "tlaxcala"):
        assert not is_english_word(word), word
