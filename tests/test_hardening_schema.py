"""An edition whose own schema files are broken gets one clear line, not a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from edition.cli import cli
from edition_helpers import make_edition


@pytest.mark.parametrize("name,damage", [
    ("edition.sch", lambda s: s.replace("<pattern ", "<pattern><bogus/></pattern><pattern ", 1)),
    ("edition.rng", lambda s: s.replace("<define ", "<define><bogus/></define><define ", 1)),
    ("edition.sch", lambda s: s[: len(s) // 2]),
])
def test_a_broken_schema_is_one_line(tmp_path, monkeypatch, name, damage):
    root = make_edition(tmp_path / "ed", {"lima.txt": "Mr. Trelawny reached Lima in 1830.\n"})
    path = root / "schema" / name
    path.write_text(damage(path.read_text()))
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build", "--no-pdf"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(str(path)), result.output
