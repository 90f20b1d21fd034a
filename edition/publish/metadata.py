"""The deposit's metadata, written from the TEI header by the stylesheets ``xslt/publish-*.xsl``.

:class:`MetadataWriter` is a :class:`edition.transform.Transformer` (the same
compilation, once per run, and the same hardening: the stylesheets read no file
and no URL) over its own table of stylesheets. An edition with its own ``xslt/``
but without these stylesheets gets the toolkit's.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from .. import T, XML_LANG
from ..transform import XSLT_DIR, Transformer
from . import licences

#: metadata file -> stylesheet (each imports publish-common.xsl)
METADATA = {
    "datacite.xml": "publish-datacite.xsl",
    "oai_dc.xml": "publish-dc.xsl",
    "zenodo.json": "publish-zenodo.xsl",
    "CITATION.cff": "publish-cff.xsl",
}
#: the other stylesheets of publishing: the site's home page for an edition of several texts
PAGES = {"site-index": "publish-site.xsl"}


@dataclass(frozen=True)
class Deposit:
    """What the header cannot say: when, under which identifier, where (all optional)."""
    date: str = ""
    title: str = ""              # the edition's title, for an edition of several texts
    doi: str = ""
    url: str = ""


class MetadataWriter(Transformer):
    """Compiled metadata stylesheets: ``write(name, tree, deposit)`` returns the file's bytes."""

    def stylesheet_path(self, fmt: str) -> Path:
        name = METADATA.get(fmt) or PAGES[fmt]
        own = self.xslt_dir / name
        return own if own.is_file() else XSLT_DIR / name

    def write(self, name: str, tree, deposit: Deposit) -> bytes:
        return self.transform(name, tree, **parameters(tree, deposit))

    def write_all(self, tree, deposit: Deposit) -> dict[str, bytes]:
        return {name: self.write(name, tree, deposit) for name in METADATA}


def language_3(code: str) -> str:
    """ISO 639-3 (three letters) for a language tag's primary subtag ('en-GB' -> 'eng'); '' if unknown."""
    import pycountry

    primary = code.split("-")[0].lower()
    if not primary:
        return ""
    found = (pycountry.languages.get(alpha_2=primary) if len(primary) == 2
             else pycountry.languages.get(alpha_3=primary))
    return found.alpha_3 if found is not None else ""


def parameters(tree, deposit: Deposit) -> dict[str, str]:
    """The stylesheet parameters of publish-common.xsl for *tree* (a TEI document)."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    licence = root.find(f"{T}teiHeader/{T}fileDesc/{T}publicationStmt/{T}availability/{T}licence")
    found = licences.find(licence.get("target") if licence is not None else None)
    language = root.find(f"{T}teiHeader/{T}profileDesc/{T}langUsage/{T}language")
    code = (language.get("ident") if language is not None else None) or root.get(XML_LANG) or ""
    return {
        "date": deposit.date or _dt.date.today().isoformat(),
        "title": deposit.title,
        "identifier": deposit.doi or deposit.url,
        "identifier-type": "DOI" if deposit.doi else ("URL" if deposit.url else ""),
        "licence-spdx": found.spdx if found else "",
        "language-3": language_3(code),
        "url": deposit.url,
    }
