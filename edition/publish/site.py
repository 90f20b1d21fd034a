"""The static web site of the edition (``site/``), ready for any static host.

An edition of one text: its HTML reading edition is ``index.html``. Several
texts: each keeps ``NAME.html`` and ``index.html`` (``xslt/publish-site.xsl``)
lists them. Beside the pages: each text's TEI and PDF (the pages link to them
for download), the register as TEI, CSV and JSON, and the search index, made
again for the site's pages (its results name the page they are on).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from lxml import etree

from ..urls import file_url
from ..errors import EditionError
from ..xmlio import write_atomic

PUB = "{urn:x-edition:publish}"


def _copy(src: Path, dst: Path) -> None:
    if src.is_file():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)


def index_page(writer, texts: list[tuple[str, str]], title: str, lang: str, pdf: bool) -> bytes:
    """The home page listing *texts* ((name, title) pairs), by publish-site.xsl."""
    root = etree.Element(PUB + "texts", title=title, lang=lang, nsmap={None: PUB[1:-1]})
    for name, text_title in texts:
        el = etree.SubElement(root, PUB + "text", html=file_url(f"{name}.html"), xml=file_url(f"{name}.xml"),
                              pdf=file_url(f"{name}.pdf") if pdf else "")
        el.text = text_title
    return writer.transform("site-index", root)


def refuse_clashes(names: list[str], data: list[str], sources: dict[str, Path]) -> None:
    """EditionError for a text whose file in the site or the bag would be one of the edition's
    own: "index" (the home page of several texts), "register" (*data*: the register's TEI, CSV
    and JSON). *sources*: name -> its source, the file to rename."""
    taken = {"index.html": "the site's home page"} if len(names) > 1 else {}
    taken.update({name: "a file of the register in the site and the deposit" for name in data})
    for name in names:
        for ext in ("html", "xml", "pdf"):
            if f"{name}.{ext}" in taken:
                raise EditionError(f"a text named {name!r} would take {name}.{ext}, the name of "
                                   f"{taken[name + '.' + ext]}: rename the source (its outputs follow)",
                                   sources.get(name))


def make_site(site: Path, build: Path, texts: list[tuple[str, str]], data: dict[str, bytes], *,
              writer, title: str, lang: str, notice: Callable[[str], None] | None = None) -> list[Path]:
    """Write the site into *site* (a new folder) from the build folder *build*; the files written.

    *texts*: (name, title) of each text; *data*: file name -> bytes of the files beside the
    TEI (the register as TEI, CSV and JSON).
    """
    site.mkdir(parents=True)
    single = len(texts) == 1
    for name, _ in texts:
        _copy(build / f"{name}.html", site / ("index.html" if single else f"{name}.html"))
        for ext in ("xml", "pdf"):
            _copy(build / f"{name}.{ext}", site / f"{name}.{ext}")
    if not single:
        has_pdf = all((build / f"{name}.pdf").is_file() for name, _ in texts)
        write_atomic(site / "index.html", index_page(writer, texts, title, lang, has_pdf))
    for name, content in data.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(site / name, content)
    from ..search import index_site
    index_site(site, notice)
    return sorted(p for p in site.rglob("*") if p.is_file())
