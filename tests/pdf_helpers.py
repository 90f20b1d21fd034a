"""What the PDF tests read out of a PDF (pypdf) and its FO: text, bookmarks, contents, index."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

FO_NS = "http://www.w3.org/1999/XSL/Format"
NS = {"fo": FO_NS}


def letters(text: str) -> str:
    """Only the letters of *text*, case-folded, ligatures spelt out: what survives hyphenation,
    line ends, page heads' numbers and footnote marks when a text is compared with its PDF."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalpha())


def page_texts(reader) -> list[tuple[str, str]]:
    """(page label, extracted text) of every page."""
    labels = reader.page_labels
    return [(labels[i], page.extract_text() or "") for i, page in enumerate(reader.pages)]


def body_letters(reader, first: str, last: str, remove: list[str] = ()) -> str:
    """The letters of the pages labelled *first* to *last*, each without its first line (the
    running head), the texts of *remove* (the footnotes) taken out once each."""
    pages = page_texts(reader)
    labels = [label for label, _ in pages]
    start, end = labels.index(first), labels.index(last)
    stream = "".join(letters("\n".join(text.split("\n")[1:])) for _, text in pages[start:end + 1])
    for piece in remove:
        piece = letters(piece)
        at = stream.find(piece)
        assert at >= 0, f"footnote not in the PDF: {piece[:60]}"
        stream = stream[:at] + stream[at + len(piece):]
    return stream


def outline(reader) -> list[tuple[int, str, str]]:
    """The bookmarks as (depth, title, page label), in order."""
    labels = reader.page_labels
    out: list[tuple[int, str, str]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, " ".join(item.title.split()), labels[reader.get_destination_page_number(item)]))
    walk(reader.outline, 0)
    return out


def contents_lines(reader) -> list[tuple[str, str]]:
    """(title, page) of each line of the printed contents: "2.1 Exile ........ 14"."""
    out = []
    for _, text in page_texts(reader):
        if not out and not text.lstrip().startswith("Contents"):
            continue
        lines = [ln for ln in text.split("\n") if re.search(r"\.{3,}", ln)]
        if out and not lines:
            break
        for ln in lines:
            m = re.match(r"\s*(.*?)\s*\.{3,}\s*(\S+)\s*$", ln)
            if m:
                out.append((" ".join(unicodedata.normalize("NFKC", m.group(1)).split()), m.group(2)))
    return out


def page_number(label: str) -> int:
    return int(label)


def cited_pages(fo_root: etree._Element) -> dict[str, set[int]]:
    """entry id -> the pages its index entry cites (ranges expanded), from the rendered FO."""
    out = {}
    for inline in fo_root.xpath("//fo:inline[starts-with(@id, 'pages-')]", namespaces=NS):
        pages: set[int] = set()
        for part in "".join(inline.itertext()).split(","):
            part = part.strip()
            if not part:
                continue
            first, _, last = part.partition("\u2013")
            pages.update(range(int(first), int(last or first) + 1))
        out[inline.get("id")[len("pages-"):]] = pages
    return out


def _fragments(page) -> list[tuple[float, float, str]]:
    """The text pieces of a page with where each starts (x, y)."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))
    page.extract_text(visitor_text=visit)
    return out


def _links(page, page_of: dict, first_index: int) -> list[tuple[tuple, str]]:
    """The page's links into the index, in reading order: (where they go, the text they cover)."""
    fragments = _fragments(page)
    links = []
    for annot in page.get("/Annots") or []:
        annot = annot.get_object()
        dest = (annot.get("/A") or {}).get("/D")
        if annot.get("/Subtype") != "/Link" or not isinstance(dest, list):
            continue
        target = page_of.get(dest[0].idnum)
        if target is None or target < first_index:
            continue
        x0, y0, x1, y1 = (float(c) for c in annot["/Rect"])
        text = "".join(t for x, y, t in fragments if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1)
        links.append(((-y1, x0), (target, round(float(dest[2])), -round(float(dest[3]))), text))
    return [(key, text) for _, key, text in sorted(links)]


def mention_pages(reader, index_start: str) -> list[tuple[tuple, set[int]]]:
    """For each index entry the text's name links point to, in index order: (its position, the
    pages of the links). A name is a link to its entry; the entries are told apart by where the
    links go (page, column, height), which orders them as the index does. A name broken across
    a page break (the last link of a page and the first of the next go to one entry) is a
    mention of the page it starts on."""
    labels = reader.page_labels
    first_index = labels.index(index_start)
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    targets: dict[tuple, set[int]] = {}
    last: tuple | None = None
    for i, page in enumerate(reader.pages[:first_index]):
        if not labels[i].isdigit():
            continue
        links = _links(page, page_of, first_index)
        for n, (key, text) in enumerate(links):
            if n == 0 and last is not None and last[0] == key:
                continue                  # the rest of a name that began on the page before (broken
                                          # at a hyphen or a space: the page's last and first link)
            targets.setdefault(key, set()).add(int(labels[i]))
        last = links[-1] if links else None
    return sorted(targets.items())
