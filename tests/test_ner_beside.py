"""Issue 13: a long text with capitals has the recogniser's work shared with a process beside the
conversion (edition.ner.beside, edition.ner.sidecar): the child answers the blocks from the last,
the conversion takes them from the first, and the TEI is the same bytes as without the child, when
the child answers, when it cannot start and when it dies. The text is six public-domain excerpts
(bench/data/prose: Pepys, Crèvecœur, Mungo Park, the Anglo-Saxon Chronicle, Tagore, Washington)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from edition import child, config as config_mod, pipeline, xmlio
from edition.ner import beside
from edition.ner.recognise import mentions
from edition.truecase.beside import Sidecar

from edition_helpers import make_edition

PROSE = Path(__file__).resolve().parents[1] / "bench" / "data" / "prose"

pytestmark = pytest.mark.skipif(not beside.usable(), reason="needs two CPUs")


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    root = make_edition(tmp_path_factory.mktemp("prose") / "ed")
    return config_mod.load(root)


@pytest.fixture(scope="module")
def text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(PROSE.glob("*.txt")))


@pytest.fixture(scope="module")
def alone(edition, text) -> bytes:
    return xmlio.serialize(pipeline.convert(text, edition, "prose", out_dir=edition.root / "build"))


def _convert(edition, text, recogniser) -> bytes:
    return xmlio.serialize(pipeline.convert(text, edition, "prose", out_dir=edition.root / "build",
                                            recogniser=recogniser))


def test_the_blocks_found_beside_make_the_same_tei(edition, text, alone, monkeypatch):
    taken = []
    real = beside.Answers.get
    monkeypatch.setattr(beside.Answers, "get", lambda self, i, t: taken.append(i) or real(self, i, t))
    assert len(text) >= beside.LEAST
    with beside.Recogniser() as recogniser:
        assert _convert(edition, text, recogniser) == alone
        assert _convert(edition, text, recogniser) == alone          # a second text, the same child
    assert len(taken) > 50


def test_without_the_child_or_when_it_dies_the_tei_is_the_same(edition, text, alone):
    silent = beside.Recogniser(argv=[sys.executable, "-c", "import sys; sys.stdin.readline()"])
    with silent:
        assert _convert(edition, text, silent) == alone
    gone = beside.Recogniser(argv=[sys.executable, "-c", "pass"])
    with gone:
        assert _convert(edition, text, gone) == alone


def test_a_short_text_or_one_without_capitals_starts_no_child(edition, text):
    with beside.Recogniser() as recogniser:
        assert not recogniser.start(beside.LEAST - 1) and recogniser.proc is None
        with Sidecar() as truecaser:                # the truecaser's process takes the other core
            pipeline.convert(text.lower(), edition, "prose", out_dir=edition.root / "build",
                             truecaser=truecaser, recogniser=recogniser)
        assert recogniser.proc is None


def test_the_child_answers_from_the_last_block_and_stops_when_told(text):
    blocks = [b for b in text.split("\n\n") if b.strip()]
    named = next(b for b in blocks if mentions(b, True))
    blocks = [b for b in blocks if b is not named] * 3 + [named]      # the last block has names
    proc = child.start([sys.executable, "-m", "edition.ner.sidecar"], stdin=subprocess.PIPE,
                       stdout=subprocess.PIPE, text=True)
    try:
        proc.stdin.write(json.dumps({"request": 7, "cased": True, "texts": blocks}) + "\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())
        proc.stdin.write(json.dumps({"stop": 7}) + "\n")
        proc.stdin.write(json.dumps({"request": 8, "cased": True, "texts": blocks[:2]}) + "\n")
        proc.stdin.flush()
        later = []
        while {(8, 0), (8, 1)} - set(later):
            answer = json.loads(proc.stdout.readline())
            later.append((answer["request"], answer["text"]))
    finally:
        child.kill_group(proc)
    assert (first["request"], first["text"]) == (7, len(blocks) - 1)
    expected = [[m.start, m.end, m.kind, m.score] for m in mentions(blocks[-1], True)]
    assert first["mentions"] == expected and expected
    assert len(later) < len(blocks) - 1                 # request 7 was not answered to its end
    assert later[-2:] == [(8, 1), (8, 0)]
