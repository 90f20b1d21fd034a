"""First use, as a new user meets the toolkit: one text in an empty folder, a new edition in one
command, edition.toml explained in one run, any TEI file against any schema.

Everything goes through the command line (click's CliRunner; the builds as whole processes) in
empty temporary folders, on texts from outside the bundled edition's world.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from lxml import etree

from edition import config_keys
from edition.commands.new import FILES
from edition.commands.validate import report_lines
from edition.validate import Diagnostic
from edition_helpers import REPO, run_cli

NS = {"t": "http://www.tei-c.org/ns/1.0"}
EDITION = Path(sys.executable).with_name("edition")
JING = shutil.which("jing")
LETTER = ("== a letter from the cape ==\n\n"
          "cape town, the 3rd of june, 1798.\n\n"
          "dear sir, mr. john barrow came back from stellenbosch on monday with letters for lady anne "
          "barnard, and we rode together to simon's town.\n")
REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>People of the Cape</title></titleStmt>
    <publicationStmt><p>Test data.</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc>
  </fileDesc></teiHeader>
  <standOff><listPerson>
    <person xml:id="john-barrow"><persName type="main">John Barrow</persName></person>
  </listPerson></standOff>
</TEI>
"""


def lines_of(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


def tei(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


@pytest.fixture
def empty(tmp_path, monkeypatch) -> Path:
    """An empty folder with no edition.toml in it or above it, as the working directory."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert not any((p / "edition.toml").exists() for p in (folder, *folder.parents))
    return folder


# -- one text, anywhere ---------------------------------------------------------------------------

def test_convert_outside_an_edition_writes_valid_tei_with_a_header_from_defaults(empty):
    (empty / "cape_letter-1798.txt").write_text(LETTER)
    result = run_cli("convert", "cape_letter-1798.txt")
    assert result.exit_code == 0, result.output
    notes = [line for line in lines_of(result) if line.startswith("note:")]
    assert len(notes) == 1 and "edition new DIR" in notes[0]
    tree = tei(empty / "cape_letter-1798.xml")
    assert tree.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "Cape letter 1798"
    assert tree.xpath("string(//t:sourceDesc/t:bibl/t:title)", namespaces=NS) == "cape_letter-1798.txt"
    assert tree.xpath("string(//t:sourceDesc//t:ptr/@target)", namespaces=NS) == "cape_letter-1798.txt"
    assert tree.xpath("string(//t:publicationStmt/t:publisher)", namespaces=NS) == "Not yet published"
    assert tree.xpath("string(//t:availability/@status)", namespaces=NS) == "unknown"
    assert not tree.xpath("//t:licence/@target", namespaces=NS)
    assert tree.xpath("//t:body//t:persName", namespaces=NS)
    valid = run_cli("validate", "cape_letter-1798.xml", "--no-warnings")
    assert valid.exit_code == 0, valid.output


@pytest.mark.skipif(not JING, reason="jing is not installed (scripts/setup.sh installs it)")
def test_the_default_header_is_valid_tei_all(empty):
    (empty / "letter.txt").write_text(LETTER)
    assert run_cli("convert", "letter.txt").exit_code == 0
    result = run_cli("validate", "letter.xml", "--schema", "tei_all")
    assert result.exit_code == 0, result.output
    assert lines_of(result) == ["letter.xml: valid: 0 errors, 0 warnings"]


def test_convert_options_title_language_register(empty):
    (empty / "letter.txt").write_text(LETTER)
    (empty / "people.xml").write_text(REGISTER)
    result = run_cli("convert", "letter.txt", "--title", "Letter from the Cape, 1798", "--language", "fr",
                     "--register", "people.xml")
    assert result.exit_code == 0, result.output
    tree = tei(empty / "letter.xml")
    assert tree.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "Letter from the Cape, 1798"
    assert tree.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert tree.xpath("string(//t:langUsage/t:language)", namespaces=NS) == "French"
    assert tree.xpath("//t:body//t:persName[@ref='#john-barrow']", namespaces=NS)
    assert tree.xpath("//t:standOff//t:person[@xml:id='john-barrow']", namespaces=NS)


def test_convert_refuses_a_missing_register_and_a_bad_language(empty):
    (empty / "letter.txt").write_text(LETTER)
    for argv in (("--register", "nowhere.xml"), ("--language", "en gb")):
        result = run_cli("convert", "letter.txt", *argv)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert len(lines_of(result)) == 1 and "error:" in result.output
    assert not (empty / "letter.xml").exists()


# -- edition new ----------------------------------------------------------------------------------

def test_new_writes_a_complete_edition(empty):
    result = run_cli("new", "letters", "--title", "Letters from the Cape", "--editor", "Thandi Mokoena")
    assert result.exit_code == 0, result.output
    folder = empty / "letters"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == \
        sorted(target for target, _ in FILES.values())
    assert "build/" in (folder / ".gitignore").read_text().split()
    assert "Letters from the Cape" in (folder / "README.md").read_text()
    toml_text = (folder / "edition.toml").read_text()
    data = tomllib.loads(toml_text)
    assert data["edition"]["title"] == "Letters from the Cape"
    assert data["edition"]["editors"][0] == {"name": "Thandi Mokoena", "role": "editor", "id": "ed-thandi-mokoena"}
    # every key of edition.toml is there (per-text tables as a commented example), after a comment
    lines = toml_text.splitlines()
    for table, keys in config_keys.TABLES.items():
        for key in keys:
            if table == "" or config_keys.TABLES[table][key].type == "table":
                continue
            inline = table == "edition.editors[]"               # { name = …, role = …, id = … }
            pattern = re.compile(rf"[{{,]\s*{re.escape(key)} = " if inline else rf"^\s*(# )?{re.escape(key)} = ")
            at = [n for n, line in enumerate(lines) if pattern.search(line)]
            assert at, f"[{table}] {key} is missing from the template"
            if not table.startswith(("texts", "edition.editors")):
                assert lines[at[0] - 1].lstrip().startswith("#"), f"[{table}] {key} has no comment"


def test_new_refuses_a_folder_that_is_not_empty(empty):
    (empty / "old").mkdir()
    (empty / "old" / "notes.txt").write_text("mine\n")
    result = run_cli("new", "old")
    assert result.exit_code == 2 and len(lines_of(result)) == 1 and "not an empty folder" in result.output
    assert sorted(p.name for p in (empty / "old").iterdir()) == ["notes.txt"]


@pytest.mark.skipif(not JING, reason="jing is not installed (scripts/setup.sh installs it)")
def test_the_new_register_is_valid_tei(empty):
    assert run_cli("new", "ed").exit_code == 0
    proc = subprocess.run([JING, str(REPO / "schema" / "tei_all.rng"), str(empty / "ed/source/register.xml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_new_then_build_in_whole_processes(empty):
    """`edition new ed && cd ed && edition build`: the four outputs (the PDF if FOP is there)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    made = subprocess.run([EDITION, "new", "ed"], cwd=empty, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    argv = [EDITION, "build"] + ([] if shutil.which("fop") else ["--no-pdf"])
    built = subprocess.run(argv, cwd=empty / "ed", capture_output=True, text=True, env=env,
                           stdin=subprocess.DEVNULL, timeout=900)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    outputs = {p.name for p in (empty / "ed" / "build").iterdir() if p.is_file()}
    expected = {f"letter-from-quito.{ext}" for ext in ("xml", "html", "fo", "pdf" if shutil.which("fop") else "xml")}
    assert expected <= outputs
    # an empty register: the names are one counted warning line, not one line each
    warnings = [line for line in built.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and re.search(r"\d+ names point to no register entry", warnings[0])
    assert "edition candidates build/letter-from-quito.xml" in warnings[0]
    tree = tei(empty / "ed" / "build" / "letter-from-quito.xml")
    assert tree.xpath("//t:body//t:date[@when='1852-03-14']", namespaces=NS)


# -- edition.toml: every problem in one run ---------------------------------------------------------

def test_an_empty_edition_toml_is_explained_in_one_run(empty):
    (empty / "edition.toml").write_text("")
    (empty / "letter.txt").write_text(LETTER)
    result = run_cli("convert", "letter.txt")
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in lines_of(result) if ": error: " in line]
    assert all(re.match(rf"{re.escape(str(empty / 'edition.toml'))}:\d+:\d+: error: ", e) for e in errors)
    required = [(t, k) for t in ("", "edition", "source", "declarations") for k, spec in config_keys.TABLES[t].items()
                if spec.required]
    for table, key in required:
        wanted = f"[{key}]: missing table" if not table else f"[{table}] {key}: missing"
        assert any(wanted in e for e in errors), wanted
    assert len(errors) == len(required)
    assert any("edition new DIR" in line for line in lines_of(result))


def test_misspelt_keys_are_named_and_not_reported_twice(empty):
    (empty / "edition.toml").write_text('[edition]\ntitel = "Letters"\nlanguage = "en"\npubisher = "X"\n'
                                        '[sorce]\ntitle = "Letters"\n')
    result = run_cli("convert", "missing.txt")
    errors = [line for line in lines_of(result) if ": error: " in line]
    assert any(":2:1: error: [edition] titel: unknown key; did you mean [edition] title?" in e for e in errors)
    assert any(":4:1: error: [edition] pubisher: unknown key; did you mean [edition] publisher?" in e
               for e in errors)
    assert any(":5:1: error: [sorce]: unknown table; did you mean [source]?" in e for e in errors)
    assert not any("[edition] title: missing" in e or "[source]: missing" in e for e in errors)
    assert any("[edition] licence: missing" in e for e in errors)       # the rest is still reported


def test_the_json_schema_in_the_docs_is_current():
    doc = json.loads((REPO / "docs" / "edition.toml.schema.json").read_text(encoding="utf-8"))
    assert doc == config_keys.json_schema()
    assert set(doc["properties"]["edition"]["required"]) >= {"title", "language", "licence"}


def test_the_readme_documents_every_header_key():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key, tei_path, _ in config_keys.tei_table():
        assert f"| `{key}` | `{tei_path}` |" in readme, key


# -- any TEI file, any schema -------------------------------------------------------------------------

POEM = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>A song of the river</title></titleStmt>
    <publicationStmt><p>Unpublished.</p></publicationStmt><sourceDesc><p>A notebook.</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><lg type="stanza"><l>The river runs to Timbuktu,</l><l>the boats go down with salt.</l></lg>
  </body></text>
</TEI>
"""


@pytest.mark.skipif(not JING, reason="jing is not installed (scripts/setup.sh installs it)")
def test_a_tei_file_from_another_project_against_tei_all(empty):
    (empty / "poem.xml").write_text(POEM)
    assert run_cli("validate", "poem.xml", "--schema", "tei_all").exit_code == 0
    assert run_cli("validate", "poem.xml").exit_code == 1          # <lg> is not in the edition's schema
    (empty / "bad.xml").write_text(POEM.replace("<lg type", "<lg colour='blue' type"))
    result = run_cli("validate", "bad.xml", "--schema", "tei_all")
    assert result.exit_code == 1
    line = lines_of(result)[0]
    assert re.match(r"bad\.xml:6:\d+: error: attribute \"colour\" not allowed here \[grammar\]", line), line
    assert "at /TEI/text/body/lg" in result.output


MY_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="recipe"><attribute name="serves"><text/></attribute>
    <oneOrMore><element name="step"><text/></element></oneOrMore></element></start>
</grammar>
"""
MY_SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <pattern><rule context="recipe">
    <assert id="serves-number" test="number(@serves) = number(@serves)">serves must be a number</assert>
  </rule></pattern>
</schema>
"""


@pytest.mark.parametrize("engine", ["jing", "lxml"])
def test_my_own_schema_with_its_rules_beside_it(empty, monkeypatch, engine):
    if engine == "jing" and not JING:
        pytest.skip("jing is not installed")
    if engine == "lxml":
        real = shutil.which
        monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "jing" else real(name, *a, **k))
    (empty / "my.rng").write_text(MY_RNG)
    (empty / "my.sch").write_text(MY_SCH)
    (empty / "soup.xml").write_text('<recipe serves="four">\n  <step>boil</step>\n  <note>salt</note>\n</recipe>\n')
    result = run_cli("validate", "soup.xml", "--schema", "my.rng", "--format", "json")
    assert result.exit_code == 1
    found = {d["rule"]: d for d in json.loads(result.output)["files"][0]["diagnostics"]}
    assert found["serves-number"]["line"] == 1 and found["serves-number"]["message"] == "serves must be a number"
    assert found["grammar"]["line"] == 3 and "note" in found["grammar"]["message"]


def test_a_schema_that_is_not_there_is_one_line(empty):
    (empty / "poem.xml").write_text(POEM)
    result = run_cli("validate", "poem.xml", "--schema", "nowhere.rng")
    assert result.exit_code == 2 and lines_of(result) == ["nowhere.rng: error: schema not found"]


# -- warnings grouped, versions, help ------------------------------------------------------------------

def _unlinked(path: str, line: int, name: str) -> Diagnostic:
    return Diagnostic("warning", path, line, 5, f"this placeName ('{name}') points to no register entry: add "
                      "@ref", "name-unlinked", "/TEI/text/body/p/placeName")


def test_recurring_warnings_are_one_counted_line_and_errors_stay_one_each():
    diagnostics = [_unlinked("a.xml", n, name) for n, name in enumerate(["timbuktu", "gao", "djenne"], 3)]
    diagnostics.insert(1, Diagnostic("error", "a.xml", 4, 1, "bad date", "date-value"))
    diagnostics.append(_unlinked("b.xml", 9, "kano"))
    lines = report_lines(diagnostics)
    assert len(lines) == 3
    assert lines[0].startswith("a.xml:3:5: warning: 3 names point to no register entry; the first: "
                               "'timbuktu' (placeName)")
    assert "edition candidates a.xml" in lines[0]
    assert lines[1].startswith("a.xml:4:1: error: bad date") and "kano" in lines[2]
    assert len(report_lines(diagnostics, each_warning=True)) == 5


def test_version_names_saxon_lxml_and_fop():
    result = run_cli("--version")
    assert result.exit_code == 0
    text = result.output
    assert re.search(r"^edition \d", text, re.M) and "Saxon" in text and "lxml" in text and "FOP" in text


@pytest.mark.parametrize("command", ["build", "candidates", "convert", "new", "text", "validate"])
def test_every_help_shows_an_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert re.search(rf"^\s+edition {command} \S", result.output, re.M), result.output
