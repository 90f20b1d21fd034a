"""Any RELAX NG schema, not only the edition's: tei_all or a scholar's own ``my.rng``.

The grammar is checked by jing when it is installed (the Debian package; it
compiles tei_all in about a second and reports every error of a document), else
by lxml (libxml2), which takes about 30 seconds to compile tei_all and reports
fewer errors at once. A Schematron file beside the grammar (``my.sch`` for
``my.rng``) is checked too, by :class:`edition.validation.rules.Rules`.

Each file is first read by the one safe parser (:mod:`edition.xmlio`): a file
that declares entities or a DTD is refused before any validator sees it. The
diagnostics have the format of the edition's own: ``file:line:col: error:
message [grammar]``, with the XPath of the element.
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import subprocess
from pathlib import Path

from lxml import etree

from ..errors import EditionError
from ..xmlio import parse_xml
from .diagnostics import ERROR, WARNING, Diagnostic, sort_key
from .positions import Positions, xpath_of
from .rules import Rules

#: seconds jing may take for one run
JING_TIMEOUT = 600
#: a jing diagnostic: FILE:LINE:COL: error|fatal|warning: MESSAGE
_JING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")
_EXPECTED = re.compile(r"^(?P<what>.*?); (?P<expected>expected .*)$")
#: how many names of an "expected …" list a hint shows
MAX_EXPECTED = 12


class _Located(Positions):
    """Positions, and the element whose start tag a validator's line and column fall into."""

    def element_at(self, line: int, column: int) -> etree._Element | None:
        """The element whose start tag begins last before (line, column)."""
        if line < 1 or line > len(self._line_starts):
            return None
        if not hasattr(self, "_sorted"):
            self._sorted = sorted((offset, n, el) for n, (el, offset) in enumerate(self._offsets.items()))
        target = self._line_starts[line - 1] + max(column - 1, 0)
        at = bisect.bisect_left(self._sorted, (target, -1)) - 1
        return self._sorted[at][2] if at >= 0 else None


def _hint(expected: str) -> str:
    """'expected element "a", "b" … or "z"' shortened to its first names."""
    names = re.findall(r'"([^"]+)"', expected)
    if len(names) <= MAX_EXPECTED:
        return expected
    kind = expected.split('"', 1)[0].strip()
    return f"{kind} {', '.join(names[:MAX_EXPECTED])} … ({len(names)} in all)"


class ExternalValidator:
    """A RELAX NG grammar (and the Schematron beside it, if any) for any number of files."""

    def __init__(self, grammar: str | os.PathLike, rules: str | os.PathLike | None = None,
                 use_jing: bool | None = None):
        self.grammar_path = Path(grammar)
        if not self.grammar_path.is_file():
            raise EditionError("schema not found", self.grammar_path)
        beside = self.grammar_path.with_suffix(".sch")
        rules = rules if rules is not None else (beside if beside.is_file() else None)
        self.rules = Rules(rules) if rules else None
        self.jing = shutil.which("jing") if use_jing in (None, True) else None
        if use_jing and not self.jing:
            raise EditionError("jing not found: install the Debian package jing (scripts/setup.sh does)")
        if self.grammar_path.suffix == ".rnc" and not self.jing:
            raise EditionError("a compact-syntax schema (.rnc) needs jing: install the Debian package jing",
                               self.grammar_path)
        self._lxml: etree.RelaxNG | None = None

    @property
    def engine(self) -> str:
        return "jing" if self.jing else "lxml"

    def check_files(self, paths: list[str]) -> dict[str, list[Diagnostic] | EditionError]:
        """path -> its diagnostics, or the EditionError that kept it from being read."""
        results: dict[str, list[Diagnostic] | EditionError] = {}
        trees = {}
        for path in paths:
            try:
                trees[path] = parse_xml(path)
            except EditionError as exc:
                results[path] = exc
            except OSError as exc:
                results[path] = EditionError(exc.strerror or str(exc), path)
        grammar = self._jing(list(trees)) if self.jing else {p: self._by_lxml(t) for p, t in trees.items()}
        for path, tree in trees.items():
            results[path] = self._diagnostics(path, tree, grammar.get(path, []))
        return {p: results[p] for p in paths}

    def check_file(self, path: str | os.PathLike) -> list[Diagnostic]:
        result = self.check_files([str(path)])[str(path)]
        if isinstance(result, EditionError):
            raise result
        return result

    # -- the grammar ---------------------------------------------------------------------------
    def _jing(self, paths: list[str]) -> dict[str, list[tuple]]:
        """One jing run over every file: path -> [(line, col, severity, message)]."""
        if not paths:
            return {}
        absolute = {str(Path(p).resolve()): p for p in paths}
        argv = [self.jing, *(["-c"] if self.grammar_path.suffix == ".rnc" else []),
                str(self.grammar_path), *absolute]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=JING_TIMEOUT,
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise EditionError(f"jing failed: {exc}", self.grammar_path) from None
        found: dict[str, list[tuple]] = {}
        for line in proc.stdout.splitlines():
            m = _JING_LINE.match(line)
            if not m:
                continue
            where = absolute.get(str(Path(m["file"]).resolve()))
            if where is None:               # an error in the schema itself
                raise EditionError(f"the schema cannot be used: {m['msg']}", m["file"],
                                   int(m["line"]), int(m["col"]))
            severity = WARNING if m["sev"] == "warning" else ERROR
            found.setdefault(where, []).append((int(m["line"]), int(m["col"]), severity, m["msg"]))
        if proc.returncode not in (0, 1) or (proc.returncode == 1 and not found):
            text = (proc.stdout + proc.stderr).strip().splitlines()
            text = [t for t in text if not t.startswith("[warning]")]
            raise EditionError(f"jing failed: {text[0] if text else 'no message'}", self.grammar_path)
        return found

    def _by_lxml(self, tree: etree._ElementTree) -> list[tuple]:
        if self._lxml is None:
            try:
                self._lxml = etree.RelaxNG(parse_xml(self.grammar_path))
            except etree.RelaxNGParseError as exc:
                raise EditionError(f"the schema cannot be compiled: {exc}", self.grammar_path) from None
        if self._lxml.validate(tree):
            return []
        return [(e.line, e.column + 1 if e.column else 0, ERROR, e.message) for e in self._lxml.error_log]

    # -- diagnostics ----------------------------------------------------------------------------
    def _diagnostics(self, path: str, tree: etree._ElementTree, grammar: list[tuple]) -> list[Diagnostic]:
        failures = self.rules.check(tree) if self.rules else []
        if not grammar and not failures:
            return []
        positions = _Located(tree, Path(path).read_bytes())
        out = []
        for line, col, severity, message in grammar:
            el = positions.element_at(line, col) if col else None
            m = _EXPECTED.match(message)
            what, hint = (m["what"], _hint(m["expected"])) if m else (message, None)
            attr = re.match(r'attribute "([^"]+)"', what)
            if el is not None:
                line, col = positions.of(el, attr.group(1).rpartition(":")[2] if attr else None)
            out.append(Diagnostic(severity, path, line, col or None, what, "grammar",
                                  xpath_of(el) if el is not None else None, hint))
        for f in failures:
            line, col = positions.of(f.element, f.attribute)
            out.append(Diagnostic(f.severity, path, line, col, f.message, f.rule,
                                  xpath_of(f.element) if f.element is not None else None))
        return sorted(out, key=sort_key)
