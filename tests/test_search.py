"""The build-time search index (edition.search, Pagefind): what is indexed, where it goes, and
that a build without Pagefind, with a failing Pagefind or killed while indexing still leaves
complete pages and a complete index (or none)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import manifest, outputs, search
from edition.cli import cli
from edition_helpers import make_edition

BINARY = search.find_pagefind()
needs_pagefind = pytest.mark.skipif(BINARY is None, reason="pagefind is not installed "
                                    "(pip install 'pagefind[extended]'; scripts/setup.sh does)")

# a page shaped like the edition's HTML, from another century and continent
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Letters from Cuzco</title></head>
<body><header class="title-block"><h1>Letters from Cuzco, 1783</h1>
<div class="controls"><label>Diplomatic text</label></div></header>
<div id="search" data-pagefind-ignore="all"><label>Search the text and the index</label></div>
<nav class="toc"><h2>Contents</h2><a href="#s1">Tupac Amaru</a></nav>
<main id="text"><section id="s1"><h2><span class="secnum">1</span>The rising</h2>
<p id="s1-p1">The corregidor wrote from <button class="name place" popovertarget="pop-cuzco">
<span class="choice"><span class="orig">cuzco</span><span class="reg">Cuzco</span></span></button>
that Micaela Bastidas kept the accounts of the rebellion. <a class="anchor" href="#s1-p1">¶</a></p>
</section></main>
<section class="chronology"><h2>Chronology</h2><p>chronologyonly</p></section>
<section class="index"><h2>Index</h2><ul>
<li id="reg-micaela-bastidas"><p><strong>Bastidas, Micaela</strong> (1744–1781). Quartermaster of the
Andean rising. <span class="mention-count">(1 mention)</span></p>
<ul class="mentions"><li><a href="#occ-1">… kwiconlysnippet …</a></li></ul></li></ul></section>
<div class="popups"><div class="popup" popover id="pop-cuzco">popuponlyword</div></div>
</body></html>
"""


def fragments(index: Path) -> list[dict]:
    """Pagefind's records of the pages (gzip, after a 12-byte signature)."""
    records = []
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


@needs_pagefind
def test_the_text_and_the_register_are_indexed_and_nothing_else(tmp_path):
    (tmp_path / "cuzco.html").write_text(PAGE)
    lines = []
    made = search.index_site(tmp_path, lines.append)
    assert made is not None and made.path == tmp_path / search.FOLDER, lines
    assert (made.path / "pagefind.js").is_file() and made.pages == 1
    assert 0 < made.index_bytes < made.total_bytes
    assert lines == [made.summary()] and "1 page(s)" in lines[0]
    [page] = fragments(made.path)
    words = page["content"].split()
    assert page["url"] == "/cuzco.html"
    for wanted in ("Cuzco", "Bastidas", "Quartermaster", "rebellion", "rising"):
        assert any(wanted in w for w in words), (wanted, page["content"])
    for unwanted in ("cuzco", "Diplomatic", "Contents", "Search", "chronologyonly", "kwiconlysnippet",
                     "popuponlyword", "mention)", "¶"):
        assert unwanted not in words, (unwanted, page["content"])
    assert "1The" not in page["content"]                # the section number stays out of the title
    anchors = {a["id"]: a["element"] for a in page["anchors"]}
    assert anchors["s1-p1"] == "p" and anchors["reg-micaela-bastidas"] == "li"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_missing_pagefind_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "cuzco.html").write_text(PAGE)
    monkeypatch.setattr(search, "find_pagefind", lambda: None)
    lines = []
    assert search.index_site(tmp_path, lines.append) is None
    assert lines == [search.MISSING]
    assert not (tmp_path / search.FOLDER).exists()


def test_the_binary_is_found_without_pagefind_s_service(tmp_path):
    """PAGEFIND_BINARY_PATH comes first; else the packaged binary, found without importing
    pagefind.service (and asyncio with it: 70 ms of every build's end)."""
    code = ("import sys; from edition import search; found = search.find_pagefind(); "
            "print(found); print('pagefind.service' in sys.modules)")
    env = {**os.environ, "PAGEFIND_BINARY_PATH": str(tmp_path / "my-pagefind")}
    given = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert given.stdout.split() == [str(tmp_path / "my-pagefind"), "False"]
    env.pop("PAGEFIND_BINARY_PATH")
    packaged = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if BINARY is None:
        pytest.skip("pagefind is not installed (pip install 'pagefind[extended]'; scripts/setup.sh does)")
    assert packaged.stdout.split() == [str(BINARY), "False"]
    assert os.access(BINARY, os.X_OK)


def test_nothing_to_index_says_nothing(tmp_path):
    lines = []
    assert search.index_site(tmp_path, lines.append, binary=Path("/nonexistent")) is None
    assert lines == []


def fake_pagefind(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-pagefind"
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    script.chmod(0o755)
    return script


def test_a_failing_pagefind_keeps_the_previous_index(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "cuzco.html").write_text(PAGE)
    old = site / search.FOLDER
    old.mkdir()
    (old / "pagefind.js").write_text("old")
    lines = []
    broken = fake_pagefind(tmp_path, "print('Error: the site is on fire', file=sys.stderr); sys.exit(3)")
    assert search.index_site(site, lines.append, binary=broken) is None
    assert len(lines) == 1 and "search: error: pagefind failed (Error: the site is on fire)" in lines[0]
    assert (old / "pagefind.js").read_text() == "old"
    assert [p.name for p in site.iterdir() if p.name.startswith(".")] == []


@needs_pagefind
def test_a_new_index_replaces_the_old_one_whole(tmp_path):
    (tmp_path / "cuzco.html").write_text(PAGE)
    old = tmp_path / search.FOLDER
    old.mkdir()
    (old / "stale.pf_fragment").write_text("from an earlier build")
    assert search.index_site(tmp_path) is not None
    assert not (old / "stale.pf_fragment").exists() and (old / "pagefind.js").is_file()


# ----------------------------------------------------------------- through edition build

TEXT = "the captain wrote from valparaiso in 1822 that the ships were ready.\n"


def edition(*args, env=None):
    """The edition command in a child process (so that it can be killed)."""
    return subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", *args],
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture
def edition_dir(tmp_path, monkeypatch):
    root = make_edition(tmp_path / "ed", {"letter.txt": TEXT})
    monkeypatch.chdir(root)
    return root


@needs_pagefind
def test_build_indexes_its_pages_and_no_search_skips(edition_dir):
    result = CliRunner().invoke(cli, ["build", "--no-pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    build = edition_dir / "build"
    assert (build / search.FOLDER / "pagefind.js").is_file()
    assert [line for line in result.output.splitlines() if line.startswith("search: ")] != []
    assert "valparaiso" in " ".join(fragments(build / search.FOLDER)[0]["content"].split()).lower()
    html = (build / "letter.html").read_text()
    assert 'id="search"' in html and "pagefind/pagefind.js" in html
    # --no-search: no indexing, and the earlier index is left as it is
    marker = build / search.FOLDER / "pagefind-entry.json"
    before = marker.read_bytes()
    result = CliRunner().invoke(cli, ["build", "--no-pdf", "--no-search"], catch_exceptions=False)
    assert result.exit_code == 0 and "search: " not in result.output, result.output
    assert marker.read_bytes() == before


def test_build_without_pagefind_says_so_and_goes_on(edition_dir, monkeypatch):
    monkeypatch.setattr(search, "find_pagefind", lambda: None)
    result = CliRunner().invoke(cli, ["build", "--no-pdf"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("search:")] == [search.MISSING]
    assert (edition_dir / "build" / "letter.html").is_file()


@needs_pagefind
def test_a_build_killed_while_indexing_leaves_the_old_index_whole(edition_dir):
    assert edition("build", "--no-pdf").returncode == 0
    index = edition_dir / "build" / search.FOLDER
    before = {p.relative_to(index): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    (edition_dir / "source" / "letter.txt").write_text(TEXT + "the governor answered from lima.\n")
    killed = edition("build", "--no-pdf", env={outputs.TEST_HOOK: "search-staged"})
    assert killed.returncode == -9, killed.stderr[-2000:]
    after = {p.relative_to(index): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    assert after == before                              # the complete old index, not half a new one
    build = edition_dir / "build"
    assert any(p.name.startswith(".edition-pagefind-") for p in build.iterdir())
    # the next build removes what the killed one left and puts its own index in place
    assert edition("build", "--no-pdf").returncode == 0
    assert [p.name for p in build.iterdir() if p.name.startswith(".") and p.name != manifest.NAME] == []
    assert "lima" in " ".join(fragments(index)[0]["content"].split()).lower()
