"""An edition folder someone sends (a repository cloned, an archive unpacked) may hold symbolic
links: none of them leads the build or the publication out of the edition's folder
(edition/confine.py). The texts are invented, from outside the bundled edition's world."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import confine
from edition.cli import cli
from edition_helpers import make_edition, with_fake_fop

SECRET = "PRIVATE-NOTE-7f3a: the key of the editor's own files"
TEXTS = {"quito.txt": "A chronicle of Quito, written in 1822 by Manuela Cañizares.\n"}
FAKE_FOP = """#!{python}
import sys
args = sys.argv[1:]
with open(args[args.index("-pdf") + 1], "wb") as fh:
    fh.write(b"%PDF-1.4 fake")
"""


@pytest.fixture
def edition_dir(tmp_path, repo, monkeypatch):
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "notes.txt").write_text(SECRET + "\n", encoding="utf-8")
    return with_fake_fop(tmp_path, monkeypatch, FAKE_FOP, make_edition(tmp_path / "ed", TEXTS))


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def in_child(*args):
    """The edition command in a child process: one that waits on a pipe fails the test, not the run."""
    return subprocess.run([sys.executable, "-c", "from edition.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=120)


def lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def anywhere(folder: Path, text: str) -> list[Path]:
    """The files under *folder* (links not followed) that hold *text*."""
    found = []
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if not path.is_symlink() and text.encode() in path.read_bytes():
                found.append(path)
    return found


def test_a_source_that_links_out_of_the_edition_is_not_read(edition_dir, tmp_path):
    (edition_dir / "source" / "notes.txt").symlink_to(tmp_path / "private" / "notes.txt")
    result = run("build", "--no-pdf", "-j", "1")
    assert result.exit_code != 0
    errors = [line for line in lines(result.output) if ": error: " in line]
    assert errors == [f"{edition_dir / 'source' / 'notes.txt'}: error: a link out of the edition's folder "
                      f"(to {(tmp_path / 'private' / 'notes.txt').resolve()}): not read; copy the file into "
                      "the edition if it belongs to it"], result.output
    assert (edition_dir / "build" / "quito.html").is_file()      # the other sources are built
    assert not (edition_dir / "build" / "notes.html").exists()
    assert anywhere(edition_dir / "build", "PRIVATE-NOTE") == []
    assert "Traceback" not in result.output


def test_the_parallel_build_refuses_it_too(edition_dir, tmp_path):
    (edition_dir / "source" / "notes.txt").symlink_to(tmp_path / "private" / "notes.txt")
    (edition_dir / "source" / "lima.txt").write_text("Letters from Lima, 1790.\n", encoding="utf-8")
    result = run("build", "--no-pdf", "-j", "2")
    assert result.exit_code != 0 and "a link out of the edition's folder" in result.output
    assert (edition_dir / "build" / "lima.html").is_file()
    assert anywhere(edition_dir / "build", "PRIVATE-NOTE") == []


def test_a_hand_edited_tei_that_links_out_is_not_read(edition_dir, tmp_path):
    assert run("convert", "source/quito.txt").exit_code == 0
    elsewhere = tmp_path / "private" / "quito.xml"
    shutil.move(edition_dir / "source" / "quito.xml", elsewhere)
    (edition_dir / "source" / "quito.xml").symlink_to(elsewhere)
    result = run("build", "--no-pdf")
    assert result.exit_code != 0 and "source/quito.xml: error: a link out of the edition" in result.output


def test_links_inside_the_edition_and_files_named_from_outside_are_read(edition_dir, tmp_path):
    (edition_dir / "texts").mkdir()
    (edition_dir / "texts" / "cusco.txt").write_text("The diary of Cusco, 1781.\n", encoding="utf-8")
    (edition_dir / "source" / "cusco.txt").symlink_to(Path("..") / "texts" / "cusco.txt")
    result = run("build", "--no-pdf")
    assert result.exit_code == 0, result.output
    assert "Cusco" in (edition_dir / "build" / "cusco.html").read_text(encoding="utf-8")
    # a text given on the command line from outside the edition is the scholar's own choice
    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "potosi.txt").write_text("A letter from Potosí, 1650.\n", encoding="utf-8")
    result = run("build", "--no-pdf", tmp_path / "loose" / "potosi.txt")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("key", ["register", "lexicon"])
def test_a_register_or_lexicon_out_of_the_edition_is_refused(edition_dir, tmp_path, key):
    name = {"register": "register.xml", "lexicon": "lexicon.toml"}[key]
    moved = tmp_path / "private" / name
    shutil.move(edition_dir / "source" / name, moved)
    (edition_dir / "source" / name).symlink_to(moved)
    result = run("build", "--no-pdf")
    assert result.exit_code == 2
    assert lines(result.output) == [
        f"{edition_dir / 'edition.toml'}:{_line_of(edition_dir, key)}:1: error: [edition] {key}: "
        f"'source/{name}' is a link out of the edition's folder (to {moved.resolve()}): not read; copy "
        "the file into the edition if it belongs to it"], result.output
    assert not (edition_dir / "build").exists()
    # named by a path out of the folder (a register several editions share), it is read
    (edition_dir / "source" / name).unlink()
    toml = edition_dir / "edition.toml"
    toml.write_text(toml.read_text().replace(f'"source/{name}"', f'"../private/{name}"'))
    result = run("build", "--no-pdf")
    assert result.exit_code == 0, result.output


def _line_of(edition_dir: Path, key: str) -> int:
    for n, line in enumerate((edition_dir / "edition.toml").read_text().splitlines(), 1):
        if line.startswith(f"{key} ="):
            return n
    raise AssertionError(key)


@pytest.mark.parametrize("folder, name", [("schema", "edition.sch"), ("xslt", "common.xsl")])
def test_a_file_of_the_editions_schema_or_stylesheets_that_links_out_is_refused(edition_dir, tmp_path,
                                                                              folder, name):
    target = tmp_path / "private" / name
    shutil.move(edition_dir / folder / name, target)
    (edition_dir / folder / name).symlink_to(target)
    for command in (["build", "--no-pdf"], ["convert", "source/quito.txt"]):
        result = run(*command)
        assert result.exit_code == 2, result.output
        assert lines(result.output) == [
            f"{edition_dir / folder / name}: error: a link out of the edition's folder (to "
            f"{target.resolve()}): not read; copy the file into the edition if it belongs to it"]


def test_publish_copies_no_link_from_the_build(edition_dir, tmp_path):
    assert run("build").exit_code == 0
    build = edition_dir / "build"
    secret = tmp_path / "private" / "notes.txt"
    later = os.stat(build / "quito.fo").st_mtime + 60
    os.utime(secret, (later, later))         # newer than the build: publish does not build again
    for planted in (build / "quito.fo", build / "pagefind" / "fragment" / "planted.pf_fragment"):
        original = planted.read_bytes() if planted.exists() else None
        planted.unlink(missing_ok=True)
        planted.symlink_to(tmp_path / "private" / "notes.txt")
        result = run("publish", "--force")
        assert result.exit_code != 0, result.output
        assert f"{planted}: error: a link, not a file the build wrote: not copied; remove it and build " \
               "again" in result.output
        assert not (edition_dir / "publish").exists()
        planted.unlink()
        if original is not None:
            planted.write_bytes(original)
    assert run("publish", "--force").exit_code == 0
    assert anywhere(edition_dir / "publish", "PRIVATE-NOTE") == []
    # a link older than the sources makes the output stale: publish builds it again, over the link
    shutil.rmtree(edition_dir / "publish")
    os.utime(secret, (later - 3600, later - 3600))
    (build / "quito.fo").unlink()
    (build / "quito.fo").symlink_to(secret)
    assert run("publish", "--force").exit_code == 0
    assert not (build / "quito.fo").is_symlink()
    assert anywhere(edition_dir / "publish", "PRIVATE-NOTE") == []


def test_an_output_replaced_by_a_link_is_never_up_to_date(edition_dir, tmp_path):
    assert run("build", "--no-pdf").exit_code == 0
    html = edition_dir / "build" / "quito.html"
    copy = tmp_path / "private" / "quito.html"
    shutil.copy2(html, copy)                     # the same size and time as the output it replaces
    html.unlink()
    html.symlink_to(copy)
    result = run("build", "--no-pdf")
    assert result.exit_code == 0 and "nothing changed" not in result.output, result.output
    assert not html.is_symlink() and html.is_file()


def test_leads_out_reads_names_before_links(tmp_path):
    root = tmp_path / "ed"
    (root / "source").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text("x")
    (root / "source" / "in.txt").write_text("x")
    (root / "source" / "out.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "alias").symlink_to(root)           # the edition reached through a link of its own
    assert confine.leads_out(root / "source" / "in.txt", root) is None
    assert confine.leads_out(root / "source" / "out.txt", root) == (tmp_path / "outside.txt").resolve()
    assert confine.leads_out(tmp_path / "alias" / "source" / "in.txt", tmp_path / "alias") is None
    assert confine.leads_out(tmp_path / "outside.txt", root) is None     # named from outside
    assert confine.outside(root / ".." / "outside.txt", root) == (tmp_path / "outside.txt").resolve()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pipe_among_the_sources_is_refused_not_waited_for(edition_dir, jobs):
    """An archive can hold a named pipe: reading it would wait for ever (it did, before)."""
    os.mkfifo(edition_dir / "source" / "pipe.txt")
    result = in_child("build", "--no-pdf", "-j", jobs)
    assert result.returncode != 0
    assert f"{edition_dir / 'source' / 'pipe.txt'}: error: not a regular file (a pipe, a device or a " \
           "socket): not read" in result.stderr, result.stderr
    assert (edition_dir / "build" / "quito.html").is_file()


def test_a_register_that_is_a_pipe_is_refused(edition_dir):
    register = edition_dir / "source" / "register.xml"
    register.unlink()
    os.mkfifo(register)
    result = in_child("build", "--no-pdf")
    assert result.returncode == 2
    assert "[edition] register: 'source/register.xml' is not a regular file" in result.stderr


def test_control_characters_in_a_name_are_refused_and_never_printed(edition_dir):
    """A file name can hold a newline (the message would no longer be one line) or an escape
    sequence (it would act on the scholar's terminal: clear it, retitle it)."""
    (edition_dir / "source" / "two\nlines.txt").write_text("A letter from Hobart, 1840.\n")
    (edition_dir / "source" / "clear\x1b[2J.txt").write_text("A diary of Perth, 1841.\n")
    result = in_child("build", "--no-pdf")
    assert result.returncode != 0
    assert "\x1b" not in result.stderr and "two\nlines" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert sorted(errors) == sorted([
        f"{edition_dir / 'source'}/clear\\x1b[2J.txt: error: the file name holds a control character "
        "(\\x1b): its outputs would be named so too; rename it",
        f"{edition_dir / 'source'}/two\\nlines.txt: error: the file name holds a control character "
        "(\\n): its outputs would be named so too; rename it"]), result.stderr
    assert sorted(p.name for p in (edition_dir / "build").glob("*.html")) == ["quito.html"]


def test_messages_escape_control_characters_of_what_they_quote():
    from edition.errors import EditionError
    from edition.validation.diagnostics import Diagnostic

    error = EditionError("no such file", "/tmp/a\x1b]0;title\x07b.xml", 3, 1)
    assert str(error) == "/tmp/a\\x1b]0;title\\x07b.xml:3:1: error: no such file"
    d = Diagnostic("warning", "x\ny.xml", 4, 2, "this persName ('Mr\x9bX') points nowhere", "name-unlinked",
                   xpath="/TEI/text", hint="add it")
    assert str(d) == ("x\\ny.xml:4:2: warning: this persName ('Mr\\x9bX') points nowhere [name-unlinked]\n"
                      "    at /TEI/text; add it")


def test_a_name_too_long_for_its_outputs_is_refused_and_the_longest_that_fits_builds(edition_dir):
    from edition.outputs import LONGEST_EXTRA

    room = os.pathconf(edition_dir, "PC_NAME_MAX") - LONGEST_EXTRA
    fits, too_long = "h" * room, "h" * (room + 1)
    (edition_dir / "source" / f"{fits}.txt").write_text("A letter from Hobart, 1840.\n")
    (edition_dir / "source" / f"{too_long}.txt").write_text("A diary of Perth, 1841.\n")
    result = run("build", "--no-pdf")
    assert result.exit_code != 0
    errors = [line for line in lines(result.output) if ": error: " in line]
    assert errors == [f"{edition_dir / 'source' / (too_long + '.txt')}: error: the file name is too long for "
                      f"the names of its outputs (at most {room} bytes before the extension here): shorten it"]
    assert (edition_dir / "build" / f"{fits}.html").is_file()


def test_a_build_folder_that_links_out_of_the_edition_is_not_written(edition_dir, tmp_path):
    """build -> the scholar's documents: the build would write thesis.html over theirs and remove
    their thesis.pdf (--no-pdf removes a source's older PDF)."""
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "quito.pdf").write_text("my own PDF")
    (documents / "quito.html").write_text("my own page")
    (edition_dir / "build").symlink_to(documents)
    result = run("build", "--no-pdf")
    assert result.exit_code == 2
    assert lines(result.output) == [
        f"{edition_dir / 'build'}: error: a link out of the edition's folder (to {documents.resolve()}): "
        "the build writes only into the edition's own folder (it would replace and remove files there "
        "by the names of the sources); remove the link, or name the folder with -o"], result.output
    assert sorted(p.name for p in documents.iterdir()) == ["quito.html", "quito.pdf"]
    assert (documents / "quito.pdf").read_text() == "my own PDF"
    # named on purpose, the folder is the scholar's choice
    result = run("build", "--no-pdf", "-o", documents / "out")
    assert result.exit_code == 0, result.output


def test_publish_takes_nothing_from_a_build_folder_that_links_out(edition_dir, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "quito.pdf").write_text("my own PDF")
    (edition_dir / "build").symlink_to(documents)
    result = run("publish", "--force")
    assert result.exit_code != 0 and "a link out of the edition's folder" in result.output, result.output
    assert not (edition_dir / "publish").exists()
    assert sorted(p.name for p in documents.iterdir()) == ["quito.pdf"]


@pytest.mark.parametrize("names", [{"put": [], "remove": ["{secret}"]},
                                   {"put": [], "remove": ["../edition.toml"]},
                                   {"put": ["../source/quito.txt"], "remove": []},
                                   {"put": ["quito.html"], "remove": ["other.pdf"]}])
def test_a_commit_folder_sent_with_the_edition_moves_and_removes_nothing_outside(edition_dir, tmp_path, names):
    """An interrupted build's commit folder is completed by the next build: one that came with an
    edition someone sent may name any file; only the outputs of its document are touched."""
    import json

    secret = tmp_path / "private" / "notes.txt"
    folder = edition_dir / "build" / ".edition-quito.commit"
    folder.mkdir(parents=True)
    (folder / "quito.html").write_text("<p>planted</p>")
    listed = {k: [n.format(secret=secret) for n in v] for k, v in names.items()}
    (folder / "MANIFEST.json").write_text(json.dumps({"document": "quito", **listed}))
    before = {p: p.read_bytes() for p in [secret, edition_dir / "edition.toml", edition_dir / "source" / "quito.txt"]}
    result = run("build", "--no-pdf")
    assert result.exit_code == 2, result.output
    assert "names files that are not outputs of its document" in result.output and \
        "remove .edition-quito.commit" in result.output, result.output
    assert {p: p.read_bytes() for p in before} == before
