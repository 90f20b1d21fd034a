"""The rules check: ISO Schematron (schema/edition.sch) through lxml.isoschematron.

lxml compiles the Schematron to XSLT 1.0 once; each run returns an SVRL report
whose failed assertions carry the rule id, the role (warning or error), the
message and the XPath location of the node, which is resolved back to the
element (and attribute) in the tree.

The compiled stylesheet is asked for three economies (:func:`_compiled`): the
skeleton's own option of selecting each pattern's contexts through one key
instead of walking the whole document once per pattern, and without the
skeleton's empty walk of the document in every ``svrl:active-pattern`` (its
default-mode ``apply-templates``, which outputs nothing: text is stripped).
On the bundled text that is 0.08 s instead of 0.2 s, with the same report. And a
failure's location is not the skeleton's XPath, which counts the node's like siblings
before it at every step (a name among 5,000 in one long block: 3.4 s for its 5,000 warnings),
but the element itself, handed to Python by an extension function (:data:`WHERE`) and
written into the report as ``#N`` (``#N/@attribute``), N its place in the list of the run.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron

from .. import xmlio
from ..spans import raw_text_of
from ..errors import EditionError

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
XSL = "{http://www.w3.org/1999/XSL/Transform}"
#: the rules read the document they check and nothing else: no file, no URL (document() fails;
#: the parser of the schema, :mod:`edition.xmlio`'s, resolves nothing either), and write nothing
NOTHING_ELSE = etree.XSLTAccessControl.DENY_ALL
#: Schematron roles that do not make a document invalid
WARNING_ROLES = {"warning", "warn", "info", "information"}
#: rule id -> the attribute an element-level rule is about (its column is reported)
RULE_ATTRIBUTE = {
    "ref-person": "ref", "ref-place": "ref", "ref-org": "ref",
    "ref-kind-person": "ref", "ref-kind-place": "ref", "ref-kind-org": "ref",
    "resp-declared": "resp", "who-declared": "who", "cert-needs-resp": "cert",
    "calendar-declared": "calendar", "dating-method-declared": "datingMethod",
    "date-range": "from", "date-range-custom": "from-custom", "date-bounds": "notBefore",
    "xml-id-unique": "id", "speaker-person": "target", "url-scheme": "target",
}


@dataclass
class RuleFailure:
    element: etree._Element | None
    attribute: str | None
    rule: str
    severity: str
    message: str


#: the extension function that gives a failure's element to Python: (namespace, name)
WHERE = ("urn:x-edition:rules", "where")
#: a location written by it: the element's place in the run's list, and an attribute of it
_PLACED = re.compile(r"#(\d+)(?:/@([\w.-]+))?")


class Rules:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        tree = xmlio.parse_xml(self.path)
        #: the elements the failures of the current run are about (:data:`WHERE`), in order
        self.placed: list[etree._Element] = []
        self._running = threading.Lock()
        self.validator = _compiled(tree, self.path, self._place)
        self.rule_ids = {el.get("id") for el in tree.iter(
            "{http://purl.oclc.org/dsdl/schematron}assert", "{http://purl.oclc.org/dsdl/schematron}report")}

    def _place(self, _context, nodes) -> str:
        """:data:`WHERE`: the location of the element *nodes* holds, "#N" (nothing: "")."""
        if not nodes or not isinstance(nodes[0], etree._Element):
            return ""
        self.placed.append(nodes[0])
        return f"#{len(self.placed) - 1}"

    def check(self, tree: etree._ElementTree) -> list[RuleFailure]:
        with self._running:             # one run at a time: the elements it places are its own
            self.placed = []
            try:
                report = self.validator(tree)
            except etree.LxmlError as exc:      # a rule that reads another file (document()), say
                raise EditionError(f"the rules cannot be applied: {exc}; the rules may read only the "
                                   "document they check", str(self.path)) from None
            return self._failures(tree, report, self.placed)

    def _failures(self, tree, report, placed: list) -> list[RuleFailure]:
        failures = []
        elements = None
        children: dict = {}             # (parent, tag) -> its children of that tag (_locate)
        for node in report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
            element, attribute = _locate(tree, node.get("location"), children, placed)
            index = node.findtext(SVRL + "diagnostic-reference[@diagnostic='element-index']")
            if element is None and index and index.strip().isdigit():
                # an attribute context: the skeleton gives no element path, the diagnostic its position
                elements = elements if elements is not None else list(tree.getroot().iter(etree.Element))
                if int(index) < len(elements):
                    element = elements[int(index)]
                    attribute = attribute or _attribute_of(node.get("location"))
            rule = node.get("id") or "rule"
            if (attribute is None and element is not None and RULE_ATTRIBUTE.get(rule)
                    and element.get(_qualified(RULE_ATTRIBUTE[rule])) is not None):
                attribute = RULE_ATTRIBUTE[rule]
            text = node.find(SVRL + "text")
            message = " ".join("".join(text.itertext()).split()) if text is not None else node.get("test", "")
            failures.append(RuleFailure(
                element, attribute, rule,
                "warning" if (node.get("role") or "").lower() in WARNING_ROLES else "error",
                _source_words(message, element)))
        return failures


def _compiled(tree: etree._ElementTree, path: Path, place) -> etree.XSLT:
    """The Schematron as an XSLT 1.0 stylesheet that writes SVRL. Contexts are selected by key
    (the skeleton's select-contexts="key"); a schema that this refuses to compile is compiled
    the skeleton's ordinary way, whose error, if it has one too, is the one reported. Locations
    are the elements *place* (the function :data:`WHERE` calls) is given."""
    failure = None
    for params in ({"select-contexts": "key"}, {}):
        try:
            xslt = isoschematron.Schematron(tree, store_xslt=True, compile_params=params).validator_xslt
            for pattern in xslt.getroot().iter(SVRL + "active-pattern"):
                for walk in pattern.findall(XSL + "apply-templates"):
                    pattern.remove(walk)
            _placed_paths(xslt.getroot())
            return etree.XSLT(xslt, access_control=NOTHING_ELSE, extensions={WHERE: place})
        except (etree.SchematronParseError, etree.XSLTParseError) as exc:
            failure = exc
    raise EditionError(f"the rules cannot be compiled: {failure}", str(path))


def _placed_paths(stylesheet: etree._Element) -> None:
    """The skeleton's templates that write a node's location path (mode
    ``schematron-get-full-path``, an element's and an attribute's) write "#N" and "#N/@name"
    instead, from :data:`WHERE`."""
    for template in stylesheet.findall(XSL + "template"):
        if template.get("mode") != "schematron-get-full-path" or template.get("match") not in ("*", "@*"):
            continue
        for child in list(template):
            template.remove(child)
        template.text = None
        value = etree.SubElement(template, XSL + "value-of", nsmap={"where": WHERE[0]})
        value.set("select", "where:where(.)" if template.get("match") == "*"
                  else "concat(where:where(..), '/@', local-name())")


def _source_words(message: str, element: etree._Element | None) -> str:
    """The message with the element's text as the source has it: a rule quotes all the text of
    the element, the reading text (reg) included ('ramn mercaderRamón Mercader')."""
    if element is None:
        return message
    everything = " ".join("".join(element.itertext()).split())
    source = " ".join(raw_text_of(element).split())
    return message.replace(f"'{everything}'", f"'{source}'") if everything != source else message


#: a step of the skeleton's location paths: an element (its local name, namespace and position
#: among its like siblings, 1 when not given), or an attribute (its local name)
_STEP = re.compile(r"/\*\[local-name\(\)='([^']+)' and namespace-uri\(\)='([^']*)'\](?:\[(\d+)\])?"
                   r"|/@\*\[local-name\(\)='([^']+)' and namespace-uri\(\)=''\]|/@([A-Za-z_][\w.-]*)")


def _locate(tree: etree._ElementTree, location: str | None, children: dict | None = None,
            placed: list | None = None):
    """(element, attribute local name) for an SVRL location: "#N" (N in *placed*, the elements
    :data:`WHERE` was given), or an XPath. The skeleton's paths are
    followed step by step, each parent's children of a name listed once (*children*: for all the
    locations of a report; an XPath engine would test every sibling before the 3,000th paragraph,
    for each of thousands of warnings); another path is evaluated as the XPath it is."""
    if not location:
        return None, None
    if placed is not None and (m := _PLACED.fullmatch(location)):
        n = int(m.group(1))
        return (placed[n], m.group(2)) if n < len(placed) else (None, None)
    found = _follow(tree, location, {} if children is None else children)
    if found is not False:
        return found
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None, None
    if not found:
        return None, None
    node = found[0]
    if isinstance(node, etree._Element):
        return node, None
    if getattr(node, "is_attribute", False):
        return node.getparent(), etree.QName(node.attrname).localname
    parent = getattr(node, "getparent", lambda: None)()
    return parent, None


def _follow(tree: etree._ElementTree, location: str, children: dict):
    """:func:`_locate` of a path made of the skeleton's steps only; False for any other path."""
    node, attribute, pos = None, None, 0
    for m in _STEP.finditer(location):
        if m.start() != pos or attribute is not None:
            return False
        pos = m.end()
        if m.group(1) is None:
            if node is None:
                return False
            attribute = m.group(4) or m.group(5)
            if node.get(attribute) is None:
                return False            # (a prefixed name, xml:id, is not one of these steps)
            continue
        tag, k = f"{{{m.group(2)}}}{m.group(1)}" if m.group(2) else m.group(1), int(m.group(3) or 1)
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag and k == 1 else None
        else:
            key = (node, tag)
            if key not in children:
                children[key] = list(node.iterchildren(tag))
            node = children[key][k - 1] if k <= len(children[key]) else None
        if node is None:
            return None, None
    if pos != len(location) or node is None:
        return False
    return node, attribute


def _qualified(attribute: str) -> str:
    return "{http://www.w3.org/XML/1998/namespace}id" if attribute == "id" else attribute


def _attribute_of(location: str | None) -> str | None:
    """'when' for a location ending in /@when or /@*[local-name()='when' …]."""
    if not location or "@" not in location:
        return None
    step = location.rsplit("@", 1)[1]
    if step.startswith("*[local-name()="):
        return step.split("'")[1]
    return step.strip("[]/") or None
