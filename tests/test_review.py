"""edition review: the machine's markup listed lowest cert first, decisions from a file or a terminal.

On invented letters from the Victorian goldfields (1854), see tests/test_annotate.py.
"""

from __future__ import annotations

import json

from lxml import etree

from edition.annotate.record import read
from edition.reading.views import lines
from edition_helpers import run_cli
from test_annotate import NS, converted

CERTS = ["low", "medium", "high"]


def listed(path):
    result = run_cli("review", path, "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def item(items, element, text):
    return next(i for i in items if i["element"] == element and i["text"] == text)


def xp(path, expr):
    return etree.parse(str(path)).getroot().xpath(expr, namespaces=NS)


def test_the_list_is_the_machines_markup_lowest_cert_first_with_context(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    items = listed(path)
    machine = xp(path, "//t:text//*[starts-with(@resp, '#edition-')]")
    assert len(items) == len(machine)
    assert [CERTS.index(i["cert"]) for i in items] == sorted(CERTS.index(i["cert"]) for i in items)
    osborne = item(items, "persName", "Thomas Osborne")
    assert "Captain [Thomas Osborne] wrote" in osborne["context"]
    assert len({i["id"] for i in items}) == len(items)
    text = run_cli("review", path).output            # not a terminal: the list
    assert f"{osborne['id']}" in text and text.rstrip().endswith(f"{len(items)} to review")


def test_decisions_from_json_accept_reject_retype_link(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    diplomatic = list(lines(etree.parse(str(path)).getroot(), "diplomatic"))
    items = listed(path)
    decisions = [
        {"id": item(items, "persName", "Henry Whitcombe")["id"], "decision": "accept"},
        {"element": "orgName", "text": "Wesleyan", "decision": "reject"},
        {"id": item(items, "placeName", "Ballarat")["id"], "decision": "retype", "to": "orgName"},
        {"id": item(items, "persName", "Margaret Whitcombe")["id"], "decision": "link", "ref": "henry-whitcombe"},
        {"id": item(items, "date", "12 April 1854")["id"], "decision": "accept", "cert": "medium"},
    ]
    file = tmp_path / "decisions.json"
    file.write_text(json.dumps(decisions, indent=1))
    result = run_cli("review", path, "--decisions", file)
    assert result.exit_code == 0, result.output
    assert "2 accepted, 1 linked, 1 rejected, 1 retyped (as #ed-project)" in result.output
    assert xp(path, "//t:text//t:persName[.='Henry Whitcombe'][@resp='#ed-project'][@cert='high']")
    assert not xp(path, "//t:text//t:orgName[.='Wesleyan']")
    assert xp(path, "//t:text//t:orgName[.='Ballarat'][@resp='#ed-project']")
    assert xp(path, "//t:text//t:persName[.='Margaret Whitcombe'][@ref='#henry-whitcombe'][@resp='#ed-project']")
    assert xp(path, "//t:text//t:date[.='12 April 1854'][@cert='medium'][@resp='#ed-project']")
    assert xp(path, "//t:revisionDesc/t:change[@who='#ed-project'][contains(., '1 rejected')]")
    root = etree.parse(str(path)).getroot()
    assert list(lines(root, "diplomatic")) == diplomatic
    assert [r["text"] for r in read(root).rejected] == ["Wesleyan"]
    left = {(i["element"], i["text"]) for i in listed(path)}
    assert ("persName", "Henry Whitcombe") in left            # the other mention is still the machine's
    assert ("placeName", "Ballarat") not in left and ("orgName", "Wesleyan") not in left
    assert run_cli("validate", path).exit_code == 0
    again = run_cli("annotate", path)
    assert again.exit_code == 0 and again.output.startswith("nothing to add"), again.output
    assert not xp(path, "//t:text//t:orgName[.='Wesleyan']")


def test_decisions_from_tsv_and_a_block_of_errors_changes_nothing(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    items = listed(path)
    quote = next(i for i in items if i["element"] == "quote")
    bad = tmp_path / "bad.tsv"
    bad.write_text(f"# id\tdecision\tvalue\n{quote['id']}\tretype\tpersName\nffffffff\taccept\n"
                   f"{item(items, 'persName', 'Alfred Pike')['id']}\tlink\tno-such-entry\n")
    data = path.read_bytes()
    result = run_cli("review", path, "--decisions", bad)
    assert result.exit_code == 2
    errors = result.output.strip().splitlines()
    assert [e.split(": error:")[0] for e in errors] == [f"{bad}:2", f"{bad}:3", f"{bad}:4"]
    assert "Traceback" not in result.output and path.read_bytes() == data
    good = tmp_path / "good.tsv"
    good.write_text(f"{quote['id']}\treject\n{item(items, 'placeName', 'Melbourne')['id']}\tretype\torgName\n")
    assert run_cli("review", path, "--decisions", good).exit_code == 0
    assert not xp(path, "//t:text//t:quote") and xp(path, "//t:text//t:orgName[.='Melbourne']")
    assert list(path.parent.glob("gold.xml.*.bak"))


def test_on_a_terminal_each_item_is_asked(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    monkeypatch.setattr("edition.commands.review.on_terminal", lambda: True)
    from click.testing import CliRunner
    from edition.cli import cli
    result = CliRunner().invoke(cli, ["review", str(path), "--kind", "dates"], input="a\nr\nq\n")
    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 rejected" in result.output
    assert len(xp(path, "//t:text//t:date[@resp='#ed-project']")) == 1
    assert len(xp(path, "//t:text//t:date")) == 2


def test_an_editor_the_header_lacks_is_refused(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    file = tmp_path / "d.tsv"
    file.write_text(f"{listed(path)[0]['id']}\taccept\n")
    result = run_cli("review", path, "--decisions", file, "--editor", "ed-nobody")
    assert result.exit_code == 2 and "ed-nobody" in result.output and "ed-project" in result.output
