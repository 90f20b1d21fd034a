"""Who is quoted: the person named as speaker or writer where a quotation is introduced.

The speaker is the person named (a ``persName`` with ``@ref``, as the names pass
tags them) nearest before the first speech or writing cue of the introducing
clause: "in march 1903 <persName>lenin</persName> wrote:", "<persName>lenin</persName>
sharply criticized trotsky and accused him of ...", "<persName>trotsky</persName>'s
last words were". Persons joined by "and" right before the cue speak together
("karl marx and friedrich engels ... in their address").
"""

from __future__ import annotations

import re

from . import cues

#: multi-word cues whose subject is the speaker ("according to X" names a source, not a subject)
SUBJECT_PHRASES = (("sums", "up"), ("summed", "up"), ("sum", "up"), ("put", "it"))
JOINED = re.compile(r"^\s*(?:,\s*)?and\s*$")


def first_cue(clause: str) -> int | None:
    """Offset in *clause* of its first speech/writing cue with a subject, or None."""
    lowered = clause.lower()
    positions = [m.start() for m in cues.WORD.finditer(lowered)
                 if m.group() in cues.SPEECH_VERBS or m.group() in cues.SPEECH_NOUNS]
    for phrase in SUBJECT_PHRASES:
        k = lowered.find(" ".join(phrase))
        if k >= 0:
            positions.append(k)
    return min(positions) if positions else None


def can_be_subject(clause: str, start: int, end: int) -> bool:
    """A person named at clause[start:end] can be the one who speaks.

    Not after a preposition ("like lenin, he admitted"), and not as a possessive
    unless of something said ("stalin's accusations" no, "trotsky's last words" yes).
    """
    previous = cues.words(clause[:start])[-1:]
    if previous and previous[0] in cues.PREPOSITIONS:
        return False
    if clause[end:end + 2] == "'s":
        following = cues.words(clause[end + 2:end + 40])[:2]
        return any(w in cues.SPEECH_NOUNS for w in following)
    return True


def speakers(clause: str, names: list[tuple[str, int, int]]) -> list[str]:
    """Register ids of the speakers of a quotation introduced by *clause*.

    *names* are (ref, start, end) of the persons named in *clause* (offsets into it).
    """
    cue = first_cue(clause)
    if cue is None:
        return []
    named = sorted((n for n in names if n[2] <= cue), key=lambda n: n[1])
    subjects = [n for n in named if can_be_subject(clause, n[1], n[2])]
    if not subjects:
        return []
    chosen = [subjects[-1]]
    for prev in reversed(named[:named.index(chosen[0])]):
        if JOINED.match(clause[prev[2]:chosen[0][1]]):
            chosen.insert(0, prev)
        else:
            break
    out: list[str] = []
    for ref, _, _ in chosen:
        if ref not in out:
            out.append(ref)
    return out
