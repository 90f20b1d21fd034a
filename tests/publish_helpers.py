"""What the tests of `edition publish` share: a small edition of two texts from outside the
bundled edition's world (a surgeon's diary at Dejima, 1776; a letter from Zanzibar, 1862,
both invented), and the checks of a published folder (bag, metadata, site links)."""

from __future__ import annotations

import contextlib
import re
import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from edition.commands.new import make

REPO = Path(__file__).resolve().parents[1]
DATACITE_XSD = REPO / "tests" / "data" / "datacite" / "kernel-4" / "metadata.xsd"
NS = {"t": "http://www.tei-c.org/ns/1.0", "dc": "http://purl.org/dc/elements/1.1/",
      "k4": "http://datacite.org/schema/kernel-4"}
TEXTS = {
    "dejima-diary": ("== the diary of a surgeon at dejima ==\n\n"
                     "Dejima, the 3rd of March, 1776.\n\n"
                     "Hendrik Vos went up to Nagasaki this morning with the interpreters. The ship from "
                     "Batavia is expected before the summer, and the Dutch East India Company wants "
                     "its accounts of the copper trade.\n\n"
                     "== the journey to edo ==\n\n"
                     "We left Nagasaki on the 4th of April, 1776; Hendrik Vos kept the journal.\n"),
    "zanzibar-letter": ("== a letter from zanzibar ==\n\n"
                        "Zanzibar, the 10th of June, 1862.\n\n"
                        "My dear sister, Amina binti Saleh sailed yesterday for Mombasa with the "
                        "cloves of this season, and Hendrik Vos is long forgotten here.\n"),
}
#: the [source] table of edition.toml: key -> value
SOURCE = {"title": "Papers of the Indian Ocean trade (invented for the tests)",
          "author": "Hendrik Vos and others (invented)",
          "publisher": "A private collection (invented)",
          "url": "https://example.org/indian-ocean-papers", "date": "1776-1862",
          "licence": "Public domain (CC0 1.0)",
          "note": "Two invented documents: a surgeon's diary at Dejima and a letter from Zanzibar."}
REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader><fileDesc><titleStmt><title>Register of the test edition</title></titleStmt>
    <publicationStmt><p>Invented for the tests.</p></publicationStmt>
    <sourceDesc><p>Invented people; the identifier is Wikidata's sandbox item.</p></sourceDesc>
  </fileDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="hendrik-vos"><persName type="main">Hendrik Vos</persName>
        <persName type="variant">H. Vos</persName><persName type="surname">Vos</persName>
        <birth when="1741-05-02"/><death when="1799"/>
        <idno type="wikidata">Q4115189</idno><note>Surgeon of the factory at Dejima (invented).</note></person>
      <person xml:id="amina-binti-saleh"><persName type="main">Amina binti Saleh</persName>
        <note>A merchant of Zanzibar (invented).</note></person>
    </listPerson>
    <listPlace>
      <place xml:id="nagasaki"><placeName type="main">Nagasaki</placeName>
        <location><geo>32.7503 129.8779</geo></location><note>Port city of Kyushu.</note></place>
      <place xml:id="batavia"><placeName type="main">Batavia</placeName>
        <placeName type="variant">Jakarta</placeName><note>Seat of the company in Java.</note></place>
      <place xml:id="mombasa"><placeName type="main">Mombasa</placeName><note>Port of East Africa.</note></place>
      <place xml:id="dejima"><placeName type="main">Dejima</placeName><note>The Dutch factory.</note></place>
      <place xml:id="zanzibar"><placeName type="main">Zanzibar</placeName><note>Island town.</note></place>
    </listPlace>
    <listOrg>
      <org xml:id="voc"><orgName type="main">Dutch East India Company</orgName>
        <orgName type="abbreviation">VOC</orgName>
        <note>Trading company, <date from="1602" to="1799">1602 to 1799</date>.</note></org>
    </listOrg>
  </standOff>
</TEI>
"""


def make_small_edition(folder: Path) -> Path:
    """An edition made by `edition new`, with the two texts and their register instead of its example."""
    make(folder, "Letters and diaries of the Indian Ocean", "en", "Ana Ruiz")
    toml = folder / "edition.toml"
    text = toml.read_text(encoding="utf-8")
    head, rest = text.split("[source]", 1)
    table, tail = rest.split("[declarations]", 1)
    for key, value in SOURCE.items():
        table = re.sub(rf'(?m)^{key} = ".*"$', f'{key} = "{value}"', table)
    toml.write_text(f"{head}[source]{table}[declarations]{tail}", encoding="utf-8")
    for example in (folder / "source").glob("*.txt"):
        example.unlink()
    for name, text in TEXTS.items():
        (folder / "source" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "source" / "register.xml").write_text(REGISTER, encoding="utf-8")
    return folder


@contextlib.contextmanager
def inside(folder: Path):
    with contextlib.chdir(folder):
        yield folder


def manifest(bag: Path, algorithm: str) -> dict[str, str]:
    lines = (bag / f"manifest-{algorithm}.txt").read_text(encoding="utf-8").splitlines()
    return {path: digest for digest, path in (line.split(None, 1) for line in lines if line.strip())}


def digest(path: Path, algorithm: str) -> str:
    return hashlib.new(algorithm, path.read_bytes()).hexdigest()


def datacite_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(DATACITE_XSD), parser))


def broken_links(site: Path) -> list[str]:
    """Every local href or src of the site's pages that does not resolve: a missing file, or a
    #fragment with no element of that id in the page it points to."""
    pages: dict[Path, set[str]] = {}

    def ids(page: Path) -> set[str]:
        if page not in pages:
            pages[page] = set(html.parse(str(page)).getroot().xpath("//@id")) if page.suffix == ".html" else set()
        return pages[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        for el in html.parse(str(page)).getroot().iter():
            for attr in ("href", "src"):
                value = el.get(attr) if isinstance(el.tag, str) else None
                if value is None or urlsplit(value).scheme or value.startswith("//"):
                    continue
                parts = urlsplit(value)
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file() or not target.is_relative_to(site.resolve()):
                    broken.append(f"{page.name}: {attr}={value}: no such file")
                elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
                    broken.append(f"{page.name}: {attr}={value}: no such id")
    return broken
