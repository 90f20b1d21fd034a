"""Validation of TEI documents against the edition's schema: the grammar
(schema/edition.rng, RELAX NG) and the rules (schema/edition.sch, Schematron).

    validator = Validator()                 # compiles both once
    for d in validator.check_file("build/leon-trotsky.xml"):
        print(d)                            # file:line:col: error: message [rule-id]

Every problem is reported at once, each with its rule id, the XPath of the
element and, where possible, a hint (did you mean …?). A grammar error and a
rule that say the same thing about the same attribute are reported once, by
the rule, whose message is the more precise.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .validation.diagnostics import ERROR, WARNING, Diagnostic, sort_key
from .validation.grammar import Grammar
from .validation.hints import Hints
from .validation.positions import Positions, xpath_of
from .validation.rules import Rules
from .xmlio import parse_xml

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
GRAMMAR_FILE = SCHEMA_DIR / "edition.rng"
RULES_FILE = SCHEMA_DIR / "edition.sch"

__all__ = ["Diagnostic", "Validator", "ERROR", "WARNING", "errors_in", "warnings_in"]


class Validator:
    """The edition's grammar and rules, compiled once, to check any number of documents."""

    def __init__(self, config=None, *, grammar: str | os.PathLike | None = None,
                 rules: str | os.PathLike | None = None, register=None, allow_xinclude: bool | None = None):
        """*config*: an edition Config (its schema folder, register and allow_xinclude), or None.

        Without one, the toolkit's own schema files are used; *register* (a
        Register) only improves the hints.
        """
        schema_dir = getattr(config, "schema_dir", None)
        self.grammar = Grammar(grammar or _schema_file(schema_dir, GRAMMAR_FILE))
        self.rules = Rules(rules or _schema_file(schema_dir, RULES_FILE))
        self.config = config
        self._register = register
        self.allow_xinclude = (allow_xinclude if allow_xinclude is not None
                               else bool(getattr(config, "allow_xinclude", False)))

    @property
    def register(self):
        """The register for hints: given, or the edition's (loaded on first need)."""
        if self._register is None and self.config is not None and getattr(self.config, "register", None):
            from . import register as register_mod
            path = Path(self.config.register)
            if path.is_file():
                try:
                    self._register = register_mod.load(path)
                except Exception:       # hints are a help, never a reason to fail
                    self._register = register_mod.empty()
        return self._register

    def check_file(self, path: str | os.PathLike) -> list[Diagnostic]:
        """Parse *path* safely and check it; raises EditionError if it cannot be read."""
        tree = parse_xml(path, allow_xinclude=self.allow_xinclude)
        return self.check(tree, path)

    def check(self, tree: etree._ElementTree, path: str | os.PathLike | None = None,
              source: bytes | str | None = None) -> list[Diagnostic]:
        """Every problem of *tree* (read from *path*), grammar and rules, in document order."""
        if isinstance(tree, etree._Element):
            tree = tree.getroottree()
        name = str(path) if path is not None else "<document>"
        grammar_errors = self.grammar.check(tree)
        failures = self.rules.check(tree)
        if not grammar_errors and not failures:
            return []
        if (source is None and path is not None and tree.getroot().sourceline is not None
                and Path(path).is_file()):
            source = Path(path).read_bytes()
        positions = Positions(tree, source)
        hints = Hints(tree, self.register)
        diagnostics = []
        places: dict = {}               # the siblings' positions, for every path of this check
        for f in failures:
            line, col = positions.of(f.element, f.attribute)
            diagnostics.append(Diagnostic(
                f.severity, name, line, col, f.message, f.rule,
                xpath_of(f.element, places) + (f"/@{_display(f.attribute)}" if f.attribute else "")
                if f.element is not None
                else None, hints.hint(f.rule, f.element), (id(f.element), _local(f.attribute))))
        covered = {d.subject for d in diagnostics if d.subject[1]}
        explained = {element for element, attribute in covered}
        for g in grammar_errors:
            if g.attribute and (id(g.element), _local(g.attribute)) in covered:
                continue
            if g.rule == "grammar-attribute" and not g.attribute and id(g.element) in explained:
                continue        # "the attributes of <ptr> are not valid": a rule says which and why
            line, col = positions.of(g.element, g.attribute)
            diagnostics.append(Diagnostic(
                ERROR, name, line, col, g.message, g.rule,
                xpath_of(g.element, places) + (f"/@{g.attribute}" if g.attribute else ""), g.hint,
                (id(g.element), _local(g.attribute))))
        return sorted(diagnostics, key=sort_key)


def _display(attribute: str) -> str:
    return "xml:id" if attribute == "id" else attribute


def _local(attribute: str | None) -> str | None:
    return attribute.split(":", 1)[1] if attribute and ":" in attribute else attribute


def _schema_file(schema_dir, default: Path) -> Path:
    """The edition's own copy of a schema file if it has one, else the toolkit's."""
    if schema_dir is not None and (Path(schema_dir) / default.name).is_file():
        return Path(schema_dir) / default.name
    return default


def errors_in(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == ERROR]


def warnings_in(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == WARNING]


# -- any schema: --schema edition | tei_all | FILE.rng ---------------------------------------------

TEI_ALL = SCHEMA_DIR / "tei_all.rng"
#: the schemas --schema knows by name (else it is a file: my.rng, my.rnc)
NAMED_SCHEMAS = {"edition": None, "tei_all": TEI_ALL}


def validator_for(schema: str | None = None, config=None, *, register=None, allow_xinclude=None):
    """The validator *schema* names: the edition's (None, 'edition'), the official TEI schema
    ('tei_all'), or a RELAX NG file, with the Schematron beside it (``my.sch``) if there is one."""
    if schema in (None, "edition"):
        return Validator(config, register=register, allow_xinclude=allow_xinclude)
    from .validation.external import ExternalValidator
    return ExternalValidator(NAMED_SCHEMAS.get(schema) or Path(schema))


def check_files(validator, paths: list[str]) -> dict:
    """path -> its diagnostics or the EditionError that kept it from being read, for any validator."""
    if hasattr(validator, "check_files"):
        return validator.check_files(paths)
    from .errors import EditionError
    results = {}
    for path in paths:
        try:
            results[path] = validator.check_file(path)
        except EditionError as exc:
            results[path] = exc
        except OSError as exc:
            results[path] = EditionError(exc.strerror or str(exc), path)
    return results
