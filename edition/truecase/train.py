"""Train the truecaser: ``python -m edition.truecase.train --data DIR`` (see scripts/train-truecaser.sh).

DIR holds the sentences that :mod:`edition.ner.corpora` writes from GUM and HIPE-2022
(``gum-train.jsonl``, ``hipe-train.jsonl``, ``gum-dev.jsonl``, ``hipe-dev.jsonl``,
``manifest.json``; the test documents are never read here). The training sentences become
damaged blocks (:mod:`.blocks`; HIPE's all-capitals headlines left out) labelled with their
original casing (:mod:`.forms`).

Each candidate -- which training text, a feature set of :mod:`.features`, a pair of
regularisation weights -- is trained and scored on GUM's development documents. The best word
accuracy wins; candidates within :data:`TIE` of it are told apart by HIPE's development documents
(19th-century English, older than GUM's, as the public-domain texts an edition is made of), then
by capitalised-word F1. It is kept in ``edition/truecase/model/`` with the table of mixed forms seen
in its training text and a manifest (sources, commits, licences, counts, parameters, the scores
of every candidate). The same data give the same files (times are printed, not kept).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from .blocks import Block, read_blocks
from .evaluate import score
from .features import features, prepare
from .forms import label_of, sentence_labels
from .model import FORMS_FILE, MANIFEST_FILE, MODEL_FILE, open_model

MODEL_DIR = Path(__file__).with_name("model")
TRAIN_FILES = ("gum-train.jsonl", "hipe-train.jsonl")
DEV_FILES = {"gum_dev": "gum-dev.jsonl", "hipe_dev": "hipe-dev.jsonl"}
#: the corpora of each choice of training text
TEXTS = {"gum": ("gum",), "gum+hipe2020": ("gum", "hipe-hipe2020"),
         "gum+hipe": ("gum", "hipe-hipe2020", "hipe-topres19th", "hipe-ajmc")}
BASE = {"max_iterations": 200, "feature.possible_transitions": True}
#: (training text, feature set, c1, c2); the first is what ``--quick`` trains
CANDIDATES = (("gum+hipe2020", "full", 0.1, 0.01), ("gum", "full", 0.1, 0.01),
              ("gum+hipe", "full", 0.1, 0.01), ("gum+hipe2020", "full", 0.05, 0.01),
              ("gum+hipe2020", "full", 0.05, 0.3), ("gum+hipe2020", "nobigrams", 0.1, 0.01),
              ("gum+hipe2020", "noresources", 0.1, 0.01))
#: candidates this close to the best GUM dev word accuracy are told apart by HIPE dev
TIE = 0.001
#: the thresholds of :data:`.model.THRESHOLD` tried on GUM dev
THRESHOLDS = (0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.2)


def training_blocks(data: Path, text: str) -> list[Block]:
    blocks = read_blocks([data / f for f in TRAIN_FILES], drop_shouting=True)
    return [b for b in blocks if b.corpus in TEXTS[text]]


def mixed_forms(blocks: list[Block]) -> dict[str, str]:
    """Lowercase word -> its most frequent mixed form (``McDonald``) in the training blocks, for
    the words written so at least as often as in lowercase, and twice at least in OCR text
    (slips such as ``aCted``, ``cL`` are not forms)."""
    seen: dict[str, Counter] = {}
    lower: Counter = Counter()
    for b in blocks:
        weight = 2 if b.corpus == "gum" else 1      # GUM is typed text, HIPE is OCR
        for _, _, word, gold in b.words():
            if label_of(gold) == "M":
                seen.setdefault(word, Counter())[gold] += weight
            elif gold == word:
                lower[word] += weight
    out = {}
    for w, forms in sorted(seen.items()):
        form, n = min(forms.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= max(2, lower[w]):
            out[w] = form
    return out


def train_one(blocks: list[Block], out: Path, feature_set: str, params: dict) -> float:
    """Train a model file on *blocks*; the seconds it took."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for b in blocks:
        tokens, labels, compound = b.tokens()
        if tokens:
            prep = prepare(tokens, feature_set, compound)
            trainer.append(features(prep), sentence_labels(labels, prep.kinds))
    trainer.set_params(params)
    t = time.perf_counter()
    trainer.train(str(out))
    return time.perf_counter() - t


def write_forms(folder: Path, mixed: dict[str, str]) -> None:
    (folder / FORMS_FILE).write_text(json.dumps({"mixed": mixed}, indent=0, ensure_ascii=False,
                                                sort_keys=True) + "\n", encoding="utf-8")


def candidate(data: Path, folder: Path, text: str, feature_set: str, c1: float, c2: float) -> dict:
    """Train one candidate into *folder* and score it on the development documents."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = training_blocks(data, text)
    params = {**BASE, "c1": c1, "c2": c2}
    seconds = train_one(blocks, folder / MODEL_FILE, feature_set, params)
    write_forms(folder, mixed_forms(blocks))
    (folder / MANIFEST_FILE).write_text(json.dumps({"features": feature_set}) + "\n")
    m = open_model(folder / MODEL_FILE)
    row = {"text": text, "features": feature_set, "params": params,
           "size": (folder / MODEL_FILE).stat().st_size}
    dev = {name: read_blocks([data / file]) for name, file in DEV_FILES.items()}
    by_threshold = {t: _scores(dev["gum_dev"], replace(m, threshold=t)) for t in THRESHOLDS}
    row["threshold"] = max(THRESHOLDS, key=lambda t: (by_threshold[t]["accuracy"], by_threshold[t]["f1"], t))
    row["gum_dev"] = by_threshold[row["threshold"]]
    row["gum_dev_by_threshold"] = {str(t): by_threshold[t] for t in THRESHOLDS}
    row["hipe_dev"] = _scores(dev["hipe_dev"], replace(m, threshold=row["threshold"]))
    g = row["gum_dev"]
    print(f"{text:13} {feature_set:12} c1={c1:<5} c2={c2:<5} {seconds:4.0f} s  t={row['threshold']}  GUM dev acc "
          f"{g['accuracy']:.4f} P {g['precision']:.3f} R {g['recall']:.3f} F1 {g['f1']:.3f}"
          f"  HIPE dev acc {row['hipe_dev']['accuracy']:.4f}", file=sys.stderr)
    return row


def _scores(blocks: list[Block], m) -> dict:
    s = score(blocks, m)
    return {k: s[k] for k in ("accuracy", "precision", "recall", "f1")}


def best(rows: list[dict]) -> int:
    """The chosen candidate (see the module)."""
    top = max(r["gum_dev"]["accuracy"] for r in rows)
    near = [k for k, r in enumerate(rows) if r["gum_dev"]["accuracy"] >= top - TIE - 1e-9]
    return max(near, key=lambda k: (rows[k]["hipe_dev"]["accuracy"], rows[k]["gum_dev"]["f1"], -k))


def train(data: Path, out_dir: Path = MODEL_DIR, candidates=CANDIDATES, workers: int = 2) -> dict:
    """Train every candidate, keep the best in *out_dir*; return its manifest."""
    from .manifest import manifest

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folders = [Path(tmp) / str(k) for k in range(len(candidates))]
        with ProcessPoolExecutor(max_workers=max(1, min(workers, os.cpu_count() or 1))) as pool:
            jobs = [pool.submit(candidate, data, f, *c) for f, c in zip(folders, candidates)]
            rows = [j.result() for j in jobs]
        chosen = best(rows)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in (MODEL_FILE, FORMS_FILE):
            shutil.copyfile(folders[chosen] / name, out_dir / name)
    blocks = training_blocks(data, rows[chosen]["text"])
    doc = manifest(data, blocks, rows, chosen)
    print(f"trained {len(rows)} candidates in {time.perf_counter() - t0:.0f} s; kept "
          f"{rows[chosen]['text']} {rows[chosen]['features']} {rows[chosen]['params']}", file=sys.stderr)
    (out_dir / MANIFEST_FILE).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    return doc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m edition.truecase.train", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True,
                    help="folder of prepared sentences (python -m edition.ner.corpora --out DIR)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="model folder (default: the shipped one)")
    ap.add_argument("--quick", action="store_true", help="train the first candidate only")
    ap.add_argument("--workers", type=int, default=2, help="candidates trained at once (default 2)")
    args = ap.parse_args(argv)
    missing = [f for f in (*TRAIN_FILES, *DEV_FILES.values()) if not (args.data / f).is_file()]
    if missing:
        print(f"{args.data / missing[0]}: error: missing (run python -m edition.ner.corpora first)",
              file=sys.stderr)
        return 1
    doc = train(args.data, args.out, CANDIDATES[:1] if args.quick else CANDIDATES, args.workers)
    print(json.dumps({k: doc[k] for k in ("text", "features", "params", "dev")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
