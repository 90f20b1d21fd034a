"""The dates finder tries each expression only where it can begin (edition.dates.patterns.STARTS):
the candidates are those of the whole scan, on texts with dates in many forms."""

import re

from hypothesis import given, settings, strategies as st

from edition.dates import find
from edition.dates import patterns as P

#: dates in many forms, from texts far from the bundled one (Meiji Japan, the Mughal court,
#: colonial Brazil, the Andes, West Africa), with lead words inside other words ("amid", "nearly")
TEXTS = [
    "The embassy left Yokohama on 23 December 1871 (o.s. 11 december 1871) and reached Washington in late February; "
    "it sailed again in mid-July 1872 (o.s. 10 july 1872) and was home by September 13, 1873.",
    "Akbar's court moved to Fatehpur Sikri in the 1570s, early in the sixteenth century's last "
    "quarter; the Jesuits arrived in spring 1580, and left amid the summer of 1583.",
    "At Olinda, this 4th day of July, A.D. 1630, the Dutch landed; from December to March the "
    "siege went on, and on March 3d the town fell. Christmas Day 1630 was quiet.",
    "Túpac Amaru II rose in November 1780 [old style 4 november 1780] and was taken in April and "
    "May 1781; 6,000 men marched 300 miles; see p. 1781 and No. 1780 of the register.",
    "MANSA MUSA REACHED CAIRO IN JULY 1324 AND LEFT IN THE MIDDLE OF 1325; NEARLY 1324 PEOPLE "
    "WENT WITH HIM, IN THE 14TH CENTURY, DURING THE WINTER OF 1324-25.",
    "kilwa was sacked in july 1505, late in the year; the fort stood until 1512 and from "
    "1512-1513; in mayjune 1513 and during most of august the rains came. 1522 vyse avenue.",
    # long s and the other letters a case-insensitive pattern takes for ASCII letters
    "Auguſt 1623, ſummer 1624, İn March 1625, the \u212aing's 12 \u212aalends; Decemb. 1626.",
    # digits of other scripts, which the patterns' \d reads as digits
    "\u0661\u0668\u0665\u0667 and 3 \u0645\u0627\u064a\u0648 1857 and in may \u0661\u0668\u0665\u0668.",
]


def same_candidates(text: str) -> list:
    full = find._candidates(text, full_scan=True)
    fast = find._candidates(text)
    assert repr(fast) == repr(full), text
    return full


def test_the_scan_from_the_starts_finds_what_the_whole_scan_finds():
    found = set()
    for text in TEXTS:
        for variant in (text, text.lower(), text.upper(), text.title()):
            found.update(c.source for c in same_candidates(variant))
    # every expression matched somewhere, so each one's starts were put to the test
    assert found == {name for name, *_ in P.EXPRESSIONS}


def test_the_dates_of_a_pass_are_those_of_the_whole_scan():
    finder = find.DateFinder()
    for text in TEXTS:
        found = finder.scan(text)
        assert found and all(text[d.start:d.end] == d.text for d in found)


def test_every_expression_says_where_it_begins():
    assert set(P.STARTS) == {name for name, *_ in P.EXPRESSIONS}
    for numbers, anywhere, at_word in P.STARTS.values():
        assert numbers or anywhere or at_word
        assert all(w.isascii() and w.isalpha() and w.islower() for w in (*anywhere, *at_word))


FRAGMENTS = st.sampled_from([
    " ", "  ", "\n", ",", ".", "-", "(", ")", "[", "]", "'", "’s", "/", "a.d. ", "o.s. ", "old style ",
    "1", "12", "3d", "21st", "1066", "1788", "1914-18", "190407", "1850s", "٢", "x",
    "may", "MAY", "March", "sept.", "Dec", "jun", "ſeptember", "İn", "\u212a",
    "early", "mid", "Middle of", "late", "end of", "spring", "fall", "winter",
    "in", "on", "by", "until", "most of", "christmas", "new year's day", "twentieth", "centur", "century",
    "and", "to", "through", "amid", "nearly", "people", "no.", "avenue", "julian",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40))
def test_any_mix_of_date_words_gives_the_same_candidates(parts):
    same_candidates("".join(parts))


def test_the_fold_maps_every_character_an_ascii_letter_matches():
    """_FOLD lowercases exactly the characters that a case-insensitive pattern's ASCII letters
    take: A-Z and four others (the long s, the Kelvin sign, the dotted and the dotless I)."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        taken = {m.group() for m in re.finditer(letter, everything, re.IGNORECASE)}
        assert {c.translate(find._FOLD) for c in taken} == {letter}, letter


def test_the_word_before_a_number_is_the_last_run_without_whitespace():
    word_before = re.compile(r"(\S+)\s*$")
    spaces = "".join(chr(c) for c in range(0x3000) if chr(c).isspace())
    for before in ["", "   ", "no.", "see no. ", "page\u00a0", f"vol.{spaces}", f"a{spaces}b{spaces}", "x\n\n"]:
        m = word_before.search(before)
        words = before.rstrip().rsplit(None, 1)
        assert (m.group(1) if m else "") == (words[-1] if words else ""), repr(before)


def test_a_line_with_no_digit_and_no_lead_word_is_not_scanned():
    """Many lines of verse: nothing any expression begins with, so no expression is tried."""
    for line in ("Sweet rose, whose hue, angry and brave", "O Rose, thou art sick.", "ſo ſweet a kiſs"):
        assert find._Starts(line).none() and same_candidates(line) == []
    for line in ("He will not see me stopping here 1", "the woods fill up with snow in", "auguſt"):
        assert not find._Starts(line).none()
