"""config -> teiHeader.

Which key of edition.toml becomes which element is listed in
:data:`edition.config_keys.TABLES` (and the README's table). A text outside an
edition gets the header of :func:`edition.config.defaults`: the file as its
source, its name as its title, "Not yet published" and no licence chosen
(``availability/@status="unknown"``), valid against the edition's schema and tei_all.
"""

from __future__ import annotations

import datetime as _dt

from lxml import etree

from . import T, XML_ID, __version__
from .config import Config
from .resp import MACHINE_RESP, resp  # noqa: F401  (resp: the pointer helper, imported from here too)


def _sub(parent, name, text=None, **attrib):
    el = etree.SubElement(parent, T + name, {k.replace("_", ":") if k == "xml_id" else k: v
                                             for k, v in attrib.items() if k != "xml_id"})
    if "xml_id" in attrib:
        el.set(XML_ID, attrib["xml_id"])
    if text is not None:
        el.text = text
    return el


#: calendars the date markup may use (profileDesc/calendarDesc)
CALENDARS = (
    ("gregorian", "Gregorian calendar; all @when, @from and @to values are Gregorian."),
    ("julian", "Julian calendar (old style), used in Russia until February 1918; old-style dates keep "
               "their Julian value in @when-custom."),
)


def build_header(config: Config, text_name: str, today: _dt.date | None = None) -> etree._Element:
    """A complete teiHeader for text *text_name* of the edition."""
    today = today or _dt.date.today()
    meta = config.text(text_name)
    header = etree.Element(T + "teiHeader")
    fd = _sub(header, "fileDesc")
    ts = _sub(fd, "titleStmt")
    _sub(ts, "title", meta.title, type="main")
    for ed in config.editors:
        rs = _sub(ts, "respStmt", xml_id=ed.id)
        _sub(rs, "resp", ed.role)
        _sub(rs, "name", ed.name)
    for rid, what in MACHINE_RESP:
        rs = _sub(ts, "respStmt", xml_id=rid)
        _sub(rs, "resp", what)
        _sub(rs, "name", f"edition {__version__}", type="software")

    ps = _sub(fd, "publicationStmt")
    _sub(ps, "publisher", config.publisher)
    if config.pub_place:
        _sub(ps, "pubPlace", config.pub_place)
    _sub(ps, "date", str(today.year), when=str(today.year))
    av = _sub(ps, "availability", **({"status": "unknown"} if config.draft else {}))
    _sub(av, "licence", config.licence, **({"target": config.licence_url} if config.licence_url else {}))

    sd = _sub(fd, "sourceDesc")
    src = meta.source
    bibl = _sub(sd, "bibl")
    _sub(bibl, "title", src.title)
    if src.author:
        _sub(bibl, "author", src.author)
    if src.publisher:
        _sub(bibl, "publisher", src.publisher)
    if src.date:
        _sub(bibl, "date", src.date)
    if src.url:
        _sub(bibl, "ptr", target=src.url)
    if src.licence:
        _sub(bibl, "note", f"Licence of the source: {src.licence}.", type="licence")
    _sub(bibl, "note", src.note)

    enc = _sub(header, "encodingDesc")
    proj = _sub(enc, "projectDesc")
    _sub(proj, "p", f"Made with edition {__version__}: converted from plain text, annotated, validated "
                    "and transformed into a reading edition.")
    if "editorial" in config.declarations:
        _sub(proj, "p", config.declarations["editorial"])
    ed = _sub(enc, "editorialDecl")
    for key in ("correction", "normalization", "segmentation", "interpretation"):
        if key in config.declarations:
            _sub(_sub(ed, key), "p", config.declarations[key])
    app_info = _sub(enc, "appInfo")
    for rid, what in MACHINE_RESP:
        app = _sub(app_info, "application", xml_id=f"app-{rid}", ident=rid, version=__version__)
        _sub(app, "label", f"edition: {rid.split('-', 1)[1]}")
        _sub(app, "desc", f"{what[0].upper()}{what[1:]}; its markup carries resp=\"#{rid}\" and a cert "
                          "that says how sure it is, until an editor reviews it.")

    prof = _sub(header, "profileDesc")
    lu = _sub(prof, "langUsage")
    _sub(lu, "language", config.language_name, ident=config.language)
    cd = _sub(prof, "calendarDesc")
    for cid, desc in CALENDARS:
        cal = _sub(cd, "calendar", xml_id=cid)
        _sub(cal, "p", desc)

    rev = _sub(header, "revisionDesc")
    _sub(rev, "change", f"Converted from the plain text and annotated by edition {__version__}.",
         when=today.isoformat(), who=resp("structure"))
    return header
