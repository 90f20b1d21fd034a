"""edition annotate on hand-edited TEI: nothing a person did is undone, what is new is added, once.

The texts are invented letters from the Victorian goldfields (1854) and a lowercased
West African trading journal (1790s), far from the bundled edition's world.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from edition import T
from edition.annotate.record import XENO_TYPE, read
from edition.annotate.suggest import _unwrap
from edition.reading.views import lines
from edition_helpers import make_edition, run_cli

NS = {"t": "http://www.tei-c.org/ns/1.0"}

GOLDFIELDS = """== Letters from the Goldfields ==

On 3 March 1854 Mr. Henry Whitcombe wrote to his sister Margaret in Hobart about the diggings at Ballarat.

The Eureka Company had sold its claim to the Bank of Victoria, and Captain Thomas Osborne wrote: "We shall not see such yields again, not in this colony nor in any other."

Margaret Whitcombe answered from Hobart on 12 April 1854. She wrote that Dr. Alfred Pike had left for Melbourne with the Wesleyan missionaries.

In June 1854 Henry Whitcombe met Thomas Osborne again at Bendigo, where the Goldfields Commission sat. Dr. Pike was there too, and Pike said the diggers would not pay the licence.
"""

JOURNAL = """== the journal of the factor at cape coast ==

on 14 january 1793 captain james fraser sailed from cape coast for the river gambia with the company of merchants.

the factor wrote that john hartley had gone to anomabu in march 1793, and that the fante traders would not sell.
"""

REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Register</title></titleStmt>
      <publicationStmt><publisher>P</publisher></publicationStmt>
      <sourceDesc><p>Compiled by the editors.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="henry-whitcombe">
        <persName type="main">Henry Whitcombe</persName>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="hobart">
        <placeName type="main">Hobart</placeName>
      </place>
    </listPlace>
  </standOff>
</TEI>
"""


def converted(tmp_path: Path, monkeypatch, name: str = "gold", text: str = GOLDFIELDS) -> Path:
    """An edition with a small register and source/NAME.xml converted from *text*."""
    root = make_edition(tmp_path / "ed", {f"{name}.txt": text})
    (root / "source" / "register.xml").write_text(REGISTER)
    monkeypatch.chdir(root)
    result = run_cli("convert", f"source/{name}.txt")
    assert result.exit_code == 0, result.output
    return root / "source" / f"{name}.xml"


def body(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def names(root, xpath: str = "//t:text//t:persName"):
    return [(el.xpath("string()"), dict(el.attrib)) for el in root.xpath(xpath, namespaces=NS)]


def hand_edit(path: Path) -> dict:
    """A person's edits: a machine name removed, a place retyped as theirs, a name added, a comment."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    margaret = root.xpath("//t:text//t:persName[.='Margaret']", namespaces=NS)[0]
    _unwrap(margaret)
    ballarat = root.xpath("//t:text//t:placeName[.='Ballarat']", namespaces=NS)[0]
    ballarat.tag = T + "orgName"
    for a in ("resp", "cert"):
        del ballarat.attrib[a]
    ballarat.set("n", "the diggings")
    p = root.xpath("//t:text//t:p", namespaces=NS)[3]
    p.insert(0, etree.Comment(" checked against the original letter "))
    last = p[-1]                                         # "... and Pike said": the second Pike by hand
    text = last.tail
    at = text.index("Pike")
    last.tail = text[:at]
    mine = etree.SubElement(p, T + "persName", {"n": "by hand"})
    mine.text, mine.tail = "Pike", text[at + 4:]
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return {"diplomatic": list(lines(root, "diplomatic"))}


def test_a_converted_file_records_the_machines_suggestions(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    root = body(path)
    xeno = root.find(f"{T}teiHeader/{T}xenoData")
    assert xeno is not None and xeno.get("type") == XENO_TYPE
    machine = root.xpath("//t:text//*[starts-with(@resp, '#edition-')]", namespaces=NS)
    assert len(read(root).suggested) >= len(machine) > 5


def test_annotate_keeps_every_hand_edit_and_runs_once(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    before = hand_edit(path)
    result = run_cli("annotate", path)
    assert result.exit_code == 0, result.output
    assert 'not added again: persName "Margaret" was removed by hand' in result.output
    root = body(path)
    assert not root.xpath("//t:text//t:persName[.='Margaret']", namespaces=NS)
    assert root.xpath("//t:text//t:orgName[.='Ballarat'][@n='the diggings'][not(@resp)]", namespaces=NS)
    assert root.xpath("//t:text//t:persName[@n='by hand'][.='Pike']", namespaces=NS)
    assert root.xpath("//t:text//comment()", namespaces=NS)[0].text == " checked against the original letter "
    assert list(lines(root, "diplomatic")) == before["diplomatic"]
    rejected = read(root).rejected
    assert [(r["element"], r["text"], r["how"]) for r in rejected] == [("persName", "Margaret", "removed by hand")]
    data = path.read_bytes()
    again = run_cli("annotate", path)
    assert again.exit_code == 0 and again.output.strip().splitlines()[0] == "nothing to add"
    assert path.read_bytes() == data


def test_the_prolog_and_the_authors_layout_stay_byte_for_byte(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    data = path.read_bytes().replace(b"<TEI ", b"<!-- kept: a comment before the root -->\n<?editor note?>\n<TEI ", 1)
    data = data.replace(b"</TEI>", b"</TEI>\n<!-- after the root -->", 1)
    # a hand removal (the first date's tags), so that annotate writes the file: it records the rejection
    data = re.sub(rb'<date [^>]*>(3 March 1854)</date>', rb"\1", data, count=1)
    data = data.replace(b'<p>On 3', b"<p  >On 3", 1)
    path.write_bytes(data)
    result = run_cli("annotate", path)
    assert result.exit_code == 0, result.output
    assert 'date "3 March 1854" was removed by hand' in result.output
    out = path.read_bytes()
    assert out != data
    assert out.startswith(data[:data.index(b"<TEI ")])
    assert out.rstrip().endswith(b"</TEI>\n<!-- after the root -->")
    text = lambda d: d[d.index(b"<text"):]
    assert text(out) == text(data).replace(b"<p  >", b"<p>")        # lxml normalises inside a tag only


def test_the_register_grows_and_annotate_links_the_mentions(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    assert not body(path).xpath("//t:persName[@ref='#thomas-osborne']", namespaces=NS)
    took = run_cli("candidates", path, "--take", "thomas osborne")
    assert took.exit_code == 0, took.output
    register = etree.parse(str(path.parent / "register.xml")).getroot()
    entry = register.xpath("//t:person[@xml:id='thomas-osborne']", namespaces=NS)[0]
    assert entry.xpath("t:persName[@type='main']/text()", namespaces=NS) == ["Thomas Osborne"]
    result = run_cli("annotate", path)
    assert result.exit_code == 0, result.output
    assert result.output.count('linked persName "Thomas Osborne" -> #thomas-osborne') == 2
    root = body(path)
    assert len(root.xpath("//t:text//t:persName[@ref='#thomas-osborne']", namespaces=NS)) == 2
    assert root.xpath("//t:standOff//t:person[@xml:id='thomas-osborne']", namespaces=NS)
    assert run_cli("validate", path).exit_code == 0
    assert run_cli("annotate", path).output.startswith("nothing to add")


def test_a_rejected_form_of_a_lowercased_text_stays_out(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch, "journal", JOURNAL)
    root = body(path)
    assert root.xpath("//t:reg", namespaces=NS), "a lowercased text gets a reading text"
    listed = run_cli("review", path, "--list", "--format", "json")
    items = json.loads(listed.output)
    assert [i["cert"] for i in items] == sorted((i["cert"] for i in items), key=["low", "medium", "high"].index)
    name = next(i for i in items if i["element"] in ("persName", "placeName", "orgName"))
    decisions = path.parent / "decisions.json"
    decisions.write_text(json.dumps([{"id": name["id"], "decision": "reject"}]))
    assert run_cli("review", path, "--decisions", decisions).exit_code == 0
    result = run_cli("annotate", path)
    assert result.exit_code == 0 and result.output.startswith("nothing to add"), result.output


@pytest.mark.parametrize("content, message", [
    (b"", "file is empty"),
    (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", "not well-formed XML"),
    (b"<html/>", "not a TEI document"),
])
def test_bad_input_is_one_line_and_nothing_is_written(tmp_path, content, message):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    result = run_cli("annotate", bad)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and message in result.output
    assert "Traceback" not in result.output and bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xml"]


def test_output_elsewhere_leaves_the_file_and_no_backup(tmp_path, monkeypatch):
    path = converted(tmp_path, monkeypatch)
    hand_edit(path)
    data = path.read_bytes()
    out = tmp_path / "annotated.xml"
    result = run_cli("annotate", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == data and out.exists()
    assert not list(path.parent.glob("*.bak"))
