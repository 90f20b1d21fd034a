"""The truecaser on held-out public text, damaged: word accuracy and capitalised-word P/R/F1.

    .venv/bin/python bench/bench_truecase.py [--model FILE] [--errors N]

GUM's test documents (never trained on nor tuned on; GUM dev and HIPE dev are printed beside
them, as the development sets the model was chosen on) are lowercased with their non-ASCII letters
deleted and joined into blocks of up to three sentences (edition.truecase.blocks); each block is
recased and every word (a token with a letter) compared with its original form. Printed per set,
for the shipped model and for the baseline "sentence starts and I only" (the rules the truecaser
falls back on without a model):

* word accuracy: the share of words exactly as in the original;
* capitalised-word precision, recall and F1: words with a capital in the original (recall) or in
  the output (precision) that are exactly right;
* words per second, in-process, the model loaded and warm (--errors N: the N commonest mistakes).

Data: the sentence files of ``python -m edition.ner.corpora`` in ``$EDITION_NER_DATA`` (default
``/work/data/ner``); the benchmark says so and stops when they are absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from edition.truecase.blocks import read_blocks
from edition.truecase.evaluate import errors, score
from edition.truecase.model import Model, model_path, open_model

DATA = Path(os.environ.get("EDITION_NER_DATA", "/work/data/ner"))
SETS = (("GUM test (held out)", "gum-test.jsonl"), ("GUM dev", "gum-dev.jsonl"),
        ("HIPE dev (topres19th, ajmc)", "hipe-dev.jsonl"))


def row(name: str, s: dict) -> str:
    return (f"  {name:34} {s['accuracy']:8.2%} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f}"
            f" {s['words_per_second']:>9,}")


def speed(blocks, m: Model, rounds: int = 3) -> int:
    """Words per second over *rounds* passes, after a first (warming) pass."""
    score(blocks, m)
    t0 = time.perf_counter()
    words = sum(score(blocks, m)["words"] for _ in range(rounds))
    return round(words / (time.perf_counter() - t0))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="model file (default: the shipped one)")
    ap.add_argument("--errors", type=int, default=0, help="print the N commonest mistakes per set")
    args = ap.parse_args(argv)
    if not (DATA / SETS[0][1]).is_file():
        print(f"bench_truecase: no data in {DATA}: run python -m edition.ner.corpora --out {DATA} first")
        return 0
    path = args.model or model_path()
    t0 = time.perf_counter()
    m = open_model(path)
    print(f"model {path} ({path.stat().st_size / 1e6:.1f} MB, opened in {time.perf_counter() - t0:.2f} s)"
          if m.tagger else f"no model at {path}: rules only")
    baseline = Model(None)
    for label, file in SETS:
        if not (DATA / file).is_file():
            continue
        blocks = read_blocks([DATA / file])
        got, base = score(blocks, m), score(blocks, baseline)
        got["words_per_second"], base["words_per_second"] = speed(blocks, m), speed(blocks, baseline)
        print(f"\n{label}: {got['words']:,} words, {got['gold_capitalised']:,} capitalised, {len(blocks)} blocks")
        print(f"  {'':34} {'accuracy':>8} {'P':>7} {'R':>7} {'F1':>7} {'words/s':>9}")
        print(row("truecaser", got))
        print(row("baseline: sentence starts and I", base))
        for (gold, form), n in errors(blocks, m, args.errors).items():
            print(f"    {n:4}  {gold} -> {form}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
