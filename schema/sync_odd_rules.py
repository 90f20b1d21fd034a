"""Copy the Schematron patterns of edition.sch into the constraintSpecs of edition.odd.

edition.sch is what the validator runs; the ODD documents the same rules. Run
this after changing a rule: ``python schema/sync_odd_rules.py``. The test
tests/test_schema.py::test_odd_constraints_are_the_schematron_rules fails when
the two disagree.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
TEI = "http://www.tei-c.org/ns/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"


def _spec(pattern: etree._Element) -> etree._Element:
    ids = list(dict.fromkeys(a.get("id") for a in pattern.iter(f"{{{SCH}}}assert")))
    spec = etree.Element(f"{{{TEI}}}constraintSpec", ident=pattern.get("id"), scheme="schematron", mode="add")
    desc = etree.SubElement(spec, f"{{{TEI}}}desc")
    desc.text = "Rules " + ", ".join(ids) + "."
    constraint = etree.SubElement(spec, f"{{{TEI}}}constraint")
    constraint.append(copy.deepcopy(pattern))
    return spec


def sync(odd_path: Path = HERE / "edition.odd", sch_path: Path = HERE / "edition.sch") -> None:
    odd = etree.parse(str(odd_path))
    sch = etree.parse(str(sch_path))
    spec_root = odd.find(f".//{{{TEI}}}schemaSpec")
    patterns = {p.get("id"): p for p in sch.getroot().iter(f"{{{SCH}}}pattern")}
    old = {c.get("ident"): c for c in spec_root.iter(f"{{{TEI}}}constraintSpec") if c.get("ident") in patterns
           or c.find(f".//{{{SCH}}}pattern") is not None}
    anchor = None
    for ident, spec in old.items():
        anchor = spec.getprevious() if anchor is None else anchor
        spec.getparent().remove(spec)
    for pattern in patterns.values():
        new = _spec(pattern)
        new.tail = "\n          "
        spec_root.append(new)
    etree.indent(spec_root, space="  ", level=4)
    odd.write(str(odd_path), xml_declaration=True, encoding="UTF-8")


if __name__ == "__main__":
    sync()
    print("edition.odd: constraintSpecs copied from edition.sch")
