"""The register as open data: CSV and JSON beside the TEI, for OpenRefine and Wikidata.

One row per register entry: its id, type (person, place, org), display name,
the other name forms, its dates (a person's birth and death; a place's or an
organization's first dated note, as :func:`edition.names.index.period_of` reads
it), coordinates (``location/geo``, "lat long"), its authority identifiers
(``idno[@type]``: wikidata, viaf, geonames... each its own column, with the
URI it stands for) and how many times the published texts mention it
(``@ref="#id"`` on a name in a text, the standOff's copies not counted).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from .. import T
from ..register import KIND_OF_NAME, Register

#: authority -> how its identifier becomes a URI (the reconciliation services read these)
AUTHORITY_URI = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "viaf": "https://viaf.org/viaf/{}",
    "geonames": "https://sws.geonames.org/{}/",
    "gnd": "https://d-nb.info/gnd/{}",
    "loc": "http://id.loc.gov/authorities/names/{}",
}
#: the CSV's columns, before one column per authority found in the register
COLUMNS = ("id", "type", "name", "variants", "from", "to", "latitude", "longitude", "note")


def mentions(trees) -> Counter:
    """entry id -> how many names in the texts of *trees* point to it."""
    counts: Counter = Counter()
    for tree in trees:
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        for text in root.iter(T + "text"):
            for el in text.iter(*(T + n for n in KIND_OF_NAME)):
                for ref in (el.get("ref") or "").split():
                    if ref.startswith("#"):
                        counts[ref[1:]] += 1
    return counts


def _dates(element) -> tuple[str | None, str | None]:
    birth, death = element.find(T + "birth"), element.find(T + "death")
    if birth is not None or death is not None:
        def value(el):
            return None if el is None else (el.get("when") or el.get("from") or el.get("notBefore")
                                            or el.get("notAfter") or None)
        return value(birth), value(death)
    for date in element.iterfind(f"{T}note//{T}date"):
        start = date.get("from") or date.get("when")
        if start:
            return start, date.get("to") or (None if date.get("from") else date.get("when"))
    return None, None


def _coordinates(element) -> tuple[float, float] | tuple[None, None]:
    geo = element.find(f"{T}location/{T}geo")
    try:
        lat, lon = (geo.text or "").split()[:2]
        return float(lat), float(lon)
    except (AttributeError, ValueError):
        return None, None


def records(register: Register, counts: Counter) -> list[dict]:
    """One dict per entry, in register order (the JSON's objects)."""
    rows = []
    for entry in register.entries:
        el = entry.element
        start, end = _dates(el)
        lat, lon = _coordinates(el)
        ids = {}
        for idno in el.iterfind(T + "idno"):
            if idno.get("type") and idno.text and idno.text.strip():
                ids.setdefault(idno.get("type").lower(), idno.text.strip())
        note = el.find(T + "note")
        rows.append({
            "id": entry.id, "type": entry.kind, "name": entry.main,
            "variants": [form for _, form in entry.names if form != entry.main],
            "from": start, "to": end, "latitude": lat, "longitude": lon,
            "identifiers": ids,
            "uris": [AUTHORITY_URI[k].format(v) for k, v in ids.items() if k in AUTHORITY_URI],
            "note": " ".join("".join(note.itertext()).split()) if note is not None else None,
            "mentions": counts.get(entry.id, 0),
        })
    return rows


def to_json(rows: list[dict], title: str) -> bytes:
    data = {"title": title, "count": len(rows), "entries": rows}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv(rows: list[dict]) -> bytes:
    """CSV (RFC 4180, UTF-8): variants and URIs joined by ' | ', an identifier column per authority."""
    authorities = sorted({k for row in rows for k in row["identifiers"]})
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, *authorities, "uris", "mentions"])
    for row in rows:
        cells = [row[c] for c in COLUMNS]
        cells[COLUMNS.index("variants")] = " | ".join(row["variants"])
        writer.writerow([("" if v is None else v) for v in cells]
                        + [row["identifiers"].get(a, "") for a in authorities]
                        + [" | ".join(row["uris"]), row["mentions"]])
    return out.getvalue().encode("utf-8")
