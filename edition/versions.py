"""What ``edition --version`` reports: the toolkit and the versions of Saxon, lxml, FOP and jing.

Cheap on purpose: package metadata and file names only, no Java started. FOP's
and jing's versions are read from the names of their jars (Debian installs
``/usr/share/java/fop-2.8.jar``) or from the Debian package database.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from . import __version__

#: where Debian and the upstream distributions keep the jars
JAR_DIRS = (Path("/usr/share/java"), Path("/usr/local/share/java"))


def _jar_version(program: str, jar_names: tuple[str, ...]) -> str | None:
    """The version in the name of one of *jar_names* ('fop-2.8.jar' -> '2.8')."""
    found = shutil.which(program)
    dirs = list(JAR_DIRS)
    if found:
        real = Path(found).resolve().parent
        dirs += [real, real / "lib", real / "build", real.parent / "lib"]
    for folder in dirs:
        for name in jar_names:
            for jar in sorted(folder.glob(f"{name}-*.jar")) if folder.is_dir() else ():
                m = re.fullmatch(rf"{re.escape(name)}-(\d[\w.]*)\.jar", jar.name)
                if m:
                    return m.group(1)
    return None


def _debian_version(package: str) -> str | None:
    if not shutil.which("dpkg-query"):
        return None
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True,
                             text=True, timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip().split(":")[-1] or None if out.returncode == 0 else None


def _tool(program: str, jars: tuple[str, ...], purpose: str) -> str:
    if not shutil.which(program):
        return f"{program}: not found ({purpose}; the Debian package {program})"
    version = _jar_version(program, jars) or _debian_version(program)
    return f"{program} {version}" if version else f"{program}: found, version not read (run `{program} -version`)"


def _package(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def report() -> list[str]:
    """One line each: edition, Saxon, lxml (with libxml2), FOP, jing."""
    from lxml import etree
    saxon = _package("saxonche")
    return [
        f"edition {__version__}",
        f"Saxon: SaxonC-HE {saxon} (saxonche)" if saxon else "Saxon: saxonche not installed",
        "lxml {} (libxml2 {}, libxslt {})".format(".".join(map(str, etree.LXML_VERSION[:3])),
                                                  ".".join(map(str, etree.LIBXML_VERSION)),
                                                  ".".join(map(str, etree.LIBXSLT_VERSION))),
        "FOP: " + _tool("fop", ("fop", "fop-core"), "needed for the PDF"),
        "jing: " + _tool("jing", ("jing",), "fast checks against tei_all"),
    ]
