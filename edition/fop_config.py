"""FOP's configuration for the PDF: the fonts, the hyphenation patterns, the PDF profile.

Every render writes its configuration file into a temporary folder of its
own (:func:`write`), never into the sources:

- **fonts**: DejaVu Serif and DejaVu Sans (Debian's ``fonts-dejavu-core``
  and ``fonts-dejavu-extra``: Latin with its extensions, Greek, Cyrillic),
  each face embedded as a subset. The stylesheet names them as a list
  (``DejaVu Serif, DejaVu Sans``), so FOP takes a character the first lacks
  from the second; :func:`missing` tells which characters neither has, by
  the fonts' own character maps (fontTools), before FOP would print "#".
- **hyphenation**: FOP (Debian's too) ships no patterns. The patterns of
  Debian's ``hyphen-LL`` packages (``/usr/share/hyphen/hyph_LL*.dic``, the
  TeX patterns as LibreOffice uses them; GPL/LGPL/MPL) are written as FOP's
  XML pattern file for the document's language; without them the text is
  not hyphenated (:func:`hyphenation_patterns`).
- **PDF**: tagged (FOP's accessibility) and PDF/A-1a (embedded fonts, no
  transparency, the XMP metadata of the FO's fo:declarations).
- **shaping**: FOP's complex scripts (the fonts' OpenType tables: bidi, joining, marks placed
  on their letters, the forms a language asks for) only for a text that needs them
  (:func:`needs_shaping`): a text right to left, in a script whose letters join or take vowel
  signs, with combining marks, or in a language DejaVu draws apart (Serbian and Macedonian
  Cyrillic, the Sami languages). Other texts are laid out with the fonts' kerning table alone,
  a sixth faster (the bundled book: 0.68 -> 0.53 s in a warm FOP), and their PDF spells
  out "fi", "ff", "fl" instead of joining them into one glyph: its text copies and is found
  as it is written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from html import escape as _escape

from .errors import EditionError

#: where Debian (and most Linux systems) keep the DejaVu fonts
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/share/fonts/TTF"), Path("/usr/local/share/fonts"))
FONT_PACKAGES = "fonts-dejavu-core fonts-dejavu-extra"
#: (family, style, weight) -> font file; the families the stylesheet (fo.xsl) names
FACES: dict[tuple[str, str, str], str] = {
    ("DejaVu Serif", "normal", "normal"): "DejaVuSerif.ttf",
    ("DejaVu Serif", "normal", "bold"): "DejaVuSerif-Bold.ttf",
    ("DejaVu Serif", "italic", "normal"): "DejaVuSerif-Italic.ttf",
    ("DejaVu Serif", "italic", "bold"): "DejaVuSerif-BoldItalic.ttf",
    ("DejaVu Sans", "normal", "normal"): "DejaVuSans.ttf",
    ("DejaVu Sans", "normal", "bold"): "DejaVuSans-Bold.ttf",
    ("DejaVu Sans", "italic", "normal"): "DejaVuSans-Oblique.ttf",
    ("DejaVu Sans", "italic", "bold"): "DejaVuSans-BoldOblique.ttf",
}
FAMILIES = ("DejaVu Serif", "DejaVu Sans")
HYPHEN_DIRS = (Path("/usr/share/hyphen"),)
#: the PDF profile FOP is asked for ("" for none); PDF/A-1a needs the tagged PDF
PDF_PROFILE = "PDF/A-1a"


#: languages whose letters DejaVu draws in forms of their own (its "locl" feature)
LOCAL_FORMS = frozenset({"sr", "mk", "se", "smn", "sms", "sma", "smj", "sjd"})
#: scripts laid out by shaping whatever their characters' classes (joining, reordering, stacking):
#: Hebrew to N'Ko and the later Arabic blocks; the Indic scripts to Tibetan; Myanmar; Khmer and
#: Mongolian; presentation forms of Hebrew and Arabic; the historic scripts of the SMP
_SHAPED_RANGES = ((0x0590, 0x08FF), (0x0900, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x18AF),
                  (0xA800, 0xABFF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x1FFFF))
#: zero width non-joiner and joiner: they steer shaping
_JOINERS = frozenset("\u200c\u200d")
#: the bidirectional classes of letters, digits and marks that make a text run right to left
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})


def needs_shaping(chars: set[str] | str, languages=()) -> bool:
    """Whether a text of *chars*, in *languages* (language codes), needs FOP's complex scripts: a
    letter written right to left (or a mark that turns the direction), a combining mark, a joiner,
    a character of a script that is shaped, or a language with forms of its own."""
    if any((lang or "").lower().split("-")[0] in LOCAL_FORMS for lang in languages):
        return True
    for ch in set(chars):
        point = ord(ch)
        if point < 0x0300:
            continue                    # Latin-1 and its extensions: nothing to shape
        if (ch in _JOINERS or unicodedata.category(ch) in ("Mn", "Mc", "Me")
                or unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT
                or any(lo <= point <= hi for lo, hi in _SHAPED_RANGES)):
            return True
    return False


@dataclass(frozen=True)
class Setup:
    """What one render uses: the configuration file and what it configured."""
    path: Path
    hyphenation: str | None          # the language whose patterns FOP has, or None


def font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise EditionError(f"the font file {name} is not installed (looked in "
                       f"{', '.join(map(str, FONT_DIRS))}): install the Debian packages {FONT_PACKAGES}")


def font_files() -> dict[tuple[str, str, str], Path]:
    return {face: font_file(name) for face, name in FACES.items()}


@functools.lru_cache(maxsize=None)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def covered(style: str = "normal", weight: str = "normal") -> frozenset[int]:
    """The code points some family of the PDF (FAMILIES, in order) has a glyph for, in one face."""
    points: set[int] = set()
    for family in FAMILIES:
        points |= _cmap(font_file(FACES[(family, style, weight)]))
    return frozenset(points)


#: characters FOP never draws (controls, line ends, format characters such as a soft hyphen)
def _drawn(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")


def missing(chars: set[str] | str) -> list[str]:
    """The characters of *chars* that no face of the PDF's fonts can print, in code point order.

    Checked against the regular faces; the other faces of DejaVu cover less
    only in rarely used blocks, which FOP then takes from the regular face.
    """
    have = covered()
    return sorted((c for c in set(chars) if _drawn(c) and ord(c) not in have), key=ord)


# -- hyphenation -------------------------------------------------------------------------

def hyphenation_source(lang: str) -> Path | None:
    """The installed hunspell pattern file for *lang* ("en" -> hyph_en.dic or hyph_en_US.dic)."""
    if not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        return None
    for folder in HYPHEN_DIRS:
        exact = folder / f"hyph_{lang}.dic"
        if exact.is_file():
            return exact
        regional = sorted(folder.glob(f"hyph_{lang}_*.dic"))
        if regional:
            return regional[0]
    return None


def _patterns(path: Path) -> tuple[list[str], int, int]:
    """The first-level patterns of a hunspell .dic file, and its LEFT/RIGHTHYPHENMIN."""
    raw = path.read_bytes()
    first, _, rest = raw.partition(b"\n")
    encoding = first.decode("ascii", "replace").strip() or "utf-8"
    try:
        text = rest.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        text = rest.decode("utf-8", "replace")
    left, right, patterns = 2, 3, []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("NEXTLEVEL"):
            break                       # compound-word levels: not for FOP
        if m := re.fullmatch(r"LEFTHYPHENMIN\s+(\d+)", line):
            left = int(m.group(1))
        elif m := re.fullmatch(r"RIGHTHYPHENMIN\s+(\d+)", line):
            right = int(m.group(1))
        elif line and re.fullmatch(r"\.?[^\W\d_]*(?:\d[^\W\d_]*)*\d?\.?", line) \
                and unicodedata.normalize("NFKC", line) == line and any(ch.isdigit() for ch in line):
            patterns.append(line)
    return patterns, left, right


def hyphenation_xml(path: Path) -> str:
    """FOP's XML pattern file from a hunspell .dic pattern file."""
    patterns, left, right = _patterns(path)
    letters = sorted({ch for p in patterns for ch in p if ch.isalpha()})
    classes = " ".join(ch + (ch.upper() if len(ch.upper()) == 1 and ch.upper() != ch else "")
                       for ch in letters)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<hyphenation-info>\n'
            f'<hyphen-min before="{left}" after="{right}"/>\n'
            f"<classes>\n{escape(classes)}\n</classes>\n"
            f"<patterns>\n{escape(chr(10).join(patterns))}\n</patterns>\n</hyphenation-info>\n")


def hyphenation_patterns(lang: str, folder: Path) -> bool:
    """Write FOP's pattern file for *lang* into *folder* (as LANG.xml); False if none is installed."""
    source = hyphenation_source(lang)
    target = folder / f"{lang}.xml"
    if source is None:
        return False
    if target.is_file():                # written for the other configuration of this render
        return True
    try:
        target.write_text(hyphenation_xml(source), encoding="utf-8")
    except (OSError, UnicodeError):
        return False
    return True


# -- the configuration file --------------------------------------------------------------

def escape(text: str) -> str:
    """*text* as XML character data (xml.sax.saxutils, which does the same, imports urllib and
    http.client: 20-30 ms of every process that writes a configuration)."""
    return _escape(text, quote=False)


def quoteattr(value: str) -> str:
    """*value* as a quoted XML attribute value."""
    return '"' + _escape(value, quote=True) + '"'


def _font(face: tuple[str, str, str], path: Path) -> str:
    family, style, weight = face
    return (f'<font kerning="yes" embedding-mode="subset" embed-url={quoteattr(path.as_uri())}>'
            f'<font-triplet name={quoteattr(family)} style="{style}" weight="{weight}"/></font>')


def write(folder: Path, lang: str | None = None, *, tagged: bool = True, name: str = "fop.xconf",
          shaped: bool = True) -> Setup:
    """Write FOP's configuration *name* (and the hyphenation patterns for *lang*) into *folder*.

    Untagged, it is for a layout alone (FOP 2.8's area tree fails on a
    tagged document with links): the same fonts and patterns, no PDF profile.
    Not *shaped*: FOP's complex scripts are off (see :func:`needs_shaping`).
    """
    fonts = "\n".join(_font(face, path) for face, path in font_files().items())
    hyphenation = lang if lang and hyphenation_patterns(lang, folder) else None
    mode = f"<pdf-a-mode>{escape(PDF_PROFILE)}</pdf-a-mode>" if tagged and PDF_PROFILE else ""
    shaping = "" if shaped else '<complex-scripts disabled="true"/>\n'
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<fop version="1.0">\n'
            f"{shaping}"
            f"<accessibility>{'true' if tagged else 'false'}</accessibility>\n"
            f"<hyphenation-base>{escape(folder.as_uri())}/</hyphenation-base>\n"
            '<renderers><renderer mime="application/pdf">\n'
            f"{mode}\n<fonts>\n{fonts}\n</fonts>\n</renderer></renderers>\n</fop>\n")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return Setup(path, hyphenation)
