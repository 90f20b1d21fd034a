"""Scores of a truecaser on damaged blocks with their gold capitals.

A *word* is a token with a letter. Word accuracy is the share of words whose form is exactly the
gold form. A *capitalised word* is one with a capital in its gold form (or, for precision, in the
predicted form); it counts as found when the predicted form is exactly the gold form. The
baseline is the rules alone (sentence starts and ``I``, :func:`.model._rules`).

``python -m edition.truecase.evaluate --data DIR [--record]`` scores the shipped model on GUM's
test documents (held out: training never reads them) and with ``--record`` keeps the figures in
its manifest (``test``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .blocks import Block, read_blocks
from .model import MANIFEST_FILE, Model, cased_words, model_path, open_model

TEST_FILE = "gum-test.jsonl"


def _has_capital(form: str) -> bool:
    return form != form.lower()


def score(blocks: Iterable[Block], m: Model) -> dict:
    """Word accuracy and capitalised-word precision, recall and F1 of model *m* on *blocks*,
    with the counts, the time taken and words per second."""
    c: Counter = Counter()
    t0 = time.perf_counter()
    tagged = [(b, cased_words(b.text, m)) for b in blocks]
    seconds = time.perf_counter() - t0
    for b, words in tagged:
        for s, e, word, form, _ in words:
            if not any(ch.isalpha() for ch in word):
                continue
            gold = b.cased[s:e]
            c["words"] += 1
            c["correct"] += form == gold
            c["gold_caps"] += _has_capital(gold)
            c["pred_caps"] += _has_capital(form)
            c["found"] += _has_capital(gold) and form == gold
    p = c["found"] / c["pred_caps"] if c["pred_caps"] else 0.0
    r = c["found"] / c["gold_caps"] if c["gold_caps"] else 0.0
    return {"words": c["words"], "accuracy": round(c["correct"] / max(c["words"], 1), 4),
            "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold_capitalised": c["gold_caps"], "seconds": round(seconds, 2),
            "words_per_second": round(c["words"] / seconds) if seconds else 0}


def errors(blocks: Iterable[Block], m: Model, limit: int = 50) -> Counter:
    """The commonest mistakes: (gold form, predicted form) -> count."""
    out: Counter = Counter()
    for b in blocks:
        for s, e, word, form, _ in cased_words(b.text, m):
            if any(ch.isalpha() for ch in word) and form != b.cased[s:e]:
                out[(b.cased[s:e], form)] += 1
    return Counter(dict(out.most_common(limit)))


def held_out(data: Path, m: Model) -> dict:
    """The scores of *m* and of the baseline on GUM's test documents (never trained or tuned on)."""
    blocks = read_blocks([data / TEST_FILE])
    keep = ("words", "accuracy", "precision", "recall", "f1")
    return {"gum_test": {k: v for k, v in score(blocks, m).items() if k in keep},
            "gum_test_baseline": {k: v for k, v in score(blocks, Model(None)).items() if k in keep}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m edition.truecase.evaluate",
                                 description="Score the shipped truecaser on GUM's held-out test documents.")
    ap.add_argument("--data", type=Path, required=True, help="folder of python -m edition.ner.corpora")
    ap.add_argument("--record", action="store_true", help="write the scores into the model's manifest")
    args = ap.parse_args(argv)
    if not (args.data / TEST_FILE).is_file():
        print(f"{args.data / TEST_FILE}: error: missing (run python -m edition.ner.corpora first)", file=sys.stderr)
        return 1
    path = model_path()
    got = held_out(args.data, open_model(path))
    print(json.dumps(got, indent=1))
    if args.record:
        manifest_path = path.with_name(MANIFEST_FILE)
        doc = json.loads(manifest_path.read_text(encoding="utf-8"))
        doc["test"] = got
        manifest_path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
