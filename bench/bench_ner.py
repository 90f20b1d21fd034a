"""Named entities on held-out public data, with an empty register: lenient P/R/F1 per type.

    .venv/bin/python bench/bench_ner.py [--limit N] [--no-spacy] [--only model|convert|spacy]

For GUM's test documents and HIPE-2022's English files kept out of training, each as
written and lowercased with non-ASCII letters deleted, it prints the scores of
* ``model``: the trained recogniser alone (edition.ner),
* ``convert``: the whole conversion (register matcher empty, model, rules, one reading per document),
* ``spacy-sm``: spaCy's small English pipeline, where it is installed (PERSON, GPE/LOC/FAC, ORG/NORP-less),
and the whole conversion's words per second. Data: see bench/_ner_data.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import spacy_small  # noqa: E402
from _ner_data import DATA, HELD_OUT, TUNING, documents, score  # noqa: E402
from lxml import etree  # noqa: E402

from edition import T, config, pipeline, register  # noqa: E402
from edition.ner import recognise  # noqa: E402
from edition.spans import NON_DIPLOMATIC  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
KIND_OF_ELEMENT = {"persName": "person", "placeName": "place", "orgName": "org"}
SPACY_KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}


def _flat(el, out: list[str], spans: list, pos: list[int]) -> None:
    """The non-whitespace characters of *el* (its diplomatic text) with the name elements' ranges."""
    name = etree.QName(el).localname if isinstance(el.tag, str) else None
    start = pos[0]
    if el.text:
        s = "".join(el.text.split())
        out.append(s)
        pos[0] += len(s)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in NON_DIPLOMATIC:    # not the reading text's reg
            _flat(child, out, spans, pos)
        if child.tail:
            s = "".join(child.tail.split())
            out.append(s)
            pos[0] += len(s)
    if name in KIND_OF_ELEMENT:
        spans.append((start, pos[0], KIND_OF_ELEMENT[name]))


def convert_spans(text: str, cfg, reg) -> list[tuple[int, int, str]]:
    tree = pipeline.convert(text, cfg, "bench", register=reg)
    body = tree.getroot().find(T + "text")
    out, spans = [], []
    _flat(body, out, spans, [0])
    index = [i for i, c in enumerate(text) if not c.isspace()]
    return [(index[a], index[b - 1] + 1, k) for a, b, k in spans if b > a and b - 1 < len(index)]


def model_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.kind) for m in recognise.mentions(text)]


def spacy_system():
    """spaCy's small English pipeline as a system of this benchmark, or None."""
    nlp = spacy_small(disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    if nlp is None:
        return None

    def run(text):
        return [(e.start_char, e.end_char, SPACY_KINDS[e.label_]) for e in nlp(text).ents if e.label_ in SPACY_KINDS]
    return run


def report(label: str, docs, system) -> float:
    t = time.perf_counter()
    pred = [system(d.text) for d in docs]
    secs = time.perf_counter() - t
    words = sum(len(d.text.split()) for d in docs)
    figures = score(docs, pred)
    cells = "  ".join(f"{k[:6]:>6} {p:.2f}/{r:.2f}/{f:.2f}" for k, (p, r, f, _) in figures.items())
    print(f"  {label:<10} {cells}   {words / secs:,.0f} words/s", flush=True)
    return secs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="at most N documents a set")
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--tuning", action="store_true", help="score GUM's dev documents (for tuning) instead")
    ap.add_argument("--only", choices=("model", "convert", "spacy"))
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"bench_ner: no data in {DATA}: run python -m edition.ner.corpora first (see README)")
        return 0
    cfg = config.load(REPO)
    reg = register.empty()
    systems = {"model": model_spans, "convert": lambda text: convert_spans(text, cfg, reg)}
    sp = None if args.no_spacy else spacy_system()
    if sp:
        systems["spacy-sm"] = sp
    if args.only:
        systems = {k: v for k, v in systems.items() if k.startswith(args.only)}
    print("lenient precision/recall/F1 per type, empty register")
    for label, fname, _ in (TUNING if args.tuning else HELD_OUT):
        path = DATA / fname
        if not path.exists():
            continue
        for lowered in (False, True):
            docs = documents(path, lowered)
            if args.limit:
                docs = docs[:args.limit]
            print(f"{label}, {'lowercased' if lowered else 'as written'} ({len(docs)} documents)")
            for name, system in systems.items():
                report(name, docs, system)
    return 0


if __name__ == "__main__":
    sys.exit(main())
