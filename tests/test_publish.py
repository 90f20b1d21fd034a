"""`edition publish` on a small edition of two texts from outside the bundled edition's world:
the bag validates and its manifests match its files, the zip opens and is the same bytes
twice, the metadata validate (DataCite kernel 4 XSD, cffconvert) and have what repositories
require, every link of the site resolves, the register is open data, the command's safety."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import bagit
import pytest
from cffconvert import Citation
from lxml import etree

from edition.publish import MARKER
from edition.publish.bag import zip_bag
from edition.publish.metadata import language_3
from edition_helpers import run_cli
from publish_helpers import (NS, broken_links, datacite_schema, digest, inside, make_small_edition,
                             manifest)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The small edition, never built, published by one `edition publish` (which builds it)."""
    root = make_small_edition(tmp_path_factory.mktemp("publish") / "indian-ocean")
    with inside(root):
        result = run_cli("publish")
    assert result.exit_code == 0, result.output
    return root, result


def test_publish_builds_first_then_writes_every_part(published):
    root, result = published
    assert "building 2 source(s) first" in result.output
    for name in ("dejima-diary", "zanzibar-letter"):
        for ext in ("xml", "html", "fo", "pdf"):
            assert (root / "build" / f"{name}.{ext}").is_file()
    out = root / "publish"
    for part in ("bag/bagit.txt", "bag.zip", "metadata/datacite.xml", "metadata/oai_dc.xml",
                 "metadata/zenodo.json", "metadata/CITATION.cff", "site/index.html", MARKER):
        assert (out / part).is_file(), part
    assert "Traceback" not in result.output


def test_a_second_publish_does_not_build_again(published):
    root, _ = published
    with inside(root):
        again = run_cli("publish")
    assert again.exit_code == 0, again.output
    assert "building" not in again.output


def test_the_bag_validates_and_its_manifests_match_its_files(published):
    bag_dir = published[0] / "publish" / "bag"
    bag = bagit.Bag(str(bag_dir))
    bag.validate(fast=False)
    payload = {p.relative_to(bag_dir).as_posix() for p in (bag_dir / "data").rglob("*") if p.is_file()}
    for algorithm in ("sha256", "sha512"):
        listed = manifest(bag_dir, algorithm)
        assert set(listed) == payload
        assert all(listed[rel] == digest(bag_dir / rel, algorithm) for rel in payload)
    for name in ("dejima-diary", "zanzibar-letter"):
        assert {f"data/{name}.{ext}" for ext in ("xml", "html", "fo", "pdf")} <= payload
    assert {"data/register.xml", "data/register.csv", "data/register.json", "data/schema/edition.odd",
            "data/schema/edition.rng", "data/schema/edition.sch", "data/pagefind/pagefind.js",
            "data/metadata/datacite.xml", "data/metadata/CITATION.cff"} <= payload


def test_a_changed_file_makes_the_bag_invalid(published, tmp_path):
    import shutil
    copy = tmp_path / "bag"
    shutil.copytree(published[0] / "publish" / "bag", copy)
    (copy / "data" / "register.csv").write_text("id\nchanged\n")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(copy)).validate(fast=False)


def test_bag_info_comes_from_the_header(published):
    info = bagit.Bag(str(published[0] / "publish" / "bag")).info
    assert info["Source-Organization"] == "Ana Ruiz"          # the publisher edition new wrote
    assert info["Contact-Name"] == "Ana Ruiz"
    assert info["Title"] == "Letters and diaries of the Indian Ocean"
    description = info["External-Description"]
    assert description.startswith("A digital scholarly edition in TEI XML of Papers of the Indian Ocean trade")
    assert "surgeon's diary at Dejima" in description
    assert len(info["Bagging-Date"]) == 10 and info["Bagging-Date"][4] == "-"


def test_the_zip_opens_holds_the_bag_and_is_the_same_bytes_twice(published, tmp_path):
    out = published[0] / "publish"
    with zipfile.ZipFile(out / "bag.zip") as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert archive.read("bag/data/register.csv") == (out / "bag" / "data" / "register.csv").read_bytes()
    on_disk = {f"bag/{p.relative_to(out / 'bag').as_posix()}" for p in (out / "bag").rglob("*") if p.is_file()}
    assert names == on_disk
    again = zip_bag(out / "bag", tmp_path / "again.zip")
    assert again.read_bytes() == (out / "bag.zip").read_bytes()


def test_datacite_validates_against_kernel_4(published):
    schema = datacite_schema()
    record = etree.parse(str(published[0] / "publish" / "metadata" / "datacite.xml"))
    assert schema.validate(record), schema.error_log
    assert record.findtext("k4:titles/k4:title", namespaces=NS) == "Letters and diaries of the Indian Ocean"
    assert record.find("k4:rightsList/k4:rights", NS).get("rightsIdentifier") == "CC-BY-4.0"
    assert record.findtext("k4:creators/k4:creator/k4:creatorName", namespaces=NS) == "Ana Ruiz"
    # the schema can fail: a record without creators is refused
    record.getroot().remove(record.find("k4:creators", NS))
    assert not schema.validate(record)


def test_zenodo_json_has_the_required_and_documented_fields(published):
    meta = json.loads((published[0] / "publish" / "metadata" / "zenodo.json").read_text())["metadata"]
    for key in ("upload_type", "title", "creators", "description", "license", "keywords",
                "related_identifiers", "language", "publication_date", "access_right"):
        assert key in meta, key
    assert meta["upload_type"] == "publication" and meta["publication_type"]
    assert meta["creators"] == [{"name": "Ana Ruiz"}]
    assert meta["license"] == "cc-by-4.0" and meta["language"] == "eng"
    assert meta["description"] and "TEI" in meta["keywords"]


def test_citation_cff_validates_with_cffconvert(published):
    text = (published[0] / "publish" / "metadata" / "CITATION.cff").read_text(encoding="utf-8")
    citation = Citation(text)
    citation.validate()
    assert citation.cffobj["title"] == "Letters and diaries of the Indian Ocean"
    assert citation.cffobj["license"] == "CC-BY-4.0"
    broken = Citation(text.replace("authors:", "writers:"))
    with pytest.raises(Exception):
        broken.validate()


def test_dublin_core_record(published):
    dc = etree.parse(str(published[0] / "publish" / "metadata" / "oai_dc.xml"))
    assert dc.getroot().tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    assert dc.findtext("dc:title", namespaces=NS) == "Letters and diaries of the Indian Ocean"
    assert dc.findtext("dc:language", namespaces=NS) == "en"
    assert "https://creativecommons.org/licenses/by/4.0/" in [r.text for r in dc.findall("dc:rights", NS)]


def test_every_link_of_the_site_resolves(published):
    site = published[0] / "publish" / "site"
    assert broken_links(site) == []
    assert (site / "pagefind" / "pagefind.js").is_file()          # the search box loads it from here
    index = etree.parse(str(site / "index.html"), etree.HTMLParser())
    hrefs = index.xpath("//a/@href")
    for name in ("dejima-diary", "zanzibar-letter"):
        assert {f"{name}.html", f"{name}.xml", f"{name}.pdf"} <= set(hrefs)
    diary = etree.parse(str(site / "dejima-diary.html"), etree.HTMLParser())
    assert {"dejima-diary.xml", "dejima-diary.pdf"} <= set(diary.xpath("//a/@href"))


def test_the_sites_tei_points_to_its_own_schema(published):
    site = published[0] / "publish" / "site"
    pis = etree.parse(str(site / "zanzibar-letter.xml")).xpath("/processing-instruction('xml-model')")
    assert pis and all('href="schema/' in pi.text for pi in pis)
    assert (site / "schema" / "edition.rng").is_file()


def test_the_register_as_csv_and_json(published):
    data = published[0] / "publish" / "bag" / "data"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((data / "register.csv").read_text("utf-8")))}
    entries = {e["id"]: e for e in json.loads((data / "register.json").read_text("utf-8"))["entries"]}
    assert set(rows) == set(entries) == {"hendrik-vos", "amina-binti-saleh", "nagasaki", "batavia", "mombasa",
                                         "dejima", "zanzibar", "voc"}
    refs = {}
    for name in ("dejima-diary", "zanzibar-letter"):
        for ref in etree.parse(str(data / f"{name}.xml")).xpath("//t:text//@ref", namespaces=NS):
            refs[ref[1:]] = refs.get(ref[1:], 0) + 1
    assert refs.get("hendrik-vos", 0) >= 3                        # in both texts
    assert all(entries[i]["mentions"] == refs.get(i, 0) for i in entries)
    assert all(int(rows[i]["mentions"]) == refs.get(i, 0) for i in rows)
    vos = entries["hendrik-vos"]
    assert (vos["type"], vos["name"], vos["from"], vos["to"]) == ("person", "Hendrik Vos", "1741-05-02", "1799")
    assert "H. Vos" in vos["variants"] and vos["identifiers"] == {"wikidata": "Q4115189"}
    assert vos["uris"] == ["http://www.wikidata.org/entity/Q4115189"]
    assert rows["hendrik-vos"]["wikidata"] == "Q4115189"
    assert (entries["nagasaki"]["latitude"], entries["nagasaki"]["longitude"]) == (32.7503, 129.8779)
    assert rows["batavia"]["variants"] == "Jakarta"
    assert (entries["voc"]["type"], entries["voc"]["from"], entries["voc"]["to"]) == ("org", "1602", "1799")


def test_publish_replaces_only_its_own_folder(published, tmp_path):
    root, _ = published
    foreign = tmp_path / "papers"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with inside(root):
        refused = run_cli("publish", "--out", foreign)
        inside_source = run_cli("publish", "--out", root / "source" / "out")
    assert refused.exit_code == 2 and "was not made by `edition publish`" in refused.output
    assert (foreign / "notes.txt").read_text() == "mine"
    assert inside_source.exit_code == 2 and not (root / "source" / "out").exists()
    assert len(refused.output.strip().splitlines()) == 1 and "Traceback" not in refused.output


def test_language_3():
    assert (language_3("fr"), language_3("en-GB"), language_3("lat"), language_3("xx"), language_3("")) == \
        ("fra", "eng", "lat", "", "")
