"""Two register entries with one name: the dates the register gives them decide which one a
mention is, by the year the passage is at (edition.names.resolve). The register and the
text are invented: two newspapers of one colonial town, the second taking the first's title."""

from __future__ import annotations

import pytest
from lxml import etree

from edition_helpers import run_cli

NS = {"t": "http://www.tei-c.org/ns/1.0"}
TEXT = ("the gazette first appeared in 1841 and was read on every farm of the district.\n\n"
        "its printers quarrelled with the governor, and the gazette lost its subscribers.\n\n"
        "in 1859 the printers started a new weekly and also called it the gazette.\n\n"
        "by 1870 the gazette sold four thousand copies.\n")


def register(dated: bool) -> str:
    first = '<date from="1841" to="1859">1841-1859</date>' if dated else "1841-1859"
    second = '<date from="1859">from 1859</date>' if dated else "from 1859"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Newspapers</title></titleStmt>
    <publicationStmt><p>Test data.</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc>
  </fileDesc></teiHeader>
  <standOff><listOrg>
    <org xml:id="old-gazette"><orgName type="main">Gazette</orgName><note>The first paper, {first}.</note></org>
    <org xml:id="new-gazette"><orgName type="main">Gazette</orgName><note>Its successor, {second}.</note></org>
  </listOrg></standOff>
</TEI>
"""


def refs(tmp_path, monkeypatch, dated: bool) -> list[str | None]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "papers.xml").write_text(register(dated))
    (tmp_path / "history.txt").write_text(TEXT)
    result = run_cli("convert", "history.txt", "--register", "papers.xml")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(tmp_path / "history.xml"))
    return [el.get("ref") for el in tree.xpath("//t:body//t:orgName", namespaces=NS)]


def test_the_register_dates_decide_which_entry_a_shared_name_is(tmp_path, monkeypatch):
    # 1841 and the block after it (no year of its own): the first paper; 1859, the year the
    # title passed on: the new one; 1870: the only one that still existed
    assert refs(tmp_path, monkeypatch, dated=True) == ["#old-gazette", "#old-gazette", "#new-gazette",
                                                       "#new-gazette"]


def test_without_dates_a_shared_name_is_left_for_the_editor(tmp_path, monkeypatch):
    found = refs(tmp_path, monkeypatch, dated=False)
    assert found and found[0] is None


@pytest.mark.parametrize("note,expected", [
    ('<date from="1908-10" to="1912-04">x</date>', (1908, 1912)),
    ('<date when="1850">x</date>', (1850, 1850)),
    ('<date from="1912-05-05">x</date>', (1912, None)),
    ("no date at all", None),
])
def test_period_of_an_entry(note, expected):
    from edition.names.index import period_of
    el = etree.fromstring(f'<org xmlns="http://www.tei-c.org/ns/1.0"><orgName>X</orgName><note>{note}</note></org>')
    assert period_of(el) == expected
