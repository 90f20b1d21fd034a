"""The manifest of a trained truecaser: what it was trained on (sources, commits, licences,
counts), how (library, features, parameters) and how well (every candidate on GUM dev)."""

from __future__ import annotations

import json
from pathlib import Path

from ..ner.train import licence_of
from .blocks import Block
from .model import FORMS_FILE, MODEL_FILE


def _sources(data: Path) -> dict:
    path = data / "manifest.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("sources", {})
    except (OSError, ValueError):
        return {}


def used(blocks: list[Block], sources: dict) -> dict:
    """Per corpus (and GUM genre): blocks, words and licence of the training text."""
    out: dict[str, dict] = {}
    for b in blocks:
        key = b.corpus + (f"/{b.genre}" if b.corpus == "gum" else "")
        row = out.setdefault(key, {"blocks": 0, "tokens": 0,
                                   "licence": licence_of({"corpus": b.corpus, "genre": b.genre}, sources)})
        row["blocks"] += 1
        row["tokens"] += len(b.words())
    return dict(sorted(out.items()))


def manifest(data: Path, blocks: list[Block], rows: list[dict], best: int) -> dict:
    sources = _sources(data)
    chosen = rows[best]
    corpora = {b.corpus for b in blocks}
    sources = {k: v for k, v in sources.items() if k in corpora}
    return {
        "model": MODEL_FILE, "forms": FORMS_FILE,
        "library": "python-crfsuite (CRFsuite, linear-chain CRF, L-BFGS)",
        "labels": {"L": "lowercase", "T": "first letter a capital", "U": "all capitals",
                   "S": "first letter a capital at a sentence start", "O": "no letters",
                   "M": "mixed, the form most often seen in training (forms.json)"},
        "text": chosen["text"], "features": chosen["features"], "params": chosen["params"],
        "threshold": chosen["threshold"],
        "input": "training sentences damaged (lowercased, non-ASCII letters deleted), joined into "
                 "blocks of up to 3 sentences; HIPE sentences mostly in capitals left out",
        "training_blocks": len(blocks), "training_tokens": sum(len(b.words()) for b in blocks),
        "used": used(blocks, sources),
        "dev": {"gum": chosen["gum_dev"], "hipe": chosen["hipe_dev"]},
        "baseline": "sentence starts and I only: see bench/bench_truecase.py",
        "candidates": rows,
        "sources": {k: {f: v[f] for f in ("repository", "commit", "licence") if f in v}
                    for k, v in sources.items()},
    }
