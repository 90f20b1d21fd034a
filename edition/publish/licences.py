"""The licences a repository accepts (``data/licences.txt``), found by a licence's URL.

A TEI header names its licence with ``availability/licence/@target``; that URL, with
its scheme, ``www.``, trailing slash, ``legalcode`` or ``deed.LL`` ignored, is looked
up in the table. The SPDX identifier found is what the metadata files carry
(DataCite's rightsIdentifier, CITATION.cff's license, Zenodo's license in lower case).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Licence:
    spdx: str
    name: str
    urls: tuple[str, ...]

    @property
    def zenodo(self) -> str:
        """Zenodo's identifier of the licence (its vocabulary is SPDX in lower case)."""
        return self.spdx.lower()


def url_key(url: str) -> str:
    """The part of a licence URL that names it: no scheme, www., deed.LL, legalcode or final slash."""
    key = re.sub(r"^[a-z]+://", "", url.strip().lower())
    key = re.sub(r"^www\.", "", key)
    key = re.sub(r"(/(deed(\.[a-z-]+)?|legalcode(\.[a-z-]+)?|index\.html?))+/?$", "", key)
    return key.rstrip("/")


@functools.cache
def table() -> tuple[Licence, ...]:
    text = (resources.files("edition.publish") / "data" / "licences.txt").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            spdx, name, urls = line.split("\t")
            rows.append(Licence(spdx, name, tuple(urls.split())))
    return tuple(rows)


def find(url: str | None) -> Licence | None:
    """The accepted licence at *url*, or None (no URL, or a licence not in the table)."""
    if not url:
        return None
    key = url_key(url)
    return next((lic for lic in table() if key in map(url_key, lic.urls)), None)
