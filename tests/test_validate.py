"""edition validate: the broken corpus (exact rule, line and column), the
bundled edition (clean), hints, every problem at once, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from edition.cli import cli
from edition.errors import EditionError
from edition.validate import Validator, errors_in

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "broken"

#: broken file -> (rule id, line, column) of the error it must report
EXPECTED = {
    "wrong-element": ("grammar-element", 29, 9),
    "bad-attribute-value": ("grammar-attribute-value", 29, 14),
    "unresolved-ref": ("ref-person", 29, 29),
    "wrong-kind": ("ref-kind-person", 29, 33),
    "invalid-date": ("date-iso", 29, 21),
    "from-after-to": ("date-range", 29, 31),
    "duplicate-id": ("xml-id-unique", 31, 27),
    "empty-name": ("empty-element", 29, 20),
    "undeclared-resp": ("resp-declared", 29, 35),
    "missing-licence": ("header-licence", 3, 3),
}
#: files that cannot be read at all -> (line, column or None, words of the message)
UNREADABLE = {
    "not-well-formed": (29, 45, "not well-formed"),
    "external-entity": (3, 3, "entities are not allowed"),
    "billion-laughs": (3, 3, "entities are not allowed"),
    "xinclude": (29, None, "XInclude is not allowed"),
}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_its_error_exactly(validator, name):
    rule, line, column = EXPECTED[name]
    errors = errors_in(validator.check_file(BROKEN / f"{name}.xml"))
    assert [(d.rule, d.line, d.column) for d in errors] == [(rule, line, column)]
    d = errors[0]
    assert d.message and d.xpath.startswith("/TEI")
    assert re.match(rf"{re.escape(str(BROKEN / name))}\.xml:{line}:{column}: error: .+ \[{rule}\]$",
                    str(d).splitlines()[0])


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unsafe_or_broken_xml_is_refused_with_a_location(validator, name):
    line, column, words = UNREADABLE[name]
    with pytest.raises(EditionError) as caught:
        validator.check_file(BROKEN / f"{name}.xml")
    assert caught.value.line == line
    if column:
        assert caught.value.column == column
    assert words in caught.value.message
    assert "root:" not in str(caught.value)  # /etc/passwd never read into the message


def test_unresolved_ref_suggests_the_close_id(validator):
    (d,) = errors_in(validator.check_file(BROKEN / "unresolved-ref.xml"))
    assert "no person with id 'lenn'" in d.message
    assert "did you mean 'lenin'?" in d.hint
    assert d.xpath == "/TEI/text/body/div/p/persName/@ref"


def test_undeclared_resp_suggests_the_respstmt(validator):
    (d,) = errors_in(validator.check_file(BROKEN / "undeclared-resp.xml"))
    assert "'#edition-names'" in d.hint


def test_wrong_attribute_value_suggests_an_allowed_value(validator):
    (d,) = errors_in(validator.check_file(BROKEN / "bad-attribute-value.xml"))
    assert "section" in d.hint and "subsection" in d.hint


def test_every_problem_is_reported_at_once(validator):
    errors = errors_in(validator.check_file(BROKEN / "many-problems.xml"))
    assert {d.rule for d in errors} == {"grammar-element", "ref-person", "date-iso", "grammar-attribute"}
    assert [d.line for d in errors] == sorted(d.line for d in errors)


def test_a_grammar_error_and_a_rule_on_the_same_attribute_are_reported_once(validator):
    errors = errors_in(validator.check_file(BROKEN / "invalid-date.xml"))
    assert [d.rule for d in errors] == ["date-iso"]


def test_check_accepts_a_tree_without_a_file(validator):
    tree = etree.parse(str(BROKEN / "wrong-kind.xml"))
    (d,) = errors_in(validator.check(tree))
    assert d.rule == "ref-kind-person" and d.line == 29 and d.path == "<document>"


def test_diagnostics_as_json_keep_every_field(validator):
    (d,) = errors_in(validator.check_file(BROKEN / "empty-name.xml"))
    data = d.to_dict()
    assert set(data) == {"severity", "path", "line", "column", "message", "rule", "xpath", "hint"}


# ---- dates: the Schematron's XPath 1.0 calendar against Python's -------------

DATE_DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><publisher>p</publisher><availability><licence target="https://x.org/">l</licence>
</availability></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><p><date when="{value}">d</date></p></body></text></TEI>"""


def _real_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
        return True
    except ValueError:
        return False


@settings(max_examples=150, deadline=None)
@given(st.integers(1000, 2100), st.integers(0, 13), st.integers(0, 32))
def test_date_rule_agrees_with_the_calendar(year, month, day):
    value = f"{year:04d}-{month:02d}-{day:02d}"
    tree = etree.fromstring(DATE_DOC.format(value=value).encode()).getroottree()
    rules = {d.rule for d in errors_in(_DATE_VALIDATOR.check(tree))}
    assert ("date-iso" in rules) == (not _real_date(value))


_DATE_VALIDATOR = Validator()


@pytest.mark.parametrize("value,valid", [
    ("--03", True), ("--02-29", True), ("--12-31", True),
    ("--13", False), ("--00", False), ("--02-30", False), ("--04-31", False), ("---03", False),
])
def test_yearless_dates(value, valid):
    tree = etree.fromstring(DATE_DOC.format(value=value).encode()).getroottree()
    rules = {d.rule for d in errors_in(_DATE_VALIDATOR.check(tree))}
    assert ("date-iso" not in rules) == valid


def test_a_date_without_a_value_is_a_warning_and_the_other_date_rules_still_run():
    """date-unnormalised (a date of the text without an ISO value) was shadowed by the rule
    before it in its pattern: a node fires only the first rule of a pattern that matches it."""
    tree = etree.fromstring(DATE_DOC.format(value="1348-06-24").replace(
        "</p>", ' and on <date>the feast of Saint John</date> the ships sailed</p>').encode()).getroottree()
    found = {(d.rule, d.severity) for d in _DATE_VALIDATOR.check(tree)}
    assert ("date-unnormalised", "warning") in found
    assert not errors_in(_DATE_VALIDATOR.check(tree))
    both = etree.fromstring(DATE_DOC.format(value="1348-06-24").replace(
        "<date ", '<date from="1348" ').encode()).getroottree()
    assert "date-exclusive" in {d.rule for d in errors_in(_DATE_VALIDATOR.check(both))}

# ---- the bundled edition --------------------------------------------------

@pytest.fixture(scope="module")
def bundled(bundled_file) -> Path:
    return bundled_file


def test_bundled_edition_has_no_errors(validator, bundled):
    assert [str(d) for d in errors_in(validator.check_file(bundled))] == []


# ---- the command line -----------------------------------------------------

def run(*args):
    return CliRunner().invoke(cli, ["validate", *map(str, args)])


def test_cli_exit_0_for_a_valid_file(bundled):
    result = run(bundled)
    assert result.exit_code == 0, result.output
    assert re.search(r"leon-trotsky\.xml: valid: 0 errors, \d+ warnings?", result.output)


def test_cli_exit_1_for_an_invalid_file_with_one_line_per_problem():
    result = run(BROKEN / "many-problems.xml")
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if re.match(r"\S+:\d+:\d+: error: ", l)]
    assert len(lines) == 4
    assert result.output.rstrip().endswith("invalid: 4 errors, 2 warnings")


@pytest.mark.parametrize("target", ["missing.xml", "DIR", "empty.xml", "broken/not-well-formed.xml"])
def test_cli_exit_2_when_a_file_cannot_be_read(tmp_path, target):
    (tmp_path / "empty.xml").write_text("")
    path = {"DIR": tmp_path, "broken/not-well-formed.xml": BROKEN / "not-well-formed.xml"}.get(
        target, tmp_path / target)
    result = run(path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert ": error: " in result.output


def test_cli_many_files_reports_each_and_the_worst_exit_code(bundled):
    result = run(bundled, BROKEN / "wrong-element.xml", BROKEN / "xinclude.xml")
    assert result.exit_code == 2
    assert "leon-trotsky.xml: valid" in result.output
    assert "wrong-element.xml: invalid: 1 error" in result.output
    assert "XInclude is not allowed" in result.output


def test_cli_json(bundled):
    result = run("--format", "json", bundled, BROKEN / "unresolved-ref.xml")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["valid"] is False
    first, second = data["files"]
    assert first["valid"] is True and first["errors"] == 0
    assert second["errors"] == 1
    (error,) = [d for d in second["diagnostics"] if d["severity"] == "error"]
    assert (error["rule"], error["line"], error["column"]) == ("ref-person", 29, 29)


def test_cli_json_for_an_unreadable_file():
    result = run("--format", "json", BROKEN / "external-entity.xml")
    assert result.exit_code == 2
    (entry,) = json.loads(result.output)["files"]
    assert entry["readable"] is False and "entities" in entry["error"]


def test_cli_help_explains_the_exit_codes():
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0 and "Exit status" in result.output


def test_columns_for_start_tags_over_several_lines():
    from edition.validation.positions import Positions
    source = b'<a>\n  <!-- <x> -->\n  <b\n     y="2"><![CDATA[<c>]]><c/></b></a>'
    tree = etree.fromstring(source).getroottree()
    positions = Positions(tree, source)
    b = tree.getroot()[1]
    assert positions.of(b) == (3, 3)
    assert positions.of(b, "y") == (4, 6)
    assert positions.of(b[0]) == (4, 27)   # after the CDATA section


def test_validate_in_an_edition_whose_toml_is_broken_says_so_instead_of_another_schema(tmp_path, monkeypatch):
    """The files would otherwise be checked against the toolkit's schema, not the edition's."""
    from click.testing import CliRunner
    from edition.cli import cli

    (tmp_path / "edition.toml").write_text('[edition]\ntitle = 3\n', encoding="utf-8")
    (tmp_path / "letter.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "letter.xml"], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{tmp_path / 'edition.toml'}:2:1: error: [edition] title: must be a non-empty string, got 3" \
        in result.output and "Traceback" not in result.output
    # another schema asked for by name needs no edition
    result = CliRunner().invoke(cli, ["validate", "--schema", "tei_all", "letter.xml"], catch_exceptions=False)
    assert result.exit_code in (0, 1) and "edition.toml" not in result.output


def test_grammar_errors_are_found_under_the_element_each_path_names():
    """libxml2's paths (/*/*[2]/*) are followed through children listed once a check, and an
    error inside a child already reported is left to that child: the same as the plain walk."""
    import random

    from lxml import etree as ET

    from edition.validation.grammar import _resolve, _within

    root = ET.fromstring("<r>" + "".join(f"<p><a/>x<b><c/></b><!-- c --><d/></p>" for _ in range(40)) + "</r>")
    rnd = random.Random(7)
    kids_of: dict = {}

    def plain(path):
        node = root
        for step in path.strip("/").split("/")[1:]:
            kids = [k for k in node if isinstance(k.tag, str)]
            index = int(step[2:-1]) - 1 if "[" in step else 0
            if index >= len(kids):
                return node
            node = kids[index]
        return node

    paths = ["/*" + "".join(f"/*[{rnd.randint(1, 45)}]" if rnd.random() < 0.7 else "/*"
                            for _ in range(rnd.randint(0, 3))) for _ in range(300)]
    assert [_resolve(root, p, kids_of) for p in paths] == [plain(p) for p in paths]
    bad = set(rnd.sample(list(root), 10))
    for node in root.iter(ET.Element):
        inside = any(node is b or b in node.iterancestors() for b in bad)
        assert _within(node, bad, root) is inside
