"""``edition publish``: the build as a deposit for repositories and as a static web site.

    publish/
      bag/            BagIt bag: data/ = the TEI, HTML (with its search index), FO, PDF,
                      the register (TEI, CSV, JSON), the schema and the metadata
      bag.zip         the bag, zipped, for upload
      metadata/       datacite.xml (kernel 4), oai_dc.xml, zenodo.json, CITATION.cff
      site/           index.html, the TEI and PDF for download, the register, search

Everything is written into a staging folder beside the target and swapped in at
the end, so a failed run leaves the previous publication as it was; a folder not
made by ``edition publish`` (no marker file) is never replaced.
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import T, confine
from ..build import OUTPUTS, edited_tei_for, find_sources
from ..config import Config
from ..errors import EditionError
from ..xmlio import parse_xml, serialize, write_atomic
from . import bag as bag_mod
from . import opendata, readiness
from .metadata import METADATA, Deposit, MetadataWriter

#: the file that marks a folder made by edition publish (which a new run may replace)
MARKER = ".edition-publish"
SCHEMA_FILES = ("edition.odd", "edition.rng", "edition.sch")
#: the register's files in the deposit and the site, beside the texts'
OPEN_DATA = ("register.xml", "register.csv", "register.json")


@dataclass
class PublishOptions:
    out_dir: Path
    doi: str = ""
    url: str = ""
    date: str = ""
    force: bool = False                                  # publish even when not ready
    notice: Callable[[str], None] | None = None


@dataclass
class Published:
    out_dir: Path
    problems: list = field(default_factory=list)         # readiness.Problem, when not ready
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def text_names(config: Config) -> list[str]:
    return [p.stem for p in find_sources(config)]


def stale(config: Config, build_dir: Path) -> list[Path]:
    """The sources whose outputs in *build_dir* are missing or older than what they are made of."""
    sources = find_sources(config)
    shared = [p for p in (config.path, config.register, config.lexicon) if p and Path(p).is_file()]
    changed = []
    for source in sources:
        inputs = [source, *([edited_tei_for(source)] if edited_tei_for(source) else []), *shared]
        newest = max(Path(p).stat().st_mtime for p in inputs if Path(p).is_file())
        outputs = [build_dir / f"{source.stem}.{ext}" for ext in OUTPUTS]
        if any(not o.is_file() or o.stat().st_mtime < newest for o in outputs):
            changed.append(source)
    return changed


def edition_files(config: Config, build_dir: Path, register=None) -> readiness.Edition:
    names = text_names(config)
    texts = [build_dir / f"{n}.xml" for n in names]
    files = [build_dir / f"{n}.{ext}" for n in names for ext in OUTPUTS]
    reg = Path(config.register) if config.register else None
    if reg is not None:
        files.append(reg)
    if register is None and reg is not None and reg.is_file():
        from ..pipeline import load_register
        register = load_register(config)
    return readiness.Edition(texts, reg, files, register)


def check(config: Config, build_dir: Path) -> list:
    """The readiness report of the built edition: its failed points (empty: ready)."""
    return readiness.check(edition_files(config, build_dir))


def portable_tei(path: Path) -> bytes:
    """The TEI of *path* with its xml-model processing instructions pointing to schema/ beside it."""
    tree = parse_xml(path)
    for pi in tree.getroot().itersiblings(preceding=True):
        if getattr(pi, "target", None) == "xml-model" and pi.text:
            pi.text = re.sub(r'href="[^"]*?([^/"]+)"', r'href="schema/\1"', pi.text)
    return serialize(tree)


def _slot(out_dir: Path) -> None:
    """Refuse an output folder that holds anything not made by edition publish."""
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARKER).is_file())):
        raise EditionError("exists and was not made by `edition publish`: choose another --out, or empty it",
                           out_dir)


def _swap(stage: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{stage.name[-8:]}")
        out_dir.rename(old)
    stage.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def publish(config: Config, build_dir: Path, options: PublishOptions) -> Published:
    """Check the built edition, then write the bag, its zip, the metadata and the site."""
    out_dir = Path(options.out_dir).resolve()
    if out_dir == config.root.resolve() or config.root.resolve().is_relative_to(out_dir) \
            or out_dir.is_relative_to((config.root / "source").resolve()) \
            or out_dir == Path(build_dir).resolve():
        raise EditionError("the publication needs a folder of its own (not the edition's, source/ or build/)",
                           out_dir)
    _slot(out_dir)
    confine.refuse_link_out(Path(build_dir), config.root, "what is published comes from the edition's "
                            "own build folder; remove the link and build again")
    edition = edition_files(config, build_dir)
    confine.refuse_links([p for p in edition.files if p.parent == Path(build_dir)]
                         + [Path(build_dir) / "pagefind"])
    from .site import refuse_clashes
    refuse_clashes([p.stem for p in edition.texts], OPEN_DATA if edition.register is not None else [],
                   {p.stem: p for p in find_sources(config)})
    result = Published(out_dir, readiness.check(edition))
    if result.problems and not options.force:
        return result
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.part-", dir=out_dir.parent))
    try:
        say = options.notice or (lambda line: None)
        _write(config, build_dir, edition, stage, options,
               lambda line: say(line.replace(str(stage), str(out_dir))))
        write_atomic(stage / MARKER, "Made by edition publish; the next run replaces this folder.\n")
        _swap(stage, out_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    result.files = {"bag": out_dir / "bag", "zip": out_dir / "bag.zip", "site": out_dir / "site",
                    **{name: out_dir / "metadata" / name for name in METADATA}}
    return result


def _open_data(config: Config, edition: readiness.Edition) -> dict[str, bytes]:
    if edition.register is None or edition.register_file is None:
        return {}
    trees = [edition.trees.get(p) or parse_xml(p) for p in edition.texts]
    rows = opendata.records(edition.register, opendata.mentions(trees))
    return {OPEN_DATA[0]: edition.register_file.read_bytes(),
            OPEN_DATA[1]: opendata.to_csv(rows),
            OPEN_DATA[2]: opendata.to_json(rows, f"Register of {config.title}")}


def _write(config: Config, build_dir: Path, edition: readiness.Edition, stage: Path,
           options: PublishOptions, notice: Callable[[str], None]) -> None:
    names = [p.stem for p in edition.texts]
    first = edition.trees.get(edition.texts[0]) or parse_xml(edition.texts[0])
    deposit = Deposit(date=options.date or _dt.date.today().isoformat(),
                      title=config.title if len(names) > 1 else "", doi=options.doi, url=options.url)
    writer = MetadataWriter(config.xslt_dir)
    metadata = writer.write_all(first, deposit)
    data = _open_data(config, edition)
    schema = {f"schema/{n}": (config.schema_dir / n).read_bytes() for n in SCHEMA_FILES
              if (config.schema_dir / n).is_file()}
    tei = {f"{n}.xml": portable_tei(build_dir / f"{n}.xml") for n in names}

    payload = stage / "bag"
    payload.mkdir()
    for name in names:
        for ext in ("html", "fo", "pdf"):
            if (build_dir / f"{name}.{ext}").is_file():
                shutil.copyfile(build_dir / f"{name}.{ext}", payload / f"{name}.{ext}")
    if (build_dir / "pagefind").is_dir():
        shutil.copytree(build_dir / "pagefind", payload / "pagefind")
    files = {**tei, **data, **schema, **{f"metadata/{k}": v for k, v in metadata.items()}}
    for rel, content in files.items():
        (payload / rel).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(payload / rel, content)
    email = first.getroot().find(f".//{T}teiHeader//{T}email")
    bag_mod.make_bag(payload, bag_mod.bag_info(metadata["datacite.xml"], email.text if email is not None
                                               else None, deposit.date))
    bag_mod.check_bag(payload)
    bag_mod.zip_bag(payload, stage / "bag.zip")
    for name, content in metadata.items():
        (stage / "metadata").mkdir(exist_ok=True)
        write_atomic(stage / "metadata" / name, content)

    from .site import make_site
    site = stage / "site"
    titles = [(n, _title(edition.trees.get(build_dir / f"{n}.xml"), n)) for n in names]
    make_site(site, build_dir, titles, {**data, **schema}, writer=writer,
              title=config.title, lang=config.language, notice=notice)
    for rel, content in tei.items():          # the site's TEI, pointing to its schema/
        write_atomic(site / rel, content)


def _title(tree, default: str) -> str:
    if tree is None:
        return default
    title = tree.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")
    return " ".join("".join(title.itertext()).split()) if title is not None else default
