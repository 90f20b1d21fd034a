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


def _struct_parents(reader) -> dict[int, int]:
    """The tagged PDF's parent tree: an annotation's /StructParent -> its structure element."""
    out: dict[int, int] = {}

    def walk(node):
        node = node.get_object()
        nums = node.get("/Nums") or []
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1].idnum if hasattr(nums[i + 1], "idnum") else id(nums[i + 1])
        for kid in node.get("/Kids") or []:
            walk(kid)
    tree = reader.trailer["/Root"].get("/StructTreeRoot")
    if tree is not None and "/ParentTree" in tree.get_object():
        walk(tree.get_object()["/ParentTree"])
    return out


def mention_pages(reader, index_start: str) -> list[tuple[tuple, set[int]]]:
    """For each index entry the text's name links point to, in index order: (its position, the
    pages of the names). A name is a link to its entry; the entries are told apart by where the
    links go (page, column, height), which orders them as the index does. A name broken across
    a page break has a link on each page, both parts of one Link of the tagged PDF's structure:
    it is a mention of the page it starts on."""
    labels = reader.page_labels
    first_index = labels.index(index_start)
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    parents = _struct_parents(reader)
    seen: set = set()
    targets: dict[tuple, set[int]] = {}
    for i, page in enumerate(reader.pages[:first_index]):
        if not labels[i].isdigit():
            continue
        for n, annot in enumerate(page.get("/Annots") or []):
            annot = annot.get_object()
            dest = (annot.get("/A") or {}).get("/D")
            if annot.get("/Subtype") != "/Link" or not isinstance(dest, list):
                continue
            target = page_of.get(dest[0].idnum)
            if target is None or target < first_index:
                continue
            mention = parents.get(annot.get("/StructParent"), (i, n))
            if mention in seen:
                continue                  # the rest of a name that began on a page before
            seen.add(mention)
            key = (target, round(float(dest[2])), -round(float(dest[3])))
            targets.setdefault(key, set()).add(int(labels[i]))
    return sorted(targets.items())
