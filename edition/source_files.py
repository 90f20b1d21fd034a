"""The sources of an edition: its plain texts and hand-edited TEI files in ``source/``."""

from __future__ import annotations

from pathlib import Path

from .config import Config


def find_sources(config: Config, given: list[str] | tuple[str, ...] = ()) -> list[Path]:
    """The sources to build: the given paths, or every source/*.txt (and source/*.xml without a .txt)."""
    if given:
        return [Path(g) for g in given]
    src = config.root / "source"
    texts = sorted(src.glob("*.txt"))
    stems = {p.stem for p in texts}
    register = config.register.resolve() if config.register else None
    edited = [p for p in sorted(src.glob("*.xml")) if p.stem not in stems and p.resolve() != register]
    return texts + edited


def edited_tei_for(source: Path) -> Path | None:
    """The hand-edited TEI that takes precedence over a plain text, if there is one."""
    if source.suffix == ".xml":
        return source
    candidate = source.with_suffix(".xml")
    return candidate if candidate.exists() else None


def given_sources(config: Config, sources: list[Path]) -> bool:
    """Whether *sources* is a choice of sources rather than the edition's every one."""
    return [Path(s).resolve() for s in sources] != [s.resolve() for s in find_sources(config)]
