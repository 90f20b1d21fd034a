"""Issue 13: a long text that lost its capitals is recased in a child process beside its
conversion (edition.truecase.beside, edition.truecase.sidecar), with the same results and the
same bytes as in the conversion's own process, and no process left behind, whatever happens to
the child. The texts are invented, lowercased, from outside the bundled edition's world: a ship's
log of the 1760s and a diary kept in Kyoto."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from edition import config as config_mod
from edition import pipeline, truecase
from edition.build import Builder, BuildOptions
from edition.outputs import OutputFolder
from edition.truecase import beside
from edition.truecase.beside import Sidecar
from edition.xmlio import serialize
from edition_helpers import make_edition

LOG = [
    "wednesday 14th. fresh gales and cloudy. at noon the master sent the long boat ashore at funchal "
    "for water and wine; mr. pickersgill went with her.",
    "thursday 15th. light airs. the carpenter mended the pinnace.at six we weighed and stood out of "
    "the road of madeira, the island bearing n.e. by e. 4 leagues.",
    "saturday 17th. moderate and fair. saw a sail to the westward, which proved to be a portuguese "
    "snow bound for lisbon from rio de janeiro.",
]
DIARY = [
    "the fourth day of the eighth month. rain in the morning; by noon it cleared and i walked with "
    "okada to the gion shrine, where the lanterns were being hung for the festival.",
    "we ate eels at a shop by the kamo river. okada says the shogun's envoy will reach kyoto "
    "before the moon is full.",
]


def _log_text(days: int) -> str:
    """A ship's log of *days* entries, lowercased like the damaged sources."""
    winds = ("fresh gales", "light airs", "moderate breezes", "squally with rain", "calm")
    works = ("the sailmaker repaired the foresail", "served out fresh beef to the people",
             "the carpenter caulked the waist", "punished john thurman with 12 lashes for neglect",
             "mr. banks went in the boat to shoot birds")
    lines = ["journal of his majesty's bark endeavour, 1768", ""]
    for n in range(days):
        lines += [f"day {n + 1}. {winds[n % 5]} and cloudy. {works[n % 5]}.at noon lat. {20 + n % 9} "
                  f"s., the peak of tenerife bearing n.w. {n % 7 + 2} leagues; sounded, no ground.", ""]
    return "\n".join(lines)


def _convert(config, text: str, truecaser=None) -> bytes:
    return serialize(pipeline.convert(text, config, "log", truecaser=truecaser))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.fixture
def local_calls(monkeypatch):
    """How often the conversion's own process recases a text."""
    calls = []
    real = truecase.recase
    monkeypatch.setattr(truecase, "recase", lambda text: calls.append(text) or real(text))
    return calls


def test_the_childs_answers_are_what_recase_returns():
    texts = LOG + DIARY + ["", "i.", "the hms dolphin at st. helena"]
    with Sidecar(least=0) as side:
        answers = side.submit(texts)
        assert answers is not None and side.proc is not None
        pid = side.proc.pid
        for text in texts:
            got, want = answers.get(text), truecase.recase(text)
            assert got == want
            assert all(type(g) is tuple and type(g[3]) is type(w[3]) for g, w in zip(got, want))
        assert answers.get("a text never asked about") is None
    assert _gone(pid)


def test_a_long_text_is_recased_beside_with_the_same_bytes(config, local_calls):
    text = _log_text(220)
    assert len(text) > beside.LEAST
    inside = _convert(config, text)
    assert local_calls, "the conversion without a child recases by itself"
    local_calls.clear()
    with Sidecar() as side:
        worked = _convert(config, text, side)
        pid = side.proc.pid
    assert not local_calls, "every block's results came from the child"
    assert worked == inside
    assert _gone(pid)


def test_a_short_or_cased_text_starts_no_process(config):
    with Sidecar() as side:
        _convert(config, "\n\n".join(DIARY))
        _convert(config, "\n\n".join(DIARY), side)
        assert side.proc is None and side._thread is None
    with Sidecar(least=0) as side:
        _convert(config, "Captain Wallis anchored in Matavai Bay on 24 June 1767.\n", side)
        assert side.proc is None


@pytest.mark.parametrize("argv", [
    ["/nonexistent/python3"],                                                   # cannot start
    [sys.executable, "-c", "pass"],                                             # ends at once
    [sys.executable, "-c", "import sys; sys.stdin.readline(); "                 # answers nonsense
     "print('{\"ok\": true, \"size\": 4}'); print('[1]')"],
    [sys.executable, "-c", "import json; print(json.dumps({'ok': False, 'error': 'x'}))"],
])
def test_a_child_that_fails_gives_the_same_bytes(config, argv):
    text = "\n\n".join(LOG + DIARY)
    inside = _convert(config, text)
    with Sidecar(least=0, argv=argv) as side:
        assert _convert(config, text, side) == inside
        proc = side.proc
    assert proc is None or proc.poll() is not None


def test_a_child_killed_midway_gives_the_same_bytes(config, local_calls):
    text = "\n\n".join(LOG + DIARY)
    inside = _convert(config, text)
    local_calls.clear()
    side = Sidecar(least=0)
    submit = side.submit

    def submit_then_kill(texts):
        answers = submit(texts)
        os.killpg(side.proc.pid, signal.SIGKILL)
        return answers
    side.submit = submit_then_kill
    try:
        assert _convert(config, text, side) == inside
        assert local_calls, "the texts the dead child did not answer are recased here"
    finally:
        side.close()


def test_a_silent_child_is_ended_and_the_conversion_goes_on(config, monkeypatch):
    monkeypatch.setattr(beside, "WAIT", 0.5)
    text = "\n\n".join(DIARY + LOG)
    inside = _convert(config, text)
    with Sidecar(least=0, argv=[sys.executable, "-c", "import time; time.sleep(60)"]) as side:
        pid = None
        submit = side.submit

        def keep_pid(texts):
            nonlocal pid
            answers = submit(texts)
            pid = side.proc.pid
            return answers
        side.submit = keep_pid
        assert _convert(config, text, side) == inside
        assert side.proc is None, "the silent child was ended when the wait ran out"
    assert pid is not None and _gone(pid)


def test_a_closed_sidecar_recases_nothing_beside(config):
    side = Sidecar(least=0)
    side.close()
    assert side.submit(LOG) is None and side.proc is None


def _build(root, out, truecase_process: bool):
    options = BuildOptions(out_dir=out, pdf=False, search=False, validate=False, saxon_process=False,
                           truecase_process=truecase_process)
    builder, pids = Builder(config_mod.load(root), options), []
    try:
        with OutputFolder(out) as folder:
            for source in sorted((root / "source").glob("*.txt")):
                assert builder.build_one(source, folder).ok
                if builder.truecaser is not None and builder.truecaser.proc is not None:
                    pids.append(builder.truecaser.proc.pid)
    finally:
        builder.close()
    return {p.name: p.read_bytes() for p in out.glob("*.xml")}, pids


def test_a_one_process_build_keeps_one_truecaser_and_ends_it(tmp_path):
    root = make_edition(tmp_path / "ed", {"log-1768.txt": _log_text(220), "log-1769.txt": _log_text(230)})
    assert not BuildOptions(out_dir=tmp_path).for_worker().truecase_process
    beside_out, pids = _build(root, tmp_path / "beside", True)
    inside_out, none = _build(root, tmp_path / "inside", False)
    assert len(pids) == 2 and len(set(pids)) == 1, "one child serves both texts"
    assert not none
    assert beside_out == inside_out and len(beside_out) == 2
    assert _gone(pids[0])
