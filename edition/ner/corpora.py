"""Training and evaluation sentences for the recogniser, from GUM and HIPE-2022's English files.

    python -m edition.ner.corpora --gum DIR --hipe DIR --out DIR

reads a checkout of ``amir-zeldes/gum`` (``splits.md``, ``LICENSE.txt``, ``dep/*.conllu``) and
of ``hipe-eval/HIPE-2022-data`` (``data/v2.1/<dataset>/en/*-{train,dev}-en.tsv``) and writes, one
sentence record a line (see ``edition.ner.bio``):

- ``gum-train.jsonl``, ``gum-dev.jsonl``, ``gum-test.jsonl``: GUM's official split;
- ``hipe-train.jsonl``: topres19th train, hipe2020 dev (English has no train file), ajmc train;
- ``hipe-dev.jsonl``: topres19th dev and ajmc dev, kept out of training for evaluation;
- ``manifest.json``: per source its repository, commit, licence, files read and counts.

Each checkout's commit is taken from ``--gum-commit``/``--hipe-commit`` or a ``COMMIT`` file in
its folder. The command prints counts and a sample of sentences with their entities marked.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from edition.errors import EditionError
from edition.ner import gum, hipe
from edition.ner.bio import UNKNOWN, tag_spans

GUM_REPOSITORY = "https://github.com/amir-zeldes/gum"
HIPE_REPOSITORY = "https://github.com/hipe-eval/HIPE-2022-data"
OUTPUTS = {  # file -> (corpus prefix, splits)
    "gum-train.jsonl": ("gum", {"train"}), "gum-dev.jsonl": ("gum", {"dev"}),
    "gum-test.jsonl": ("gum", {"test"}),
    "hipe-train.jsonl": ("hipe-", {"train"}), "hipe-dev.jsonl": ("hipe-", {"dev"}),
}


def counts(records: list[dict]) -> dict:
    """Sentences, tokens, unknown-label tokens and entities per type of some records."""
    entities: Counter = Counter()
    for r in records:
        entities.update(label for _, _, label in tag_spans(r["tags"]))
    return {"sentences": len(records), "tokens": sum(len(r["tokens"]) for r in records),
            "unknown_tokens": sum(r["tags"].count(UNKNOWN) for r in records),
            "entities": dict(sorted(entities.items()))}


def by_split(records: list[dict]) -> dict:
    splits = sorted({r["split"] for r in records})
    return {s: counts([r for r in records if r["split"] == s]) for s in splits}


def commit_of(folder: Path, given: str | None) -> str:
    """The commit a checkout was taken from: as given, else its ``COMMIT`` file, else unknown."""
    if given:
        return given
    marker = folder / "COMMIT"
    return marker.read_text(encoding="utf-8").strip() if marker.is_file() else "unknown"


def gum_manifest(root: Path, records: list[dict], info: dict, commit: str) -> dict:
    licences = gum.genre_licences(root)
    genres = sorted({r["genre"] for r in records})
    tokens = Counter()
    for r in records:
        tokens[r["genre"]] += len(r["tokens"])
    return {"repository": GUM_REPOSITORY, "commit": commit,
            "licence": {g: licences.get(g, "not stated") for g in genres}
            | {"annotations": licences["annotations"]},
            "files": info["files"], "skipped": info["skipped"],
            "tokens_by_genre": dict(sorted(tokens.items())), "counts": by_split(records)}


def hipe_manifest(dataset: str, records: list[dict], info: dict, commit: str) -> dict:
    prefix = f"data/{hipe.VERSION}/{dataset}/"
    return {"repository": HIPE_REPOSITORY, "commit": commit, "licence": hipe.LICENCES[dataset],
            "annotates": sorted(hipe.ANNOTATES[dataset]),
            "files": [f for f in info["files"] if f.startswith(prefix)],
            "counts": by_split([r for r in records if r["corpus"] == f"hipe-{dataset}"])}


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def build(gum_dir: Path, hipe_dir: Path, out: Path, dates: bool = True,
          gum_commit: str | None = None, hipe_commit: str | None = None) -> dict:
    """Read both corpora, write the sentence files and the manifest; return the manifest."""
    gum_records, gum_info = gum.read_gum(gum_dir, dates=dates)
    hipe_records, hipe_info = hipe.read_hipe(hipe_dir, dates=dates)
    out.mkdir(parents=True, exist_ok=True)
    records = gum_records + hipe_records
    manifest = {"sources": {"gum": gum_manifest(gum_dir, gum_records, gum_info,
                                                commit_of(gum_dir, gum_commit))},
                "outputs": {}, "dates": dates}
    for dataset in hipe.TYPES:
        manifest["sources"][f"hipe-{dataset}"] = hipe_manifest(
            dataset, hipe_records, hipe_info, commit_of(hipe_dir, hipe_commit))
    for name, (prefix, splits) in OUTPUTS.items():
        chosen = [r for r in records if r["corpus"].startswith(prefix) and r["split"] in splits]
        write_atomic(out / name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen))
        manifest["outputs"][name] = counts(chosen) | {
            "corpora": dict(sorted(Counter(r["corpus"] for r in chosen).items()))}
    write_atomic(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def marked(r: dict) -> str:
    """A sentence with its entities bracketed: ``went to [Lima]LOC``; ``?`` tokens as ``word?``."""
    tokens = [t + ("?" if tag == UNKNOWN else "") for t, tag in zip(r["tokens"], r["tags"])]
    for start, end, label in sorted(tag_spans(r["tags"]), reverse=True):
        tokens[start:end] = ["[" + " ".join(tokens[start:end]) + "]" + label]
    return " ".join(tokens)


def report(manifest: dict, out: Path, sample: int, seed: int) -> str:
    lines = [f"{'file':18} {'sentences':>9} {'tokens':>8} {'?':>6}  entities"]
    for name, c in manifest["outputs"].items():
        ents = " ".join(f"{k}={v}" for k, v in c["entities"].items())
        lines.append(f"{name:18} {c['sentences']:9} {c['tokens']:8} {c['unknown_tokens']:6}  {ents}")
    with_entities = [r for name in OUTPUTS for line in (out / name).open(encoding="utf-8")
                     for r in [json.loads(line)] if any(t[:2] in ("B-", "I-") for t in r["tags"])]
    rng = random.Random(seed)
    lines.append(f"\n{min(sample, len(with_entities))} random sentences with entities:")
    for r in rng.sample(with_entities, min(sample, len(with_entities))):
        lines.append(f"  {r['corpus']}/{r['doc']} ({r['split']}): {marked(r)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition.ner.corpora",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--gum", type=Path, required=True, help="checkout of amir-zeldes/gum")
    parser.add_argument("--hipe", type=Path, required=True, help="checkout of hipe-eval/HIPE-2022-data")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .jsonl files and manifest")
    parser.add_argument("--gum-commit", help="commit of the GUM checkout (default: DIR/COMMIT)")
    parser.add_argument("--hipe-commit", help="commit of the HIPE checkout (default: DIR/COMMIT)")
    parser.add_argument("--no-dates", action="store_true", help="leave dates untagged (O)")
    parser.add_argument("--sample", type=int, default=20, help="sentences to print (default 20)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the printed sample")
    args = parser.parse_args(argv)
    try:
        manifest = build(args.gum, args.hipe, args.out, dates=not args.no_dates,
                         gum_commit=args.gum_commit, hipe_commit=args.hipe_commit)
        print(report(manifest, args.out, args.sample, args.seed))
    except EditionError as err:
        print(err, file=sys.stderr)
        return 1
    except ValueError as err:  # an inconsistency in the data the readers did not foresee
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"{err.filename or args.out}: error: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
