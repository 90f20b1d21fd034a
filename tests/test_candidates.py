"""`edition candidates`: names found by the machine that the register lacks."""

from __future__ import annotations

import json

from click.testing import CliRunner
from lxml import etree

from edition.candidates import suggest
from edition.cli import cli
from names_helpers import FIXTURES, document, small_register, tagged

TEXT = ("father georgi gapon led the march to saint petersburg. later gapon fled. "
        "leon trotsky and the central committee met in paris.")


def _write(tmp_path, root) -> str:
    path = tmp_path / "doc.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return str(path)


def test_suggest_lists_only_names_without_register_entry():
    found = {(s.type, s.name): s for s in suggest(document(TEXT), small_register())}
    assert ("persName", "georgi gapon") in found
    assert ("persName", "gapon") in found
    assert ("orgName", "central committee") in found
    assert ("placeName", "paris") in found
    assert ("persName", "leon trotsky") not in found
    assert ("placeName", "saint petersburg") not in found
    assert "[georgi gapon]" in found[("persName", "georgi gapon")].contexts[0]


def test_suggest_leaves_the_document_unchanged():
    root = document(TEXT)
    before = etree.tostring(root)
    suggest(root, small_register())
    assert etree.tostring(root) == before


def test_cli_json_on_an_untagged_file(tmp_path):
    path = _write(tmp_path, document(TEXT))
    result = CliRunner().invoke(cli, ["candidates", path, "--register",
                                      str(FIXTURES / "names-register.xml"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    by_name = {d["name"]: d for d in data}
    assert by_name["georgi gapon"]["type"] == "persName"
    assert by_name["georgi gapon"]["count"] == 1
    assert "leon trotsky" not in by_name


def test_cli_lists_names_an_earlier_run_tagged(tmp_path):
    path = _write(tmp_path, tagged(TEXT))
    result = CliRunner().invoke(cli, ["candidates", path, "--contexts", "0", "--register",
                                      str(FIXTURES / "names-register.xml")])
    assert result.exit_code == 0, result.output
    assert "persName" in result.output and "georgi gapon" in result.output
    assert "leon trotsky" not in result.output


def test_cli_without_register_lists_every_name(tmp_path):
    path = _write(tmp_path, document(TEXT))
    result = CliRunner().invoke(cli, ["candidates", path, "--no-register", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "saint petersburg" in {d["name"] for d in json.loads(result.output)}


def test_cli_missing_file_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["candidates", str(tmp_path / "nope.xml")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "error:" in lines[0] and "Traceback" not in result.output
