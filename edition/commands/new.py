"""``edition new DIR``: a new edition folder, ready to build.

The folder is made from the toolkit's template (``edition/skeleton/``, package
data): an edition.toml with every key explained, ``source/`` with an example
text, an empty register and an empty lexicon, a ``.gitignore`` for ``build/``
and a README for the edition's editors. The schema and the stylesheets are the
toolkit's until the edition puts its own into ``schema/`` or ``xslt/``.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template

import click

from ..config import language_name
from ..errors import EditionError
from ..xmlio import write_atomic
from .common import reports_errors

#: template file -> where it goes in the new edition (files with $placeholders are marked True)
FILES = {
    "edition.toml": ("edition.toml", True),
    "README.md": ("README.md", True),
    "gitignore": (".gitignore", False),
    "source/letter-from-quito.txt": ("source/letter-from-quito.txt", False),
    "source/register.xml": ("source/register.xml", False),
    "source/lexicon.toml": ("source/lexicon.toml", False),
}


def _toml(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def editor_id(name: str) -> str:
    return "ed-" + ("".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "editor")


def values(title: str, language: str, editor: str) -> dict[str, str]:
    """The placeholders of the templates: TOML strings for edition.toml, the plain title for the README."""
    return {"title": _toml(title), "language": _toml(language), "language_name": _toml(language_name(language)),
            "publisher": _toml(editor), "editor": _toml(editor), "editor_id": _toml(editor_id(editor))}


def make(folder: Path, title: str, language: str, editor: str) -> list[Path]:
    """Write a new edition into *folder* (which must not exist or be empty); the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise EditionError("exists already and is not an empty folder; a new edition needs a folder "
                           "of its own", folder)
    if not re.fullmatch(r"[A-Za-z0-9-]+", language):
        raise EditionError(f"--language must be a language tag such as 'en' or 'fr', got {language!r}")
    skeleton = resources.files("edition") / "skeleton"
    toml_values = values(title, language, editor)
    written = []
    for name, (target, templated) in FILES.items():
        text = (skeleton / name).read_text(encoding="utf-8")
        if templated:
            text = Template(text).safe_substitute(toml_values if name.endswith(".toml") else {"title": title})
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
        written.append(path)
    return written


@click.command("new")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--title", default="A new edition", show_default=True, help="The title of the edition.")
@click.option("--language", default="en", show_default=True, help="The language of its texts (en, fr, de, la …).")
@click.option("--editor", default="The editors", show_default=True,
              help="Who makes it (the first editor, and the publisher).")
@reports_errors
def command(folder: Path, title: str, language: str, editor: str) -> None:
    """Make a new edition in FOLDER, ready to build: edition.toml (every key
    explained in a comment), source/ with an example text, an empty register
    and lexicon, a .gitignore for build/ and a README for the editors.

    \b
    Example:
        edition new letters --title "Letters from the Andes" --editor "Ana Ruiz"
        cd letters && edition build          # build/letter-from-quito.xml, .html, .fo, .pdf
    """
    written = make(folder, title.strip() or "A new edition", language, editor.strip() or "The editors")
    click.echo(f"made the edition {folder}/ ({len(written)} files); next: cd {folder} && edition build",
               err=True)
