#!/usr/bin/env bash
# Rebuilds the shipped recogniser (edition/ner/model/) from the public corpora, in a few minutes
# on two cores:
#
#   bash scripts/train-model.sh GUM_CHECKOUT HIPE_CHECKOUT [--permissive]
#
# GUM_CHECKOUT: a checkout of amir-zeldes/gum; HIPE_CHECKOUT: of hipe-eval/HIPE-2022-data (the
# commits used are in edition/ner/model/manifest.json). Steps: the corpora become sentence files
# (edition.ner.corpora), the bundled edition converted with its register gives silver sentences
# (edition.ner.silver), and the CRF is trained on both case copies of every sentence
# (edition.ner.train). --permissive leaves out texts under NonCommercial licences.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash scripts/train-model.sh GUM_CHECKOUT HIPE_CHECKOUT [--permissive]" >&2; exit 2; }
gum=$1 hipe=$2; shift 2
py=.venv/bin/python
[ -x "$py" ] || { echo "run bash scripts/setup.sh test first (it creates .venv)" >&2; exit 2; }
data=$(mktemp -d "${TMPDIR:-/tmp}/edition-ner-XXXXXX")
trap 'rm -rf "$data"' EXIT
"$py" -m edition.ner.corpora --gum "$gum" --hipe "$hipe" --out "$data"
# the model is left out of the silver conversion, so that the labels do not depend on it
EDITION_NER_MODEL=/nonexistent .venv/bin/edition convert source/leon-trotsky.txt -o "$data/leon-trotsky.xml" >/dev/null
"$py" -m edition.ner.silver "$data/leon-trotsky.xml" --out "$data/silver-train.jsonl"
"$py" -m edition.ner.train --data "$data" "$@"
