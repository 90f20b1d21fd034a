"""An edition reads its own files only: no link in its folder leads the build out of it.

An edition folder can come from someone else (a repository cloned, an archive unpacked), and
git and unzip both make symbolic links. A link ``source/notes.txt -> /home/you/.ssh/id_rsa``
would otherwise be converted and published like any text, and one in ``schema/`` copied into the
deposit as it is. So a file that is in the edition's folder by its name but somewhere else once
its links are followed is not read: :func:`refuse_link_out` names it and where it leads, in one
line. A link that stays inside the edition (``source/a.txt -> ../texts/a.txt``) is read as
before, and so is a file named from outside the edition on purpose: a text on the command line
(``edition build /elsewhere/text.txt``), a register that ``edition.toml`` names by a path out of
the folder (``../project/register.xml``, shared by several editions). The register and the
lexicon it names by a path inside the folder are held to the same rule as the sources
(checked by :mod:`edition.config`).

The output folder is held to the same rule: ``build -> /home/you/Documents`` would have the
build write ``thesis.html`` there over yours, and remove ``thesis.pdf`` with ``--no-pdf``. A
folder named with ``-o`` outside the edition is the scholar's own choice.

What ``edition publish`` copies from the output folder (the HTML, FO, PDF, the search index) is
what the build wrote there: regular files, never links (:func:`refuse_links`).
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import EditionError, control_in
from .outputs import LONGEST_EXTRA

#: what the message adds: what to do instead
ADVICE = "not read; copy the file into the edition if it belongs to it"


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def outside(path: Path, root: Path) -> Path | None:
    """Where *path* really is (links followed) when that is outside *root*, else None."""
    real, top = Path(path).resolve(), Path(root).resolve()
    return None if _within(real, top) else real


def leads_out(path: Path, root: Path) -> Path | None:
    """Where *path* leads when it is in *root* by its name (no link followed) but outside it once
    its links are followed, else None."""
    named = Path(os.path.abspath(path))
    top = Path(os.path.abspath(root))
    if not (_within(named, top) or _within(named, top.resolve())):
        return None
    return outside(named, top)


def refuse_link_out(path: Path, root: Path, advice: str = ADVICE) -> None:
    """EditionError when *path*, a file of the edition in *root*, is a link that leads out of it."""
    target = leads_out(path, root)
    if target is not None:
        raise EditionError(f"a link out of the edition's folder (to {target}): {advice}", path)


#: what the message says of an output folder that is a link out of the edition
OUTPUT_ADVICE = ("the build writes only into the edition's own folder (it would replace and remove "
                 "files there by the names of the sources); remove the link, or name the folder with -o")


def refuse_source(source: Path, edited: Path | None, config) -> None:
    """EditionError when the build may not read *source* (or *edited*, its hand-edited TEI): a
    control character in its name (its outputs would carry it), a TEI that would be the edition's
    register, a link out of the edition, a pipe."""
    control = control_in(source.name)
    if control is not None:
        raise EditionError(f"the file name holds a control character ({control}): its outputs would "
                           "be named so too; rename it", source)
    room = _name_max(config.root) - LONGEST_EXTRA
    if len(os.fsencode(source.stem)) > room:
        raise EditionError(f"the file name is too long for the names of its outputs (at most {room} "
                           "bytes before the extension here): shorten it", source)
    if edited is not None and config.register and edited.resolve() == Path(config.register).resolve():
        raise EditionError(f"its TEI would be {edited.name}, which is the edition's register: rename the "
                           "text (a text's TEI takes its name)", source)
    refuse_link_out(edited or source, config.root)
    refuse_special(edited or source)


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def refuse_special(path: Path) -> None:
    """EditionError when *path* is there but no regular file: a pipe (reading it would wait for
    ever), a device or a socket, which an archive can hold as well as a link."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise EditionError("not a regular file (a pipe, a device or a socket): not read", path)


def refuse_links_in(folder: Path, root: Path) -> None:
    """:func:`refuse_link_out` for every file under *folder* (the edition's schema/, xslt/)."""
    if folder.is_dir():
        refuse_link_out(folder, root)
        for link in _links_under(folder):
            refuse_link_out(link, root)


def refuse_links(paths: list[Path]) -> None:
    """EditionError for the first of *paths* (files or folders, walked) that is a link."""
    for path in map(Path, paths):
        found = path if path.is_symlink() else next(_links_under(path), None)
        if found is not None:
            raise EditionError("a link, not a file the build wrote: not copied; remove it and "
                               "build again", found)


def _links_under(folder: Path):
    """The links under *folder*, in name order (a walk that follows none of them)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            if os.path.islink(os.path.join(dirpath, name)):
                yield Path(dirpath) / name
