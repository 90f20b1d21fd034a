"""What a build is asked (:class:`BuildOptions`) and what it says of each source
(:class:`SourceResult`): plain data, pickled to and from ``-j`` workers (:mod:`edition.parallel`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from .errors import EditionError


@dataclass
class SourceResult:
    name: str
    origin: Path                      # the file the TEI came from (.txt converted, or .xml edited)
    written: list[Path] = field(default_factory=list)
    diagnostics: list = field(default_factory=list)
    error: EditionError | None = None
    reused: bool = False              # up to date: nothing was built, nothing written

    @property
    def ok(self) -> bool:
        return self.error is None and not any(d.severity == "error" for d in self.diagnostics)


@dataclass
class BuildOptions:
    out_dir: Path
    validate: bool = True
    pdf: bool = True
    search: bool = True                                 # index the pages for search (edition.search)
    notice: Callable[[str], None] | None = None         # where the search index reports, one line
    force: bool = False                                 # build every source, up to date or not
    jobs: int = 1                                       # worker processes (1: in this process)
    #: texts whose TEI in out_dir is current (Manifest.converted): read back, not converted again
    converted: frozenset[str] = frozenset()
    #: the stylesheets run in a Saxon worker process beside the build (False: in a thread of it)
    saxon_process: bool = True
    #: a long damaged text is recased in a process beside its conversion (edition.truecase.beside)
    truecase_process: bool = True

    def for_worker(self) -> "BuildOptions":
        """The options a worker process gets: what makes a source's outputs, nothing to call back."""
        return replace(self, notice=None, jobs=1, search=False, saxon_process=False,
                       truecase_process=False)
