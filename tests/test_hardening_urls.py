"""A javascript:, data: or vbscript: URL never becomes a live link (issue 8, item 4): refused in
edition.toml, invalid in the schema, and dropped by the stylesheets for a TEI that skipped
validation."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from edition import pipeline, urls, xmlio
from edition.cli import cli
from edition.validate import Validator, errors_in
from edition_helpers import make_edition

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "transform-register.xml"
T = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": T[1:-1]}
TEXT = "ibn battuta left tangier in 1325.\n\n== travels ==\n\nhe reached delhi in 1334.\n"

UNSAFE = ["javascript:alert(1)", " JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
          "java\nscript:alert(1)", "\x01javascript:alert(1)", "java\u200bscript:alert(1)",
          "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
          "javascript&colon;alert(1):x"]
SAFE = ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG/", "mailto:ed@example.org",
        "#per-ada", "register.html#x", "../notes/a.html", "page?q=a:b", "/abs/path:with-colon", ""]


@pytest.mark.parametrize("url", UNSAFE)
def test_unsafe_urls(url):
    assert not urls.is_safe(url)


@pytest.mark.parametrize("url", SAFE)
def test_safe_urls(url):
    assert urls.is_safe(url)


# -- edition.toml ----------------------------------------------------------------------------

@pytest.fixture
def edition_dir(tmp_path, monkeypatch):
    root = make_edition(tmp_path / "ed", {"battuta.txt": TEXT})
    monkeypatch.chdir(root)
    return root


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def set_source_url(root: Path, url: str, table: str = "source") -> None:
    toml = (root / "edition.toml").read_text()
    toml = re.sub(r'(?m)^url = ".*"$', f"url = {url!r}".replace("'", '"'), toml, count=1)
    if table != "source":
        toml += f'\n[{table}]\nurl = "{url}"\n'
        toml = re.sub(r'(?m)^url = "javascript:alert\(1\)"$', 'url = "https://example.org/"', toml, count=1)
    (root / "edition.toml").write_text(toml)


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x"])
def test_a_javascript_source_url_in_the_config_is_refused(edition_dir, url):
    set_source_url(edition_dir, url)
    result = run("build", "--no-pdf")
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert re.match(r"^\S*edition\.toml(:\d+:\d+)?: error: \[source\] url: use an http\(s\)", lines[0]), lines[0]
    assert not (edition_dir / "build").exists() or not any((edition_dir / "build").iterdir())


def test_a_javascript_url_for_one_text_is_refused(edition_dir):
    set_source_url(edition_dir, "javascript:alert(1)", table="texts.battuta.source")
    result = run("build", "--no-pdf")
    assert result.exit_code == 2, result.output
    assert "[texts.battuta.source] url: use an http(s)" in result.output


def test_a_relative_or_mailto_source_url_is_accepted(edition_dir):
    set_source_url(edition_dir, "mailto:archive@example.org")
    assert run("build", "--no-pdf").exit_code == 0


# -- the schema ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def validator():
    return Validator()


@pytest.fixture(scope="module")
def valid_tei(config):
    """A valid TEI of a short text (its header has a licence/@target and a source ptr/@target)."""
    return xmlio.serialize(pipeline.convert(TEXT, config, "battuta"))


def _with_targets(data: bytes, licence: str | None = None, ptr: str | None = None) -> etree._ElementTree:
    tree = xmlio.parse_xml_bytes(data, "doc.xml")
    if licence is not None:
        (el,) = tree.iter(T + "licence")
        el.set("target", licence)
    if ptr is not None:
        (el,) = tree.xpath("//t:sourceDesc/t:bibl/t:ptr", namespaces=NS)
        el.set("target", ptr)
    return tree


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x",
                                 "data:text/html,x", "vbscript:x"])
@pytest.mark.parametrize("where", ["licence", "ptr"])
def test_the_schema_refuses_unsafe_targets(validator, valid_tei, url, where):
    data = xmlio.serialize(_with_targets(valid_tei, **{where: url}))
    tree = xmlio.parse_xml_bytes(data, "doc.xml")
    errors = errors_in(validator.check(tree, "doc.xml", source=data))
    assert [(d.rule, d.xpath.rsplit("/", 2)[-2:]) for d in errors] == [("url-scheme", [where, "@target"])], \
        [str(d) for d in errors]
    assert re.match(r"doc\.xml:\d+:\d+: error: @target .* is not a link", str(errors[0]))


@pytest.mark.parametrize("url", ["https://example.org/x", "mailto:a@example.org", "notes.html#n1",
                                 "HTTP://EXAMPLE.ORG/"])
def test_the_schema_accepts_safe_targets(validator, valid_tei, url):
    assert errors_in(validator.check(_with_targets(valid_tei, licence=url, ptr=url))) == []


# -- the stylesheets, for a TEI that was never validated ------------------------------------------

def _unsafe_everywhere(url: str) -> etree._ElementTree:
    tree = xmlio.parse_xml(FIXTURE)
    for el in tree.iter(T + "licence"):
        el.set("target", url)
    for bibl in tree.iter(T + "bibl"):
        for ptr in bibl.findall(T + "ptr"):
            ptr.set("target", url)
        etree.SubElement(bibl, T + "ref", target=url)
    for entry in tree.xpath("//t:standOff//t:person", namespaces=NS)[:1]:
        etree.SubElement(entry, T + "idno", type="uri").text = url
    return tree


def _live(url: str) -> bool:
    return url.strip() != "" and not urls.is_safe(url)


@pytest.mark.parametrize("url", [u for u in UNSAFE if "\x01" not in u] + ["data:text/html,<b>x</b>"])
def test_no_unsafe_link_in_html_or_fo(transformer, url):
    tree = _unsafe_everywhere(url)
    html = lxml.html.document_fromstring(transformer.html(tree))
    hrefs = html.xpath("//@href | //@src | //@action")
    assert hrefs and not [h for h in hrefs if _live(h)], hrefs
    fo = etree.fromstring(transformer.fo(tree))
    destinations = fo.xpath("//@external-destination")
    assert not [d for d in destinations if _live(d.strip()[4:-1] if d.startswith("url(") else d)], destinations
    # the licence is still named, only not as a link
    assert "CC BY 4.0" in "".join(html.itertext())


def test_safe_links_stay_links(transformer):
    tree = _unsafe_everywhere("https://example.org/licence")
    html = lxml.html.document_fromstring(transformer.html(tree))
    assert "https://example.org/licence" in html.xpath("//a/@href")
    fo = etree.fromstring(transformer.fo(tree))
    assert "url(https://example.org/licence)" in fo.xpath("//@external-destination")
