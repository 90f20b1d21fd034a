"""Shared fixtures: the repository, ../shared (skipped when absent) and the bundled edition."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# property tests check invariants, not speed: no per-example deadline (CI machines vary)
settings.register_profile("edition", deadline=None)
settings.load_profile("edition")

from edition import config as config_mod
from edition import pipeline, transform, xmlio

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BUNDLED = REPO / "source" / "leon-trotsky.txt"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"{SHARED} is absent (it holds the evaluation set and tei_all.rng)")
    return SHARED


@pytest.fixture(scope="session")
def config():
    return config_mod.load(REPO)


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return xmlio.read_text(BUNDLED)


@pytest.fixture(scope="session")
def bundled_tree(config, bundled_text):
    """The bundled text converted once for the whole test session (do not modify it)."""
    return pipeline.convert(bundled_text, config, "leon-trotsky")


@pytest.fixture(scope="session")
def bundled_file(tmp_path_factory, bundled_tree) -> Path:
    """The converted bundled text written to a file (as build/ would hold it)."""
    out = tmp_path_factory.mktemp("bundled") / "leon-trotsky.xml"
    xmlio.write_atomic(out, xmlio.serialize(bundled_tree))
    return out


@pytest.fixture(scope="session")
def transformer():
    """One Transformer for the whole session: each stylesheet is compiled once, as in a build."""
    return transform.Transformer()
