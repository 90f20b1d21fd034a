"""`edition publish` on the bundled edition (issue 14, done when): a copy of it, built once, is
ready (check-publish passes) and publishes a valid bag, its zip, the four metadata files (valid
DataCite, valid CITATION.cff) and a site whose links all resolve; --doi and --url reach the
metadata."""

from __future__ import annotations

import json
import zipfile

import bagit
import pytest
from cffconvert import Citation
from lxml import etree

from edition import register as register_mod
from edition_helpers import REPO, make_edition, run_cli
from publish_helpers import NS, broken_links, datacite_schema, inside


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    root = make_edition(tmp_path_factory.mktemp("bundled-publish") / "ed")
    (root / "source" / "leon-trotsky.txt").write_bytes((REPO / "source" / "leon-trotsky.txt").read_bytes())
    with inside(root):
        result = run_cli("publish", "--doi", "10.5281/zenodo.0000000", "--url", "https://example.org/edition/")
    assert result.exit_code == 0, result.output
    return root


def test_the_bundled_edition_is_ready(bundled):
    with inside(bundled):
        result = run_cli("check-publish")
    assert result.exit_code == 0, result.output


def test_the_bundled_bag_and_zip(bundled):
    bag = bagit.Bag(str(bundled / "publish" / "bag"))
    bag.validate(fast=False)
    assert set(bag.algorithms) == {"sha256", "sha512"}
    assert {"data/leon-trotsky.xml", "data/leon-trotsky.pdf", "data/register.csv"} <= set(bag.payload_files())
    assert bag.info["External-Identifier"] == "DOI:10.5281/zenodo.0000000"
    with zipfile.ZipFile(bundled / "publish" / "bag.zip") as archive:
        assert archive.testzip() is None and "bag/data/leon-trotsky.xml" in archive.namelist()


def test_the_bundled_metadata(bundled):
    meta = bundled / "publish" / "metadata"
    record = etree.parse(str(meta / "datacite.xml"))
    schema = datacite_schema()
    assert schema.validate(record), schema.error_log
    identifier = record.find("k4:identifier", NS)
    assert (identifier.get("identifierType"), identifier.text.strip()) == ("DOI", "10.5281/zenodo.0000000")
    assert record.find("k4:rightsList/k4:rights", NS).get("rightsIdentifier") == "CC-BY-SA-4.0"
    citation = Citation((meta / "CITATION.cff").read_text(encoding="utf-8"))
    citation.validate()
    assert citation.cffobj["doi"] == "10.5281/zenodo.0000000"
    assert citation.cffobj["url"] == "https://example.org/edition/"
    zenodo = json.loads((meta / "zenodo.json").read_text())["metadata"]
    assert zenodo["doi"] == "10.5281/zenodo.0000000" and zenodo["license"] == "cc-by-sa-4.0"
    assert {"identifier": "https://en.wikipedia.org/wiki/Leon_Trotsky", "relation": "isDerivedFrom",
            "scheme": "url"} in zenodo["related_identifiers"]
    assert etree.parse(str(meta / "oai_dc.xml")).findtext("dc:identifier", namespaces=NS) == \
        "https://doi.org/10.5281/zenodo.0000000"


def test_the_bundled_site(bundled):
    site = bundled / "publish" / "site"
    assert broken_links(site) == []
    index = etree.parse(str(site / "index.html"), etree.HTMLParser())
    assert {"leon-trotsky.xml", "leon-trotsky.pdf"} <= set(index.xpath("//a/@href"))
    assert index.xpath("//*[@id='index-heading']")                 # the register's index is on the page
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_the_bundled_register_as_open_data(bundled):
    entries = json.loads((bundled / "publish" / "site" / "register.json").read_text())["entries"]
    register = register_mod.load(REPO / "source" / "register.xml")
    assert len(entries) == len(register)
    tei = etree.parse(str(bundled / "publish" / "site" / "leon-trotsky.xml"))
    refs = tei.xpath("//t:text//*[self::t:persName or self::t:placeName or self::t:orgName]/@ref",
                     namespaces=NS)
    assert sum(e["mentions"] for e in entries) == sum(r.startswith("#") for r in " ".join(refs).split())
