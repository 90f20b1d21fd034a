"""The deposit package: a BagIt bag (RFC 8493, the ``bagit`` library) and a zip of it.

The bag's payload (``data/``) is laid out as the build is, so that the HTML's
links to the TEI and the PDF work inside the bag too; ``bag-info.txt`` is
filled from the DataCite record (itself written from the TEI header), so
nothing is typed twice; the manifests are sha256 and sha512.
"""

from __future__ import annotations

import datetime as _dt
import os
import zipfile
from pathlib import Path

import bagit
from lxml import etree

from ..errors import EditionError

CHECKSUMS = ("sha256", "sha512")
DATACITE = "{http://datacite.org/schema/kernel-4}"
#: the timestamp of every member of the zip (a zip of the same bag is the same bytes)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def bag_info(datacite: bytes, contact_email: str | None = None, date: str | None = None) -> dict[str, str]:
    """bag-info.txt's fields, from the DataCite record of the deposit."""
    record = etree.fromstring(datacite)

    def text(path: str) -> str:
        found = record.find(path.replace("dc:", DATACITE))
        return " ".join("".join(found.itertext()).split()) if found is not None else ""

    info = {
        "Source-Organization": text("dc:publisher"),
        "Contact-Name": text("dc:creators/dc:creator/dc:creatorName"),
        "External-Description": text("dc:descriptions/dc:description"),
        "Bagging-Date": date or _dt.date.today().isoformat(),
        "Title": text("dc:titles/dc:title"),
    }
    identifier = record.find(DATACITE + "identifier")
    if identifier is not None and identifier.text and identifier.text.strip() != "(:tba)":
        info["External-Identifier"] = f"{identifier.get('identifierType')}:{identifier.text.strip()}"
    if contact_email:
        info["Contact-Email"] = contact_email
    return {key: value for key, value in info.items() if value}


def make_bag(folder: Path, info: dict[str, str]) -> bagit.Bag:
    """Turn *folder* (holding the payload) into a bag, in place."""
    try:
        return bagit.make_bag(str(folder), bag_info=info, checksums=list(CHECKSUMS), processes=1)
    except (bagit.BagError, OSError) as exc:
        raise EditionError(f"the bag could not be made: {exc}", folder) from None


def check_bag(folder: Path) -> None:
    """Validate the bag at *folder* (every checksum recomputed); an EditionError names the problem."""
    try:
        bagit.Bag(str(folder)).validate(fast=False)
    except bagit.BagValidationError as exc:
        details = "; ".join(str(d) for d in exc.details[:3]) if exc.details else str(exc)
        raise EditionError(f"the bag is not valid: {details}", folder) from None
    except bagit.BagError as exc:
        raise EditionError(f"the bag is not valid: {exc}", folder) from None


def zip_bag(folder: Path, target: Path) -> Path:
    """A zip of the bag, its files under the bag's folder name, in sorted order, with fixed times."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            member = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            with open(path, "rb") as src, archive.open(member, "w") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
    return target


def payload_files(folder: Path) -> list[str]:
    """The payload of the bag at *folder*, as paths relative to data/."""
    data = folder / "data"
    return sorted(os.path.relpath(p, data).replace(os.sep, "/") for p in data.rglob("*") if p.is_file())
