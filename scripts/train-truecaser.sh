#!/usr/bin/env bash
# Rebuilds the shipped truecaser (edition/truecase/model/) from the public corpora, in about ten
# minutes on two cores:
#
#   bash scripts/train-truecaser.sh GUM_CHECKOUT HIPE_CHECKOUT [--quick]
#
# GUM_CHECKOUT: a checkout of amir-zeldes/gum; HIPE_CHECKOUT: of hipe-eval/HIPE-2022-data (the
# commits used are in edition/truecase/model/manifest.json; a COMMIT file in each folder names
# its commit). The corpora become sentence files (edition.ner.corpora: GUM's official split,
# HIPE's train and dev files, never a test file), and the truecaser's candidates are trained on
# the damaged training sentences and compared on the development documents
# (edition.truecase.train); the best is kept. The same checkouts give the same model files.
# --quick trains the first candidate only.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash scripts/train-truecaser.sh GUM_CHECKOUT HIPE_CHECKOUT [--quick]" >&2; exit 2; }
gum=$1 hipe=$2; shift 2
py=.venv/bin/python
[ -x "$py" ] || { echo "run bash scripts/setup.sh test first (it creates .venv)" >&2; exit 2; }
data=$(mktemp -d "${TMPDIR:-/tmp}/edition-truecase-XXXXXX")
trap 'rm -rf "$data"' EXIT
"$py" -m edition.ner.corpora --gum "$gum" --hipe "$hipe" --out "$data" --sample 0 >/dev/null
"$py" -m edition.truecase.train --data "$data" "$@"
# the held-out figures (GUM test, read only now, after the model is chosen) go into the manifest
"$py" -m edition.truecase.evaluate --data "$data" --record >/dev/null
