"""A small edition folder for the command-line tests: the bundled configuration, schema,
stylesheets and register, and the texts a test gives."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def make_edition(root: Path, texts: dict[str, str] | None = None) -> Path:
    """Fill *root* (created if needed) with an edition: edition.toml, schema/, xslt/ and
    source/ with the register and the lexicon, then ``source/NAME`` for each of *texts*."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "edition.toml", root)
    for folder in ("schema", "xslt"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "source").mkdir()
    for data in ("register.xml", "lexicon.toml"):
        if (REPO / "source" / data).exists():
            shutil.copy(REPO / "source" / data, root / "source")
    for name, text in (texts or {}).items():
        (root / "source" / name).write_text(text)
    return root


def edition_here(tmp_path: Path, monkeypatch, texts: dict[str, str] | None = None) -> Path:
    """An edition made by :func:`make_edition` under *tmp_path*, as the working directory."""
    root = make_edition(tmp_path / "ed", texts)
    monkeypatch.chdir(root)
    return root


def run_cli(*args, catch: bool = False):
    """The ``edition`` command line through click's test runner."""
    from click.testing import CliRunner
    from edition.cli import cli
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=catch)


#: text the stylesheet adds (section numbers) carries class "gen"
NOT_GENERATED = "not(ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' gen ')])"


def norm(text: str) -> str:
    return " ".join(text.split())


def html_text(el, view: str = "diplomatic") -> str:
    """The text of an HTML element in one view: the diplomatic view hides .reg and .gap, the
    reading view .orig (as the page's CSS does); text the stylesheet adds is left out."""
    hidden = "orig" if view == "reading" else "reg gap"
    hide = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in hidden.split())
    return norm("".join(el.xpath(f".//text()[{NOT_GENERATED}][not(ancestor-or-self::*[{hide}])]")))


def with_fake_fop(tmp_path: Path, monkeypatch, script: str, edition: Path) -> Path:
    """*edition* as the working folder, with *script* (formatted with {python}) as the `fop` on PATH."""
    import os
    import sys
    bindir = tmp_path / "bin"
    bindir.mkdir()
    fop = bindir / "fop"
    fop.write_text(script.format(python=sys.executable))
    fop.chmod(0o755)
    monkeypatch.chdir(edition)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    return edition
