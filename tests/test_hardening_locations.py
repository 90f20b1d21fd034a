"""The diagnostics of ``edition build`` point into the file the build writes, not into the
``build/NAME.xml`` a previous build left on disk (issue 8, item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition.cli import cli
from edition_helpers import make_edition

REPO = Path(__file__).resolve().parents[1]
TEXT = ("mary seacole sailed from kingston to london in 1854.\n\n== crimea ==\n\n"
        "she opened the british hotel near balaclava in 1855.\n")
#: a rule that fails on every section heading, so that the converted text is invalid
RULE = ('<pattern id="test-every-head"><rule context="tei:text//tei:head">'
        '<assert id="test-head" test="false()">a heading</assert></rule></pattern>\n</schema>')


@pytest.fixture
def edition_dir(tmp_path, monkeypatch):
    root = make_edition(tmp_path / "ed", {"seacole.txt": TEXT})
    sch = root / "schema" / "edition.sch"
    sch.write_text(sch.read_text().replace("</schema>", RULE, 1))
    monkeypatch.chdir(root)
    return root


def reported(output: str) -> tuple[int, int]:
    (m,) = re.findall(r"seacole\.xml:(\d+):(\d+): error: a heading", output)
    return int(m[0]), int(m[1])


def text_at(path: Path, line: int, column: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1:]


def test_locations_come_from_the_file_being_written(edition_dir):
    first = CliRunner().invoke(cli, ["build", "--no-pdf"])
    assert first.exit_code == 1, first.output
    written = edition_dir / "build" / "seacole.xml"
    line, column = reported(first.output)
    assert text_at(written, line, column).startswith("<head")
    # the previous output, edited out of shape: every line indented further, two lines more
    stale = written.read_text(encoding="utf-8").splitlines()
    written.write_text("\n".join([stale[0], "<!-- stale -->", "<!-- stale -->"]
                                 + ["       " + ln for ln in stale[1:]]) + "\n", encoding="utf-8")
    second = CliRunner().invoke(cli, ["build", "--no-pdf"])
    assert second.exit_code == 1, second.output
    assert reported(second.output) == (line, column)
    assert text_at(written, line, column).startswith("<head")
