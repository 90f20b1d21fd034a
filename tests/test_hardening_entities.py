"""No file or network content reaches a validation verdict or an output through entities,
DTDs or the stylesheets' runtime (issue 8, item 1).

Each attack is a TEI file that is valid apart from its DOCTYPE, so that a
parser which quietly drops or expands the entity would report it as valid.
The secret is a temporary file holding a marker (and /etc/passwd where it
exists); the network target is a loopback HTTP server that must receive no
request at all.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition import transform, xmlio
from edition.cli import cli
from edition.errors import EditionError
from edition.validate import Validator

from loopback import LoopbackServer
from edition_helpers import make_edition

REPO = Path(__file__).resolve().parents[1]
MARKER = "SECRET-MARKER-4b1d9e"
TEXT = "grace hopper worked at harvard in 1944.\n\n== later ==\n\nshe retired in 1986.\n"
TEI_NS = "http://www.tei-c.org/ns/1.0"


# -- an edition, a secret, a loopback server -------------------------------------------------

@pytest.fixture
def edition_dir(tmp_path, monkeypatch):
    root = make_edition(tmp_path / "ed", {"hopper.txt": TEXT})
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(MARKER + "\n")
    return path


@pytest.fixture
def valid_tei(edition_dir) -> str:
    """A valid TEI of the short text, as text (convert writes it, validate accepts it)."""
    out = edition_dir / "valid.xml"
    result = run("convert", "source/hopper.txt", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert run("validate", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    out.unlink()
    return text


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.1 (another process) that records requests; stopped after the test."""
    with LoopbackServer() as httpd:
        yield httpd


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def with_doctype(tei: str, doctype: str, reference: str = "&pw;") -> str:
    """*tei* with *doctype* before the root and *reference* in its first paragraph."""
    declaration, rest = tei.split("?>", 1)
    rest = re.sub(r"(<p\b[^>]*>)", lambda m: m.group(1) + reference, rest, count=1)
    return declaration + "?>\n" + doctype + rest


def forbidden(secret: Path) -> list[bytes]:
    markers = [MARKER.encode()]
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        markers += [line.encode() for line in passwd.read_text(errors="replace").splitlines()[:1] if line]
    return markers


def assert_refused(edition_dir: Path, name: str, secret: Path) -> None:
    """validate refuses the file with one located line; build writes nothing holding a secret."""
    result = run("validate", f"source/{name}")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and ": valid:" not in result.output
    errors = [ln for ln in result.output.splitlines() if ": error: " in ln]
    assert len(errors) == 1, result.output
    assert re.match(rf"source/{re.escape(name)}:\d+:\d+: error: ", errors[0]), errors[0]

    result = run("build", "--no-pdf", f"source/{name}")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len([ln for ln in result.output.splitlines() if ": error: " in ln]) == 1, result.output
    build = edition_dir / "build"
    written = [p for p in build.rglob("*") if p.is_file()] if build.exists() else []
    assert not [p for p in written if p.stem == Path(name).stem], written
    for path in written:
        data = path.read_bytes()
        for marker in forbidden(secret):
            assert marker not in data, path


# -- the attacks, through the command line ---------------------------------------------------

@pytest.mark.parametrize("target", ["secret", "/etc/passwd"])
def test_external_dtd_declaring_a_file_entity(edition_dir, valid_tei, secret, target):
    if target == "secret":
        uri = secret.as_uri()
    elif Path(target).is_file():
        uri = Path(target).as_uri()
    else:
        pytest.skip(f"no {target} on this system")
    dtd = edition_dir / "source" / "evil.dtd"
    dtd.write_text(f'<!ENTITY pw SYSTEM "{uri}">\n')
    tei = with_doctype(valid_tei, f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}">\n')
    (edition_dir / "source" / "evil.xml").write_text(tei, encoding="utf-8")
    assert_refused(edition_dir, "evil.xml", secret)


def test_inline_entity_in_a_utf16_file(edition_dir, valid_tei, secret):
    tei = with_doctype(valid_tei, f'<!DOCTYPE TEI [\n  <!ENTITY pw SYSTEM "{secret.as_uri()}">\n]>\n')
    tei = tei.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = edition_dir / "source" / "wide.xml"
    path.write_bytes(tei.encode("utf-16"))
    assert b"<!ENTITY" not in path.read_bytes()      # a byte search cannot see it
    assert_refused(edition_dir, "wide.xml", secret)
    result = run("validate", "source/wide.xml")
    assert "source/wide.xml:3:3: error: " in result.output   # the <!ENTITY, counted in characters


def test_external_parameter_entity_is_not_read(edition_dir, valid_tei, secret):
    pe = edition_dir / "source" / "pe.ent"
    pe.write_text(f'<!ENTITY pw SYSTEM "{secret.as_uri()}">\n')
    tei = with_doctype(valid_tei, f'<!DOCTYPE TEI [ <!ENTITY % p SYSTEM "{pe.as_uri()}"> %p; ]>\n')
    (edition_dir / "source" / "pe.xml").write_text(tei, encoding="utf-8")
    assert_refused(edition_dir, "pe.xml", secret)


@pytest.mark.parametrize("kind", ["entity", "dtd", "public"])
def test_network_entities_make_no_request(edition_dir, valid_tei, secret, server, kind):
    base = f"http://127.0.0.1:{server.port}"
    doctype = {
        "entity": f'<!DOCTYPE TEI [ <!ENTITY pw SYSTEM "{base}/secret"> ]>\n',
        "dtd": f'<!DOCTYPE TEI SYSTEM "{base}/evil.dtd">\n',
        "public": f'<!DOCTYPE TEI PUBLIC "-//EVIL//DTD X//EN" "{base}/evil.dtd">\n',
    }[kind]
    (edition_dir / "source" / "net.xml").write_text(with_doctype(valid_tei, doctype), encoding="utf-8")
    assert_refused(edition_dir, "net.xml", secret)
    assert server.requests == []


def test_a_bare_doctype_is_harmless_and_accepted(edition_dir, valid_tei):
    (edition_dir / "source" / "bare.xml").write_text(with_doctype(valid_tei, "<!DOCTYPE TEI>\n", ""),
                                                     encoding="utf-8")
    assert run("validate", "source/bare.xml").exit_code == 0


# -- the safe parser itself -------------------------------------------------------------------

def test_the_parser_asks_for_no_external_resource(tmp_path, secret):
    """lxml loads an external DTD when collect_ids is off, whatever load_dtd says: the
    parser's resolver must hand it nothing."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY pw SYSTEM "{secret.as_uri()}">\n')
    f = tmp_path / "e.xml"
    f.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE t SYSTEM "{dtd.as_uri()}">\n<t>&pw;</t>\n')
    with pytest.raises(EditionError) as caught:
        xmlio.parse_xml(f)
    assert (caught.value.line, caught.value.column) == (2, 1)
    assert "DTD" in caught.value.message and MARKER not in str(caught.value)


@pytest.mark.parametrize("subset", ['<!ATTLIST t a CDATA "x">', '<!ELEMENT t ANY>'])
def test_an_internal_subset_without_entities_is_refused(tmp_path, subset):
    f = tmp_path / "s.xml"
    f.write_text(f"<!DOCTYPE t [{subset}]><t/>")
    with pytest.raises(EditionError, match="DOCTYPE"):
        xmlio.parse_xml(f)


def test_the_validator_refuses_through_the_same_parser(tmp_path, secret):
    f = tmp_path / "v.xml"
    f.write_bytes(f'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE TEI [<!ENTITY pw SYSTEM '
                  f'"{secret.as_uri()}">]>\n<TEI xmlns="{TEI_NS}">&pw;</TEI>\n'.encode("utf-16"))
    with pytest.raises(EditionError, match="entit"):
        Validator().check_file(f)


# -- the transform: no DOCTYPE handed to Saxon, no file access at run time --------------------

def test_saxon_never_sees_a_doctype(tmp_path, secret):
    """A tree parsed elsewhere (not through xmlio) with an unexpanded entity: nothing leaks."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY pw SYSTEM "{secret.as_uri()}">\n')
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    tree = etree.fromstring(
        f'<!DOCTYPE TEI SYSTEM "{dtd.as_uri()}"><TEI xmlns="{TEI_NS}"><text><body><p>x&pw;</p>'
        f"</body></text></TEI>".encode(), parser).getroottree()
    try:
        html = transform.Transformer().html(tree)
    except EditionError as exc:
        assert MARKER not in str(exc)
    else:
        assert MARKER.encode() not in html


def _probe_stylesheets(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "xslt"
    shutil.copytree(transform.XSLT_DIR, folder)
    (folder / "html.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
        f'<xsl:template match="/"><out>{body}</out></xsl:template>\n</xsl:stylesheet>\n')
    return folder


@pytest.mark.parametrize("call", [
    "doc('file:///etc/passwd')", "doc('{secret_xml}')", "document('{secret_xml}')",
    "unparsed-text('{secret}')", "unparsed-text-lines('{secret}')", "json-doc('{secret_json}')",
    "count(collection('{folder}'))", "uri-collection('{folder}')",
    "unparsed-text('http://127.0.0.1:{port}/secret')",
])
def test_the_stylesheets_cannot_read_files_or_the_network(tmp_path, secret, server, call):
    secret_xml = tmp_path / "secret.xml"
    secret_xml.write_text(f"<s>{MARKER}</s>")
    secret_json = tmp_path / "secret.json"
    secret_json.write_text(f'"{MARKER}"')
    expression = call.format(secret=secret.as_uri(), secret_xml=secret_xml.as_uri(),
                             secret_json=secret_json.as_uri(), folder=tmp_path.as_uri() + "/",
                             port=server.port)
    folder = _probe_stylesheets(tmp_path, f'<xsl:value-of select="{expression}"/>')
    small = etree.fromstring(f'<TEI xmlns="{TEI_NS}"/>').getroottree()
    with pytest.raises(EditionError) as caught:
        transform.Transformer(folder).html(small)
    assert MARKER not in str(caught.value) and "root:" not in str(caught.value)
    assert server.requests == []


def test_the_stylesheets_cannot_write_files(tmp_path):
    target = tmp_path / "written.txt"
    folder = _probe_stylesheets(tmp_path, f'<xsl:result-document href="{target.as_uri()}" method="text">'
                                          'PWNED</xsl:result-document>')
    small = etree.fromstring(f'<TEI xmlns="{TEI_NS}"/>').getroottree()
    with pytest.raises(EditionError, match="result-document"):
        transform.Transformer(folder).html(small)
    assert not target.exists()


def test_the_real_stylesheets_still_work_after_the_lock(tmp_path):
    """Both stylesheets compile (each before its processor is locked) and run many times."""
    small = xmlio.parse_xml(REPO / "tests" / "fixtures" / "transform-register.xml")
    t = transform.Transformer()
    for _ in range(2):
        assert b"<html" in t.html(small)
        assert b"fo:root" in t.fo(small)
