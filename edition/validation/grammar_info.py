"""What a RELAX NG grammar allows, element by element: attributes (required or
not, with their closed value lists), child elements, and whether text is allowed.

Used to explain grammar errors ("allowed here: …", "did you mean 'section'?")
and by the tests that compare the edition's grammar with tei_all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"
ANNOTATION = "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation"
_OPTIONAL = {RNG + "optional", RNG + "zeroOrMore", RNG + "choice"}


@dataclass
class AttributeInfo:
    name: str
    required: bool = False
    values: list[str] = field(default_factory=list)       # closed list, when there is one
    datatypes: list[str] = field(default_factory=list)    # xsd type names
    doc: str = ""


@dataclass
class ElementInfo:
    name: str
    attributes: dict[str, AttributeInfo] = field(default_factory=dict)
    children: set[str] = field(default_factory=set)
    text: bool = False
    doc: str = ""


def _name_of(pattern: etree._Element) -> str | None:
    name = pattern.get("name")
    if name is None:
        child = pattern.find(RNG + "name")
        name = child.text.strip() if child is not None and child.text else None
    return name


class GrammarInfo:
    def __init__(self, tree: etree._ElementTree):
        self.defines: dict[str, list[etree._Element]] = {}
        for d in tree.getroot().iter(RNG + "define"):
            self.defines.setdefault(d.get("name"), []).append(d)
        #: define name -> element name, for defines that are one element
        self.element_defines = {}
        for name, defs in self.defines.items():
            for d in defs:
                kids = [k for k in d if isinstance(k.tag, str) and k.tag.startswith(RNG)]
                if len(kids) == 1 and kids[0].tag == RNG + "element":
                    self.element_defines[name] = _name_of(kids[0])
        self.elements: dict[str, ElementInfo] = {}
        for el in tree.getroot().iter(RNG + "element"):
            name = _name_of(el)
            if name is None:
                continue
            info = self.elements.setdefault(name, ElementInfo(name))
            doc = el.find(ANNOTATION)
            if doc is not None and doc.text:
                info.doc = " ".join(doc.text.split())
            self._walk(el, info, optional=False, seen=set())

    @classmethod
    def load(cls, path) -> "GrammarInfo":
        return cls(etree.parse(str(path)))

    def _walk(self, pattern: etree._Element, info: ElementInfo, optional: bool, seen: set[str]) -> None:
        for child in pattern:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            if tag == RNG + "element":
                name = _name_of(child)
                if name:
                    info.children.add(name)
            elif tag == RNG + "ref":
                target = child.get("name")
                if target in self.element_defines:
                    info.children.add(self.element_defines[target])
                elif target not in seen:
                    seen.add(target)
                    for d in self.defines.get(target, []):
                        self._walk(d, info, optional, seen)
            elif tag == RNG + "attribute":
                self._attribute(child, info, optional)
            elif tag in (RNG + "text", RNG + "data", RNG + "value", RNG + "list"):
                info.text = True
                if tag == RNG + "data" and not info.doc:
                    doc = child.getparent().find(ANNOTATION)
                    info.doc = " ".join(doc.text.split()) if doc is not None and doc.text else ""
            elif tag == RNG + "mixed":
                info.text = True
                self._walk(child, info, optional, seen)
            elif tag.startswith(RNG):
                self._walk(child, info, optional or tag in _OPTIONAL, seen)

    def _attribute(self, pattern: etree._Element, info: ElementInfo, optional: bool) -> None:
        name = _name_of(pattern)
        if name is None:
            return
        attr = info.attributes.setdefault(name, AttributeInfo(name, required=not optional))
        doc = pattern.find(ANNOTATION)
        if doc is not None and doc.text:
            attr.doc = " ".join(doc.text.split())
        seen: set[str] = set()
        stack = [pattern]
        while stack:
            node = stack.pop()
            for sub in node:
                if not isinstance(sub.tag, str):
                    continue
                if sub.tag == RNG + "value":
                    attr.values.append((sub.text or "").strip())
                elif sub.tag == RNG + "data":
                    attr.datatypes.append(sub.get("type"))
                elif sub.tag == RNG + "ref" and sub.get("name") not in seen:
                    seen.add(sub.get("name"))
                    for d in self.defines.get(sub.get("name"), []):
                        if not attr.doc:
                            doc = d.find(ANNOTATION)
                            attr.doc = " ".join(doc.text.split()) if doc is not None and doc.text else ""
                        stack.append(d)
                else:
                    stack.append(sub)

    def allowed_children(self, name: str) -> list[str]:
        info = self.elements.get(name)
        return sorted(info.children) if info else []
