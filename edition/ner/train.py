"""Train the recogniser: ``python -m edition.ner.train --data DIR`` (see scripts/train-model.sh).

DIR holds the sentences that :mod:`edition.ner.corpora` writes from GUM and
HIPE-2022 (``gum-train.jsonl``, ``hipe-train.jsonl``, ... and ``manifest.json``).
Every training sentence is used twice: as written, and lowercased with its
non-ASCII letters deleted, as in a damaged text (Mayhew et al., EMNLP 2019).

Labels missing in a corpus ("?": topres19th marks places only) are filled in by
a first model trained on the fully labelled sentences, then the final model is
trained on everything. The model and its manifest (sources, commits, licences,
token counts, parameters, development scores) go to ``edition/ner/model/``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from .bio import UNKNOWN, repair
from .features import sentence_features
from .recognise import MODEL_FILE

MODEL_DIR = Path(__file__).with_name("model")
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
#: the training files of a data folder: every ``*-train.jsonl`` (GUM, HIPE, silver sentences ...)
TRAIN_GLOB = "*-train.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def damaged_word(token: str) -> str:
    """A token as a damaged text has it: lowercased, non-ASCII letters deleted (maybe empty)."""
    return "".join(c for c in token.lower() if ord(c) < 128)


def damaged(tokens: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """The sentence lowercased with non-ASCII letters deleted; emptied tokens dropped."""
    kept = [(low, tag) for tok, tag in zip(tokens, tags) if (low := damaged_word(tok))]
    return [t for t, _ in kept], repair([g for _, g in kept])


def copies(sentence: dict):
    """(tokens, tags, cased) of the sentence as written and damaged."""
    toks, tags = sentence["tokens"], sentence["tags"]
    yield toks, tags, True
    dt, dg = damaged(toks, tags)
    if dt:
        yield dt, dg, False


def _train(items, out: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for toks, tags, cased in items:
        trainer.append(sentence_features(toks, cased), tags)
        n += 1
    trainer.set_params(params)
    t = time.time()
    trainer.train(str(out))
    print(f"train: {n} sequences, {time.time() - t:.0f} s -> {out}", file=sys.stderr)


def _impute(sentences: list[dict], model: Path) -> None:
    """Fill missing labels with the first model's reading (places stay as the corpus has them)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    for s in sentences:
        if UNKNOWN not in s["tags"]:
            continue
        guess = tagger.tag(sentence_features(s["tokens"], True))
        tags = []
        for gold, g in zip(s["tags"], guess):
            if gold != UNKNOWN:
                tags.append(gold)
            else:   # the corpus marks every place: a place guess on an unlabelled token is wrong
                tags.append("O" if g.endswith("LOC") else g)
        s["tags"] = repair(tags)


def licence_of(sentence: dict, sources: dict) -> str:
    """The licence of a sentence's text, from the data manifest (by corpus, or by GUM genre)."""
    if sentence["corpus"] not in sources:      # silver sentences of an edition's own text
        return "the licence of the edition's source text (its edition.toml [source] licence)"
    lic = sources[sentence["corpus"]].get("licence", "")
    if isinstance(lic, dict):
        lic = lic.get(sentence.get("genre", ""), "")
    return lic


def non_commercial(licence: str) -> bool:
    low = licence.lower()
    return "-nc" in low or " nc" in low or "noncommercial" in low


def _sources(data: Path) -> dict:
    path = data / "manifest.json"
    return json.loads(path.read_text()).get("sources", {}) if path.exists() else {}


def train(data: Path, out_dir: Path = MODEL_DIR, params: dict | None = None, permissive: bool = False) -> Path:
    """Train on every ``*-train.jsonl`` of *data*; *permissive*: leave out NonCommercial texts."""
    params = {**PARAMS, **(params or {})}
    sources = _sources(data)
    sentences = [s for f in sorted(data.glob(TRAIN_GLOB)) for s in read_jsonl(f)]
    if permissive:
        sentences = [s for s in sentences if not non_commercial(licence_of(s, sources))]
    full = [s for s in sentences if UNKNOWN not in s["tags"]]
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.crfsuite"
        _train((c for s in full for c in copies(s)), first, params)
        _impute(sentences, first)
    model = out_dir / MODEL_FILE
    _train((c for s in sentences for c in copies(s)), model, params)
    _write_manifest(sources, out_dir, sentences, params)
    return model


def _used(sentences: list[dict], sources: dict) -> dict:
    """Per corpus (and GUM genre): sentences, tokens and licence of what the model was trained on."""
    out: dict[str, dict] = {}
    for s in sentences:
        key = s["corpus"] + (f"/{s.get('genre')}" if s["corpus"] == "gum" else "")
        row = out.setdefault(key, {"sentences": 0, "tokens": 0, "licence": licence_of(s, sources)})
        row["sentences"] += 1
        row["tokens"] += len(s["tokens"])
    return dict(sorted(out.items()))


def _write_manifest(sources: dict, out_dir: Path, sentences: list[dict], params: dict) -> None:
    manifest = {
        "model": MODEL_FILE,
        "library": "python-crfsuite (CRFsuite, linear-chain CRF, L-BFGS)",
        "params": params,
        "training_sentences": len(sentences),
        "training_tokens": sum(len(s["tokens"]) for s in sentences),
        "copies": "each sentence as written and lowercased with non-ASCII letters deleted",
        "used": _used(sentences, sources),
        "sources": {k: {f: v[f] for f in ("repository", "commit", "licence") if f in v} for k, v in sources.items()},
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True,
                    help="folder of prepared sentences (python -m edition.ner.corpora --out DIR)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--permissive", action="store_true", help="leave out texts under NonCommercial licences")
    args = ap.parse_args(argv)
    data = args.data
    train(data, args.out, {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}, args.permissive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
