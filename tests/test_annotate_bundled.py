"""Issue 15, done when: on the bundled edition, hand edits survive annotate, a second run adds
nothing, and review applies accept, reject and retype from a decisions file."""

from __future__ import annotations

import json
import shutil

import pytest
from lxml import etree

from edition import T
from edition.annotate.suggest import _unwrap
from edition.reading.views import lines
from edition.spans import blocks, element_spans, text_of, wrap
from edition_helpers import make_edition, run_cli

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _hand_edits(path):
    """Two machine tags removed, a place retyped and made the editor's, a name added by hand, a comment."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    text = root.find(T + "text")
    persons = text.xpath(".//t:persName[@resp='#edition-names']", namespaces=NS)
    removed = [persons[3].xpath("string(t:choice/t:orig)", namespaces=NS) or persons[3].xpath("string()")]
    _unwrap(persons[3])
    _unwrap(text.xpath(".//t:date[@resp='#edition-dates']", namespaces=NS)[2])
    place = text.xpath(".//t:placeName[@resp='#edition-names']", namespaces=NS)[1]
    place.tag = T + "orgName"
    place.set("resp", "#ed-project")
    del place.attrib["ref"]                       # a place entry: an orgName may not point to it
    block, start, end = _free_span(root)
    added = wrap(block, start, end, T + "persName", {"n": "added by hand"})
    assert added is not None
    block.insert(0, etree.Comment(" an editor was here "))
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return removed


def _free_span(root):
    """Five characters of some block that no element covers."""
    for block in blocks(root):
        text = text_of(block)
        taken = [(s, e) for _, s, e in element_spans(block)]
        for start in range(0, len(text) - 5, 7):
            if text[start:start + 5].isalpha() and not any(s < start + 5 and start < e for s, e in taken):
                return block, start, start + 5
    raise AssertionError("no free span")


#: the register entry left out before the conversion, taken in again from the text afterwards
LATE_ENTRY = "colonel-morris"


@pytest.fixture()
def edited(tmp_path, repo, monkeypatch):
    """The bundled text converted with a register that lacks one person, in an edition folder."""
    root = make_edition(tmp_path / "ed")
    monkeypatch.chdir(root)
    register = root / "source" / "register.xml"
    tree = etree.parse(str(register))
    late = tree.getroot().xpath(f"//t:person[@xml:id='{LATE_ENTRY}']", namespaces=NS)[0]
    late.getparent().remove(late)
    tree.write(str(register), xml_declaration=True, encoding="UTF-8")
    shutil.copy(repo / "source" / "leon-trotsky.txt", root / "source")
    result = run_cli("convert", "source/leon-trotsky.txt")
    assert result.exit_code == 0, result.output
    return root / "source" / "leon-trotsky.xml"


def test_done_when_on_the_bundled_edition(edited):
    removed = _hand_edits(edited)
    kept = etree.parse(str(edited)).getroot()
    diplomatic = list(lines(kept, "diplomatic"))
    candidates = json.loads(run_cli("candidates", edited, "--format", "json", "--contexts", "0").output)
    person = next(c for c in candidates if c["type"] == "persName" and "morris" in c["name"])
    took = run_cli("candidates", edited, "--take", person["name"], "--id", LATE_ENTRY)
    assert took.exit_code == 0, took.output

    first = run_cli("annotate", edited)
    assert first.exit_code == 0, first.output
    body = [line for line in first.output.splitlines() if ": " in line and line.startswith(str(edited))]
    assert body and all(": linked " in line or ": added " in line or ": not added again: " in line for line in body)
    assert any(f"not added again: persName \"{removed[0]}\"" in line for line in body)
    assert any(f": linked persName" in line and f"#{LATE_ENTRY}" in line for line in body)
    root = etree.parse(str(edited)).getroot()
    assert list(lines(root, "diplomatic")) == diplomatic
    assert root.xpath("//t:text//t:orgName[@resp='#ed-project']", namespaces=NS)
    assert root.xpath("//t:text//t:persName[@n='added by hand'][not(@resp)]", namespaces=NS)
    assert root.xpath("//t:text//comment()[.=' an editor was here ']", namespaces=NS)
    assert len(root.xpath("//t:text//t:persName", namespaces=NS)) >= len(kept.xpath("//t:text//t:persName",
                                                                                     namespaces=NS))
    data = edited.read_bytes()
    second = run_cli("annotate", edited)
    assert second.exit_code == 0 and second.output.splitlines()[0] == "nothing to add", second.output
    assert edited.read_bytes() == data

    items = json.loads(run_cli("review", edited, "--list", "--kind", "names", "--format", "json").output)
    accept, reject, retype = items[0], items[1], next(i for i in items[2:] if i["element"] == "placeName")
    decisions = edited.parent / "decisions.tsv"
    decisions.write_text(f"{accept['id']}\taccept\n{reject['id']}\treject\n{retype['id']}\tretype\torgName\n")
    review = run_cli("review", edited, "--decisions", decisions)
    assert review.exit_code == 0, review.output
    assert "1 accepted, 1 rejected, 1 retyped" in review.output
    after = {i["id"] for i in json.loads(run_cli("review", edited, "--list", "--format", "json").output)}
    assert not {accept["id"], reject["id"], retype["id"]} & after
    root = etree.parse(str(edited)).getroot()
    assert list(lines(root, "diplomatic")) == diplomatic
    retyped = root.xpath("//t:text//t:orgName[@resp='#ed-project'][not(@ref)]", namespaces=NS)
    assert len(retyped) == 2                      # the hand edit's and the review's
    again = run_cli("annotate", edited)
    assert again.output.splitlines()[0] == "nothing to add", again.output
    valid = run_cli("validate", edited)
    assert valid.exit_code == 0, valid.output
