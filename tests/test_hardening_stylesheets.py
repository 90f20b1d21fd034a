"""An edition's own stylesheets (xslt/ beside edition.toml) read nothing but the document: what
Saxon evaluates while compiling, and the environment, are refused before it compiles them
(edition/xslt_guard.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition import xslt_guard
from edition.errors import EditionError
from edition.transform import XSLT_DIR, Transformer
from edition_helpers import make_edition, run_cli

HEAD = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" expand-text="yes">\n')
PLAIN = '<xsl:template match="/"><out/></xsl:template>\n'

#: (what the stylesheet holds, the call reported); each would put a file or the environment
#: into the output when compiled by Saxon as it is
REFUSED = [
    ('<xsl:param name="p" static="yes" select="unparsed-text(\'{secret}\')"/>\n'
     '<xsl:template match="/"><out v="{{$p}}"/></xsl:template>\n', "unparsed-text"),
    ('<xsl:variable name="v" static="yes" select="string(doc(\'{secret_xml}\'))"/>\n'
     '<xsl:template match="/"><out v="{{$v}}"/></xsl:template>\n', "doc"),
    ('<xsl:template match="/" use-when="unparsed-text-available(\'{secret}\')"><out/></xsl:template>\n',
     "unparsed-text-available"),
    ('<xsl:param name="p" static="yes" select="\'{secret}\'"/>\n'
     '<xsl:template match="/"><xsl:value-of _select="unparsed-text($p)"/></xsl:template>\n',
     "unparsed-text"),
    ('<xsl:template match="/"><out v="{{environment-variable(\'HOME\')}}"/></xsl:template>\n',
     "environment-variable"),
    ('<xsl:template match="/"><out>{{available-environment-variables()}}</out></xsl:template>\n',
     "available-environment-variables"),
    ('<xsl:template match="/"><xsl:value-of select="fn:environment-variable(\'HOME\')" '
     'xmlns:fn="http://www.w3.org/2005/xpath-functions"/></xsl:template>\n', "environment-variable"),
    ('<xsl:template match="/"><out v="{{system-property(\'user.home\')}}"/></xsl:template>\n',
     "system-property"),
]


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "private.txt"
    path.write_text("PRIVATE-7f3a\n")
    (tmp_path / "private.xml").write_text("<p>PRIVATE-7f3a</p>")
    return path


def stylesheet(folder: Path, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "html.xsl").write_text(HEAD + body + "</xsl:stylesheet>\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("body, call", REFUSED)
def test_a_stylesheet_that_reads_files_or_the_environment_is_refused(tmp_path, secret, body, call):
    folder = stylesheet(tmp_path / "xslt", body.format(secret=secret, secret_xml=secret.with_suffix(".xml")))
    with pytest.raises(EditionError) as caught:
        Transformer(folder).html(b"<TEI/>")
    message = str(caught.value)
    assert message.startswith(f"{folder / 'html.xsl'}:"), message
    assert f"calls {call}()" in message and "PRIVATE" not in message


LEAK = """
import json, sys
from pathlib import Path
from edition import xslt_guard
from edition.errors import EditionError
from edition.transform import Transformer
xslt_guard.check_folder = lambda folder: None
out = []
for folder in sys.argv[1:]:
    try:
        data = Transformer(folder).html(b"<TEI/>")
    except EditionError:
        data = b""
    out.append(any(mark in data for mark in (b"PRIVATE-7f3a", b'v="/', b"HOME")))  # a file, a home, the names
print(json.dumps(out))
"""


def test_the_same_stylesheets_without_the_guard_would_leak(tmp_path, secret):
    """What the guard stands for: compiled and run by Saxon as they are (in a fresh process, as a
    build's first compilation), these put the file or the environment into the output."""
    folders = [str(stylesheet(tmp_path / f"x{n}", body.format(secret=secret, secret_xml=secret.with_suffix(".xml"))))
               for n, (body, _) in enumerate(REFUSED)]
    env = {**os.environ, "HOME": "PRIVATE-7f3a-home"}
    done = subprocess.run([sys.executable, "-c", LEAK, *folders], capture_output=True, text=True, env=env,
                          timeout=120)
    leaked = json.loads(done.stdout.strip().splitlines()[-1])
    calls = [call for _, call in REFUSED]
    # the first compile-time reader, and every reader of the environment, do leak
    assert leaked[calls.index("unparsed-text")], leaked
    assert all(leak for leak, call in zip(leaked, calls)
               if call in ("environment-variable", "available-environment-variables", "system-property")), leaked


@pytest.mark.parametrize("href", ["/etc/hostname", "../elsewhere/other.xsl", "file:///etc/x.xsl",
                                  "https://example.org/x.xsl"])
def test_imports_from_outside_the_folder_are_refused(tmp_path, href):
    folder = stylesheet(tmp_path / "xslt", f'<xsl:import href="{href}"/>\n' + PLAIN)
    with pytest.raises(EditionError, match="outside its folder"):
        Transformer(folder).html(b"<TEI/>")


def test_plain_stylesheets_and_the_xsl_properties_pass(tmp_path):
    body = ('<xsl:include href="common.xsl"/>\n<xsl:template match="/">'
            '<out v="{system-property(\'xsl:version\')}">document (not a call)</out></xsl:template>\n')
    folder = stylesheet(tmp_path / "xslt", body)
    (folder / "common.xsl").write_text(HEAD + "</xsl:stylesheet>\n")
    assert b'v="3.0"' in Transformer(folder).html(b"<TEI/>")


def test_the_toolkits_stylesheets_pass_the_guard(tmp_path):
    copy = shutil.copytree(XSLT_DIR, tmp_path / "xslt")
    xslt_guard.check_folder(copy)


def test_build_reports_the_editions_stylesheet_in_one_line(tmp_path, monkeypatch, repo):
    root = make_edition(tmp_path / "ed", {"letter.txt": "A letter from Valparaíso, 1834.\n"})
    html = root / "xslt" / "html-text.xsl"
    html.write_text(html.read_text().replace(
        "</xsl:stylesheet>", '<xsl:variable name="e" select="environment-variable(\'HOME\')"/>\n</xsl:stylesheet>'))
    monkeypatch.chdir(root)
    result = run_cli("build", "--no-pdf", "-j", "1")
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{html}:") and "environment-variable()" in errors[0], \
        result.output
    assert not (root / "build" / "letter.html").exists()
