"""Decisions files for ``edition review``: JSON or TSV, one decision per item of the review list.

JSON: a list of objects. Each names the markup by its ``id`` (from ``edition review FILE
--list``), or by ``element`` and ``text`` (every unreviewed element of that name whose
words are that text, any case), and gives its ``decision``::

    [{"id": "3fa9c21b", "decision": "accept"},
     {"id": "0c1d2e3f", "decision": "accept", "cert": "medium"},
     {"id": "77aa01b2", "decision": "reject"},
     {"element": "placeName", "text": "jordan", "decision": "retype", "to": "persName"},
     {"id": "5e6f7a8b", "decision": "retype", "to": "orgName", "ref": "the-guild"},
     {"id": "9a8b7c6d", "decision": "link", "ref": "mary-kingsley"}]

TSV (tab-separated; ``#`` starts a comment line): ``ID  DECISION  VALUE  REF``, where
VALUE is the element of a retype, the register entry of a link, or the cert of an accept::

    3fa9c21b	accept
    77aa01b2	reject
    5e6f7a8b	retype	orgName	the-guild
    9a8b7c6d	link	mary-kingsley
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import EditionError
from .review import Decision, Item

VALUE_KEY = {"retype": "to", "link": "ref", "accept": "cert"}


def read_decisions(path: Path, listed: list[Item]) -> list[Decision]:
    """The decisions of *path* (JSON if it starts with [ or {, else TSV); located errors."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditionError(f"cannot read the decisions: {exc.strerror or exc}", path) from None
    except UnicodeDecodeError:
        raise EditionError("the decisions file is not UTF-8 text", path) from None
    if raw.lstrip().startswith(("[", "{")):
        return _from_json(raw, path, listed)
    return _from_tsv(raw, path)


def _from_json(raw: str, path: Path, listed: list[Item]) -> list[Decision]:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise EditionError(f"not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    if isinstance(data, dict):
        data = data.get("decisions")
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise EditionError("the decisions must be a list of objects {\"id\": ..., \"decision\": ...}", path, 1)
    out: list[Decision] = []
    for n, d in enumerate(data, 1):
        where = f"{path}:{_line_of(raw, n)}"
        decision = str(d.get("decision", ""))
        value = str(d.get(VALUE_KEY.get(decision, ""), "") or "")
        ref = str(d.get("ref", "") or "") if decision == "retype" else ""
        if "id" in d:
            out.append(Decision(str(d["id"]), decision, value, ref, where))
            continue
        element, text = d.get("element"), " ".join(str(d.get("text", "")).split()).lower()
        if not element or not text:
            raise EditionError(f"decision {n} names no markup: give \"id\", or \"element\" and \"text\"",
                               path, _line_of(raw, n))
        matches = [i for i in listed if i.tag == element and i.words.lower() == text]
        out.extend(Decision(i.id, decision, value, ref, where) for i in matches)
        if not matches:
            out.append(Decision(f"{element} '{text}'", decision, value, ref, where))
    return out


def _line_of(raw: str, n: int) -> int:
    """The line of the n-th object of a JSON list (its opening brace at the top level)."""
    depth, count = 0, 0
    for pos, ch in enumerate(raw):
        if ch == "{":
            depth += 1
            if depth == 2 or (depth == 1 and not raw.lstrip().startswith("{")):
                count += 1
                if count == n:
                    return raw.count("\n", 0, pos) + 1
        elif ch == "}":
            depth -= 1
    return 1


def _from_tsv(raw: str, path: Path) -> list[Decision]:
    out: list[Decision] = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2:
            raise EditionError("a decision is ID<TAB>DECISION[<TAB>VALUE[<TAB>REF]]", path, n)
        if n == 1 and cols[0].lower() == "id":
            continue                                   # a header line
        cols += ["", ""]
        out.append(Decision(cols[0], cols[1], cols[2], cols[3] if cols[1] == "retype" else "", f"{path}:{n}"))
    return out
