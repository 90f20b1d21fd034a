"""Which URLs may become links in the outputs: http(s), mailto and relative ones.

A ``javascript:``, ``data:`` or ``vbscript:`` URL in a link runs code in the
reader's browser or PDF viewer. The same rule is kept in three places: here
(``edition.toml``), in the schema (``data.safeURL`` of schema/edition.rng and
the rule ``url-scheme`` of schema/edition.sch) and in the stylesheets
(``ed:safe-url`` of xslt/common.xsl, for a TEI that skipped validation).

Browsers drop tabs and line ends anywhere in a URL, spaces and control
characters around it, and read the scheme in any case; so the scheme is read
from the URL without any space, control or format character, lowercased.
The scheme is what comes before the first colon, when no ``/``, ``?`` or ``#``
comes before it (``https:javascript:x`` is an https URL, as a browser reads
it and as the schema and the stylesheets read it); without such a colon the
URL is relative.
"""

from __future__ import annotations

import re
import unicodedata

SAFE_SCHEMES = ("http", "https", "mailto")
RULE = "use an http(s) or mailto URL, or a relative one (other schemes, such as javascript:, can run code)"

_SCHEME = re.compile(r"([^/?#:]*):")


def _squeezed(url: str) -> str:
    return "".join(c for c in url if not (c.isspace() or unicodedata.category(c)[0] in "CZ")).lower()


def scheme(url: str) -> str | None:
    """The scheme a browser would read in *url* (lowercased), or None for a relative URL."""
    m = _SCHEME.match(_squeezed(url))
    return m.group(1) if m else None


def is_safe(url: str) -> bool:
    """Whether *url* may be a link: http, https, mailto or relative."""
    found = scheme(url)
    return found is None or found in SAFE_SCHEMES


def file_url(name: str) -> str:
    """A file beside the page as a relative URL: "a #2.pdf" -> "a%20%232.pdf" (a "#" or "?" in a
    source's name would otherwise end the link's path)."""
    from urllib.parse import quote
    return quote(name)
