"""``edition check-publish``: is the built edition ready for a repository?

Every point is a function over the files to publish that returns its problems,
one :class:`Problem` (one line) each; :data:`CHECKS` lists them in the order the
report follows. The points are what repositories of editions ask for (TAPAS,
Zenodo, TextGrid): TEI that is well-formed, in the TEI namespace and valid
against tei_all; a header with a title, an author or editor, a publisher, a
licence with its URL, a source description and a language; no file of 10 MB
or more (TAPAS's limit); an open licence (``data/licences.txt``); every name's
``@ref="#id"`` found in the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import T, TEI_NS
from ..errors import EditionError
from ..xmlio import parse_xml
from . import licences

MAX_BYTES = 10 * 1024 * 1024
HEADER = f"{T}teiHeader"
FILE_DESC = f"{HEADER}/{T}fileDesc"


@dataclass
class Problem:
    check: str
    message: str
    path: str
    line: int | None = None

    def __str__(self) -> str:
        return str(EditionError(f"{self.message} [publish-{self.check}]", self.path, self.line))


@dataclass
class Edition:
    """What is to be published: the texts' TEI, the register, every other file."""
    texts: list[Path]
    register_file: Path | None
    files: list[Path]
    register: object = None                      # edition.register.Register
    trees: dict[Path, etree._ElementTree] = field(default_factory=dict)

    @property
    def tei(self) -> list[Path]:
        return [*self.texts, *([self.register_file] if self.register_file else [])]

    def parsed(self):
        """(path, tree) of every text that could be parsed, in order."""
        return [(path, self.trees[path]) for path in self.texts if self.trees.get(path) is not None]


def check_built(ed: Edition) -> list[Problem]:
    """One line per text whose outputs are missing, naming them."""
    missing: dict[Path, list[str]] = {}
    for path in ed.files:
        if not path.is_file():
            missing.setdefault(path.with_suffix(""), []).append(path.suffix.lstrip(".") or path.name)
    return [Problem("built", f"not built yet (no {', '.join(kinds)}): run `edition build` (`edition publish` "
                    "builds it)", f"{stem}.{kinds[0]}" if len(kinds) == 1 else f"{stem}.*")
            for stem, kinds in missing.items()]


def check_well_formed(ed: Edition) -> list[Problem]:
    problems = []
    for path in ed.tei:
        if not path.is_file():
            continue
        try:
            ed.trees[path] = parse_xml(path)
        except EditionError as exc:
            message = exc.message if exc.message.startswith("not well-formed") else \
                f"not well-formed XML: {exc.message}"
            problems.append(Problem("well-formed", message, str(exc.path or path), exc.line))
    return problems


def check_namespace(ed: Edition) -> list[Problem]:
    problems = []
    for path, tree in ed.trees.items():
        root = tree.getroot()
        name = etree.QName(root)
        if name.namespace != TEI_NS or name.localname not in ("TEI", "teiCorpus"):
            where = f"the namespace {name.namespace}" if name.namespace else "no namespace"
            problems.append(Problem("namespace", f"the root element is <{name.localname}> in {where}; a TEI "
                                    f"document is <TEI> in the namespace {TEI_NS}", str(path), root.sourceline))
    return problems


def check_tei_all(ed: Edition) -> list[Problem]:
    from ..validate import TEI_ALL, errors_in
    from ..validation.external import ExternalValidator

    paths = [p for p, tree in ed.trees.items() if etree.QName(tree.getroot()).namespace == TEI_NS]
    if not paths:
        return []
    problems = []
    for path, found in ExternalValidator(TEI_ALL).check_files([str(p) for p in paths]).items():
        errors = [found] if isinstance(found, EditionError) else errors_in(found)
        if errors:
            first = errors[0]
            more = f" ({len(errors)} errors; `edition validate --schema tei_all {path}` lists them)" \
                if len(errors) > 1 else ""
            problems.append(Problem("tei-all", f"not valid against tei_all: {' '.join(first.message.split())}"
                                    f"{more}", str(path), getattr(first, "line", None)))
    return problems


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _xpath(root, statement: str, *steps: str) -> list:
    """The elements *steps* (XPath 1.0) below fileDesc/*statement* of *root*."""
    base = f"t:teiHeader/t:fileDesc/t:{statement}/"
    return root.xpath(" | ".join(base + step for step in steps), namespaces={"t": TEI_NS})


#: header point -> (what is missing, a test over the TEI root, where to say so)
HEADER_POINTS = {
    "title": ("no title (fileDesc/titleStmt/title)",
              lambda r: any(_text(t) for t in r.iterfind(f"{FILE_DESC}/{T}titleStmt/{T}title"))),
    "author": ("no author or editor (titleStmt/author, editor or a respStmt's name)",
               lambda r: any(_text(n) for n in _xpath(r, "titleStmt", "t:author", "t:editor",
                                                      "t:respStmt/*[self::t:name or self::t:persName or "
                                                      "self::t:orgName][not(@type = 'software')]"))),
    "publisher": ("no publisher (publicationStmt/publisher, distributor or authority)",
                  lambda r: any(_text(n) for n in _xpath(r, "publicationStmt", "t:publisher", "t:distributor",
                                                         "t:authority"))),
    "licence": ("no licence with its URL (publicationStmt/availability/licence/@target)",
                lambda r: any((lic.get("target") or "").strip() for lic in r.iterfind(
                    f"{FILE_DESC}/{T}publicationStmt/{T}availability/{T}licence"))),
    "source": ("no source description (fileDesc/sourceDesc with a bibl or a paragraph)",
               lambda r: any(_text(s) or len(s.xpath("*//@target")) for s in r.iterfind(f"{FILE_DESC}/{T}sourceDesc"))),
    "language": ("no language (profileDesc/langUsage/language/@ident)",
                 lambda r: bool(r.xpath("t:teiHeader/t:profileDesc/t:langUsage/t:language/@ident[normalize-space()]",
                                        namespaces={"t": TEI_NS}))),
}


def check_header(ed: Edition) -> list[Problem]:
    problems = []
    for path, tree in ed.parsed():
        if etree.QName(tree.getroot()).namespace != TEI_NS:
            continue
        root = tree.getroot()
        header = root.find(HEADER)
        line = header.sourceline if header is not None else root.sourceline
        for point, (missing, present) in HEADER_POINTS.items():
            if not present(root):
                problems.append(Problem(f"header-{point}", f"the header has {missing}", str(path), line))
    return problems


def check_size(ed: Edition) -> list[Problem]:
    return [Problem("size", f"{p.stat().st_size / 1048576:.1f} MB: repositories (TAPAS) take files under "
                    f"{MAX_BYTES // 1048576} MB", str(p)) for p in ed.files if p.is_file()
            and p.stat().st_size >= MAX_BYTES]


def check_licence(ed: Edition) -> list[Problem]:
    problems = []
    for path, tree in ed.parsed():
        for lic in tree.getroot().iterfind(f"{FILE_DESC}/{T}publicationStmt/{T}availability/{T}licence"):
            target = (lic.get("target") or "").strip()
            if target and licences.find(target) is None:
                accepted = ", ".join(entry.spdx for entry in licences.table())
                problems.append(Problem("licence", f"the licence {target} is not one repositories accept as "
                                        f"open (accepted: {accepted})", str(path), lic.sourceline))
    return problems


def check_refs(ed: Edition) -> list[Problem]:
    problems = []
    for path, tree in ed.parsed():
        for text in tree.getroot().iter(T + "text"):
            for el in text.iter():
                for ref in (el.get("ref") or "").split() if isinstance(el.tag, str) else ():
                    if ref.startswith("#") and (ed.register is None or ed.register.get(ref) is None):
                        problems.append(Problem("ref", f"<{etree.QName(el).localname}> points to {ref}, which "
                                                "is not in the register", str(path), el.sourceline))
    return problems


CHECKS = (check_built, check_well_formed, check_namespace, check_tei_all, check_header, check_size,
          check_licence, check_refs)


def check(ed: Edition) -> list[Problem]:
    """Every failed point of *ed*, in the order of :data:`CHECKS`."""
    problems: list[Problem] = []
    for run in CHECKS:
        problems += run(ed)
    return problems
