"""The grammar check: RELAX NG (lxml), with every error found and explained.

libxml2 stops checking an element's content at its first error and reports
the failure again on every ancestor. To report every problem at once, an
invalid document is searched element by element: each element name of the
edition's grammar has one definition, so every element can be validated on
its own (a grammar whose start is that definition); only elements that are
invalid while all their children are valid, and the exact child or attribute
at fault, are reported.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import TEI_NS, xmlio
from ..errors import EditionError
from .grammar_info import RNG, GrammarInfo
from .hints import did_you_mean


@dataclass
class GrammarError:
    """One grammar error, before it becomes a Diagnostic."""
    element: etree._Element
    attribute: str | None
    rule: str
    message: str
    hint: str | None = None


def _localname(el) -> str:
    return etree.QName(el).localname


def _resolve(root: etree._Element, path: str | None, kids_of: dict | None = None) -> etree._Element:
    """The element a libxml2 path (``/*/*[2]/*``, relative to *root*) names; *root* if unknown.
    *kids_of*: element -> its child elements, kept for all the paths of one check (thousands of
    errors in one long paragraph: its children listed once, not once an error)."""
    if not path:
        return root
    kids_of = {} if kids_of is None else kids_of
    node = root
    for step in path.strip("/").split("/")[1:]:
        m = re.fullmatch(r"(?:\*|[\w:.\-]+)(?:\[(\d+)\])?", step)
        if not m:
            return node
        kids = kids_of.get(node)
        if kids is None:
            kids = kids_of[node] = [k for k in node if isinstance(k.tag, str)]
        index = int(m.group(1) or 1) - 1
        if index >= len(kids):
            return node
        node = kids[index]
    return node


def _els(names) -> str:
    return ", ".join(f"<{n}>" for n in names) if names else "no elements"


class Explainer:
    """libxml2 RELAX NG messages -> messages a scholar can act on (a table of patterns)."""

    def __init__(self, info: GrammarInfo):
        self.info = info
        self.table = (
            (r"Invalid attribute (\S+) for element (\S+)", self._invalid_attribute),
            (r"Element (\S+) failed to validate attributes", self._attributes),
            (r"Extra data in list: (\S+)", self._list_item),
            (r"Did not expect element (\S+) there", self._unexpected_element),
            (r"Expecting element (\S+), got (\S+)", self._expected_element),
            (r"Expecting an element (\S+), got nothing", self._missing_element),
            (r"Element (\S+) has extra content: (\S+)", self._extra_content),
            (r"Did not expect text in element (\S+) content", self._text),
            (r"Expecting element (\S+) to be empty", self._not_empty),
            (r"Expecting a namespace for element (\S+)", self._namespace),
            (r"Element (\S+) has wrong namespace: expecting (\S+)", self._namespace),
            (r"Error validating datatype (\S+)|Datatype element (\S+) has child elements"
             r"|Error validating value|Element (\S+) failed to validate content", self._content),
        )

    def explain(self, message: str, node: etree._Element) -> GrammarError:
        for pattern, build in self.table:
            m = re.match(pattern, message)
            if m:
                return build(node, *m.groups())
        return GrammarError(node, None, "grammar", message)

    def _invalid_attribute(self, node, attr, element):
        info = self.info.elements.get(_localname(node))
        allowed = info.attributes if info else {}
        if attr not in allowed and "xml:" + attr in allowed:
            attr = "xml:" + attr          # libxml2 names xml:id and xml:lang by their local name
        if attr == "xml:id" and node.get(self._qualified(attr)) is not None:
            return GrammarError(node, attr, "grammar-attribute-value",
                                f"the xml:id '{node.get(self._qualified(attr))}' is not a valid identifier "
                                "or is used twice", "an xml:id starts with a letter and is unique")
        if attr not in allowed:
            return GrammarError(node, attr, "grammar-attribute",
                                f"<{_localname(node)}> does not take the attribute @{attr}",
                                f"allowed: {', '.join('@' + a for a in sorted(allowed)) or 'none'}"
                                + (did_you_mean(attr, allowed, prefix='; ') or ""))
        spec = allowed[attr]
        value = node.get(self._qualified(attr), "")
        if spec.values:
            hint = did_you_mean(value, spec.values) or f"use one of: {', '.join(spec.values)}"
            if spec.datatypes and spec.doc:
                hint += f" ({spec.doc})"
        else:
            hint = spec.doc or f"expected a value of type {', '.join(spec.datatypes)}"
        return GrammarError(node, attr, "grammar-attribute-value",
                            f"'{value}' is not an allowed value of @{attr} on <{_localname(node)}>", hint)

    @staticmethod
    def _qualified(attr: str) -> str:
        return "{http://www.w3.org/XML/1998/namespace}" + attr[4:] if attr.startswith("xml:") else attr

    def _attributes(self, node, element):
        info = self.info.elements.get(_localname(node))
        if info:
            missing = [a for a, spec in info.attributes.items()
                       if spec.required and node.get(self._qualified(a)) is None]
            if missing:
                return GrammarError(node, None, "grammar-attribute-missing",
                                    f"<{_localname(node)}> needs the attribute "
                                    f"{' and '.join('@' + a for a in missing)}",
                                    info.attributes[missing[0]].doc or None)
        return GrammarError(node, None, "grammar-attribute",
                            f"the attributes of <{_localname(node)}> are not valid")

    def _list_item(self, node, token):
        """A value of a list attribute (such as ptr/@target) that its datatype refuses."""
        for attr, value in node.attrib.items():
            if token in value.split():
                name = etree.QName(attr).localname
                return self._invalid_attribute(node, name, _localname(node))
        return GrammarError(node, None, "grammar", f"'{token}' is not an allowed value here")

    def _where(self, node) -> tuple[etree._Element, str]:
        parent = node.getparent()
        return (parent, _localname(parent)) if parent is not None else (node, "the document")

    def _unexpected_element(self, node, name):
        # libxml2 points either to the unexpected element or to its parent
        child = node if _localname(node) == name else next(
            (k for k in node if isinstance(k.tag, str) and _localname(k) == name), node)
        parent, pname = self._where(child) if child is not node or _localname(node) == name else (node, _localname(node))
        return self._misplaced(child, parent, pname, name)

    def _misplaced(self, child, parent, pname, name):
        if etree.QName(child).namespace != TEI_NS:
            return GrammarError(child, None, "grammar-namespace",
                                f"<{name}> is not in the TEI namespace",
                                f'declare xmlns="{TEI_NS}" on the root element')
        allowed = self.info.allowed_children(pname)
        if name not in self.info.elements:
            return GrammarError(child, None, "grammar-element",
                                f"<{name}> is not an element of the edition's schema",
                                "; ".join(filter(None, (did_you_mean(name, self.info.elements),
                                                        f"inside <{pname}> use {_els(allowed)}" if allowed
                                                        else None))) or None)
        if name in allowed:
            return GrammarError(child, None, "grammar-order",
                                f"<{name}> is not allowed at this point of <{pname}> "
                                f"(wrong order, or one too many)",
                                f"see the order of <{pname}>'s content in schema/edition.odd")
        return GrammarError(child, None, "grammar-element", f"<{name}> is not allowed inside <{pname}>",
                            f"inside <{pname}> use {_els(allowed)}" if allowed
                            else f"<{pname}> contains text only")

    def _expected_element(self, node, expected, got):
        if got == "text":
            return GrammarError(node, None, "grammar-text",
                                f"text is not allowed here inside <{_localname(node)}>; expected <{expected}>",
                                None)
        child = next((k for k in node if isinstance(k.tag, str) and _localname(k) == got), node)
        if child is node:
            parent, pname = self._where(node)
        else:
            parent, pname = node, _localname(node)
        err = self._misplaced(child, parent, pname, got)
        if err.rule == "grammar-order":
            err.message = f"<{got}> is not allowed here inside <{pname}>: expected <{expected}>"
        return err

    def _missing_element(self, node, expected):
        return GrammarError(node, None, "grammar-missing",
                            f"<{_localname(node)}> lacks a required <{expected}>",
                            f"add <{expected}> to <{_localname(node)}>")

    def _extra_content(self, node, element, extra):
        return self._unexpected_element(node, extra) if extra != "text" else self._text(node, element)

    def _text(self, node, element):
        allowed = self.info.allowed_children(_localname(node))
        return GrammarError(node, None, "grammar-text",
                            f"<{_localname(node)}> cannot contain text directly",
                            f"put the text inside {_els(allowed)}" if allowed else None)

    def _not_empty(self, node, element):
        return GrammarError(node, None, "grammar-content", f"<{_localname(node)}> must be empty")

    def _namespace(self, node, element, *rest):
        return GrammarError(node, None, "grammar-namespace",
                            f"<{_localname(node)}> is not in the TEI namespace",
                            f'declare xmlns="{TEI_NS}" on the root element')

    def _content(self, node, *names):
        info = self.info.elements.get(_localname(node))
        hint = info.doc if info and info.doc else None
        if info and not info.children and info.text:
            msg = f"the content of <{_localname(node)}> is not valid"
            hint = hint or f"<{_localname(node)}> contains text only"
        else:
            msg = f"the content of <{_localname(node)}> does not follow the schema"
            if info and info.children:
                hint = hint or f"<{_localname(node)}> may contain {_els(sorted(info.children))}"
        return GrammarError(node, None, "grammar-content", msg, hint)


#: messages that only repeat, on an ancestor, an error reported more precisely below it
_CASCADE = re.compile(r"failed to validate content|Invalid sequence in interleave|Extra element .* in interleave"
                      r"|Expecting element \S+, got \S+")


class Grammar:
    """The compiled grammar: one RelaxNG for the document, one per element (made when needed)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.tree = xmlio.parse_xml(self.path)
        try:
            self.document = etree.RelaxNG(self.tree)
        except etree.RelaxNGParseError as exc:
            raise EditionError(f"the grammar cannot be compiled: {exc}", str(self.path)) from None
        self.info = GrammarInfo(self.tree)
        self.explainer = Explainer(self.info)
        self._by_element: dict[str, etree.RelaxNG] = {}
        self._define_of = {el: name for name, el in self.info.element_defines.items()}

    def _validator_for(self, el: etree._Element) -> etree.RelaxNG | None:
        if etree.QName(el).namespace != TEI_NS:
            return None
        name = _localname(el)
        if name not in self._define_of:
            return None
        if name not in self._by_element:
            tree = copy.deepcopy(self.tree)
            start = tree.getroot().find(RNG + "start")
            for kid in list(start):
                start.remove(kid)
            etree.SubElement(start, RNG + "ref", name=self._define_of[name])
            self._by_element[name] = etree.RelaxNG(tree)
        return self._by_element[name]

    def check(self, tree: etree._ElementTree) -> list[GrammarError]:
        if self.document.validate(tree):
            return []
        root = tree.getroot()
        if self._validator_for(root) is None or _localname(root) != "TEI":
            log = self.document.error_log
            node = root
            if _localname(root) != "TEI":
                return [GrammarError(root, None, "grammar-root",
                                     f"the root element is <{_localname(root)}>, not <TEI>",
                                     f'a TEI document starts with <TEI xmlns="{TEI_NS}">')]
            return [self.explainer.explain(e.message, node) for e in log][:1]
        return self._locate(root)

    def _valid(self, el: etree._Element) -> bool:
        validator = self._validator_for(el)
        return validator is None or validator.validate(el)

    def _locate(self, el: etree._Element) -> list[GrammarError]:
        validator = self._validator_for(el)
        if validator.validate(el):
            return []
        log = list(validator.error_log)
        bad = [k for k in el if isinstance(k.tag, str) and self._validator_for(k) is not None
               and not self._valid(k)]
        found: list[GrammarError] = []
        for kid in bad:
            found.extend(self._locate(kid))
        own = []
        kids_of: dict = {}
        bad_set = set(bad)
        for entry in log:
            node = _resolve(el, entry.path, kids_of)
            if _within(node, bad_set, el) or (found and _CASCADE.search(entry.message)):
                continue
            own.append(self.explainer.explain(entry.message, node))
        if not own and not found and log:
            own.append(self.explainer.explain(log[0].message, _resolve(el, log[0].path, kids_of)))
        return _unique(own) + found


def _within(node: etree._Element, elements: set, top: etree._Element) -> bool:
    """Whether *node* is one of *elements* or inside one, below *top* (its ancestors walked up to
    *top*: a path's depth, not the number of elements)."""
    while node is not None and node is not top:
        if node in elements:
            return True
        node = node.getparent()
    return False


def _unique(errors: list[GrammarError]) -> list[GrammarError]:
    seen, out = set(), []
    for e in errors:
        key = (id(e.element), e.attribute, e.rule, e.message)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
