"""Word tables that decide whether quoted text gives someone's words.

All entries are lower case, as the tokens of :func:`words` are. A cue is a
single word; multi-word cues are tuples of words matched in sequence.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")

#: verbs (all forms used) that report speech or writing
SPEECH_VERBS = frozenset("""
    say says said saying write writes wrote writing written declare declares declared declaring
    explain explains explained explaining argue argues argued arguing respond responds responded
    responding reply replies replied replying comment comments commented commenting stated
    remark remarks remarked noted observed recalled recalls recalling added insisted insists
    proclaim proclaims proclaimed announce announces announced warn warns warned warning tell
    tells told ask asks asked answer answers answered testify testifies testified testifying
    admit admits admitted conceded complained complains concluded concludes claimed claims
    describe describes described describing depict depicts depicted depicting denounce
    denounces denounced denouncing accuse accuses accused accusing criticised criticized
    exclaimed cried shouted remind reminds reminded urged quipped quoted quoting mocked
    thanked summarised summarized speaking spoke speaks
""".split())

#: nouns that name something said or written
SPEECH_NOUNS = frozenset("""
    speech speeches statement statements words saying slogan letter declaration proclamation
    remark remarks reply testimony message telegram appeal motto dictum address
    manifesto verdict
""".split())

#: multi-word cues that attribute words to someone
SPEECH_PHRASES = (
    ("according", "to"), ("in", "the", "words", "of"), ("to", "the", "effect", "that"),
    ("sums", "up"), ("summed", "up"), ("sum", "up"), ("put", "it"), ("the", "following"),
)

#: words just before an opening mark that make the quoted text a name, title or label
LABEL_CUES = frozenset("""
    name named names titled entitled so-called called nicknamed dubbed pseudonym pseudonyms
    term word newspaper paper journal magazine review book books pamphlet article essay poem
    novel play film work works resolution document foundation center centre organisation
    organization group faction party platform bloc
""".split())

#: multi-word label cues ("known as", "pen name")
LABEL_PHRASES = (("known", "as"), ("pen", "name"), ("under", "the", "name"), ("so", "called"))

#: a determiner right before the opening mark makes the quote a noun-phrase label
DETERMINERS = frozenset("a an the his her their its this these those our my your".split())

#: a person named right after one of these is not the subject of the sentence ("like lenin, he ...")
PREPOSITIONS = frozenset("""
    like unlike with to of by for against from about than toward towards at on upon into onto
    between among amongst despite beside besides including except via
""".split())

#: first-person pronouns: a paragraph full of them is someone speaking
FIRST_PERSON = frozenset("i me my myself mine we us our ours ourselves".split())

#: number words that announce a list ("three areas:")
NUMBER_WORDS = frozenset("""
    two three four five six seven eight nine ten eleven twelve several following
""".split())


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def has_phrase(tokens: list[str], phrases) -> bool:
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(tokens[i:i + n]) == phrase for i in range(len(tokens) - n + 1)):
            return True
    return False


def speech_cue(text: str) -> bool:
    """Does *text* (usually the clause before a quotation) report speech or writing?"""
    tokens = words(text)
    return (any(t in SPEECH_VERBS or t in SPEECH_NOUNS for t in tokens)
            or has_phrase(tokens, SPEECH_PHRASES))


def announces_list(intro: str) -> int:
    """How many items a colon line announces: N for "three areas:", 2 for "the following works:", 0 if none.

    The intro must end in a number word, an optional adjective and a plural noun
    ("in three areas", "the following key works"); "the following statement" (a
    speech noun) announces a quotation, not a list.
    """
    tokens = words(intro)
    if not tokens:
        return 0
    noun = tokens[-1]
    if noun in SPEECH_NOUNS or not noun.endswith("s") or noun.endswith("ss"):
        return 0
    for number in tokens[-3:-1]:
        if number in NUMBER_WORDS or number.isdigit():
            return _count(number)
    return 0


def _count(word: str) -> int:
    table = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve"
                                        .split())}
    if word.isdigit():
        return int(word)
    return table.get(word, 2)
