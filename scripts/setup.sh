#!/usr/bin/env bash
# Sets up everything the edition needs on a fresh Debian/Ubuntu machine, then
# runs one of:  build (the bundled edition: edition build)  |  test (the test suite)
#
#   bash scripts/setup.sh build
#   bash scripts/setup.sh test [pytest arguments]
#
# Installs the Debian packages fop (PDF rendering), jing (fast RELAX NG checks
# against the official TEI schema) and a Java runtime when they are missing,
# for "test" also chromium (the browser tests drive it with Playwright; no
# browser is downloaded), creates .venv and installs the package with its test
# dependencies into it.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"
case "$what" in
  build|test) shift ;;
  *) echo "usage: bash scripts/setup.sh build|test [args]" >&2; exit 2 ;;
esac

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v fop >/dev/null 2>&1 || missing+=(fop)
command -v jing >/dev/null 2>&1 || missing+=(jing)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] && [ -f /usr/share/hyphen/hyph_en_US.dic ] || missing+=(fonts-dejavu-core fonts-dejavu-extra hyphen-en-us)  # the PDF's fonts, hyphenation
if [ "$what" = test ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# the package's bytecode, compiled once: an editable install is not compiled by pip, and where
# PYTHONDONTWRITEBYTECODE is set (many containers set it) every command would compile every
# module it imports again (~0.1 s a process); a module edited later is compiled from its source
.venv/bin/python -m compileall -q edition >/dev/null || true

# the derived data (name and place lists, the truecaser's resources: edition/derived.py) go into
# the cache now, once, so that the first build does not spend seconds on them: two one-line
# conversions, one with capitals, one without; a failure here is reported by the build itself
warm="$(mktemp -d)"
printf 'Mr. Milman went to Plymouth on 3 May 1851.\n' > "$warm/cased.txt"
printf 'mr. milman went to plymouth on 3 may 1851.\n' > "$warm/lower.txt"
for text in cased lower; do
  (cd "$warm" && "$OLDPWD/.venv/bin/edition" convert "$text.txt" -o "$text.xml") >/dev/null 2>&1 || true
done
rm -rf "$warm"

case "$what" in
  build) exec .venv/bin/edition build "$@" ;;
  test) exec .venv/bin/python -m pytest "$@" ;;
esac
