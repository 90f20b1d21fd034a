"""The stylesheets' ed:safe-url keeps the rule of edition/urls.py (a URL is a link only when its
scheme, read as a browser reads it, is http, https or mailto, or when it has none), its quick way
for URLs that begin with such a scheme as written included. Every URL is asked of both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from edition import urls

saxonche = pytest.importorskip("saxonche")

COMMON = Path(__file__).resolve().parents[1] / "xslt" / "common.xsl"

#: each URL of the source gets one line: what ed:safe-url makes of it
ASK = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ed="urn:x-edition:xslt" exclude-result-prefixes="#all">
  <xsl:import href="{COMMON.as_uri()}"/>
  <xsl:output method="xml"/>
  <xsl:template match="/" priority="9">
    <answers><xsl:for-each select="/urls/u"><a><xsl:value-of select="ed:safe-url(string(.))"/></a></xsl:for-each></answers>
  </xsl:template>
</xsl:stylesheet>"""

EXAMPLES = ["https://example.org/a?b=c#d", "http://example.org", "mailto:ed@example.org",
            "HTTPS://EXAMPLE.ORG/", " https://example.org ", "https://x.org/\tjavascript:alert(1)",
            "https:javascript:alert(1)", "http:/", "mailto:", "javascript:alert(1)",
            " JavaScript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
            "java\u200bscript:alert(1)", "https\u200b://x.org", "ht\ttps://x.org",
            "data:text/html,<b>x</b>", "vbscript:msgbox(1)", "file:///etc/passwd", "#per-ada",
            "register.html#x", "page?q=a:b", "/abs/path:with-colon", "https//no-colon"]


@pytest.fixture(scope="module")
def ask():
    processor = saxonche.PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=ASK)

    def answers(found: list[str]) -> list[str]:
        root = etree.Element("urls")
        for url in found:
            etree.SubElement(root, "u").text = url
        node = processor.parse_xml(xml_text=etree.tostring(root, encoding="unicode"))
        out = etree.fromstring(executable.transform_to_string(xdm_node=node).encode())
        return [a.text or "" for a in out]
    return answers


def _normalize_space(text: str) -> str:
    """XPath's normalize-space: XML's four whitespace characters only."""
    return re.sub(r"[ \t\n\r]+", " ", text).strip(" ")


def _expected(url: str) -> str:
    return _normalize_space(url) if urls.is_safe(url) else ""


def test_the_examples_agree_with_the_python_rule(ask):
    assert ask(EXAMPLES) == [_expected(u) for u in EXAMPLES]
    assert ask(["https://example.org"]) == ["https://example.org"]     # a link, as written
    assert ask(["https:javascript:alert(1)"]) == ["https:javascript:alert(1)"]   # https: is its scheme


# characters XML can carry, with the ones that make schemes hard to read
_PIECES = st.sampled_from(["https://", "http://", "mailto:", "HTTP", "java", "script", ":", "/", "?", "#",
                           " ", "\t", "\n", "\u200b", "\u00a0", "a", "x.org", "data"])
_URLS = st.lists(_PIECES, max_size=6).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_URLS, min_size=1, max_size=20))
def test_any_url_gets_the_answer_of_the_python_rule(ask, found):
    assert ask(found) == [_expected(u) for u in found]
