"""`edition check-publish`: a built edition from outside the bundled world passes; a broken copy
of it names each failed point on its own line (file, line, what is missing, the point's id),
exits 1, and `edition publish` then writes nothing unless --force."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from lxml import etree

from edition.publish import licences
from edition_helpers import run_cli
from publish_helpers import NS, TEXTS, inside, make_small_edition

T = "{http://www.tei-c.org/ns/1.0}"
LINE = re.compile(r"^(?P<file>[^:]+):(?:(?P<line>\d+):)? error: (?P<msg>.+) \[publish-(?P<check>[a-z-]+)\]$")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small edition with its diary only, built once."""
    root = make_small_edition(tmp_path_factory.mktemp("check") / "diary")
    (root / "source" / "zanzibar-letter.txt").unlink()
    with inside(root):
        result = run_cli("build", "--no-search")
    assert result.exit_code == 0, result.output
    return root


def _edit(path, change) -> None:
    tree = etree.parse(str(path))
    change(tree.getroot())
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _first(root, path):
    return root.find(path.replace("t:", T))


def _break_diary(root) -> None:
    """No title, no editor, no publisher, a licence repositories do not take, a pointer to nobody."""
    _first(root, "t:teiHeader/t:fileDesc/t:titleStmt/t:title").text = ""
    for rs in root.iterfind(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}respStmt"):
        if rs.find(f"{T}name[@type='software']") is None:
            rs.getparent().remove(rs)
    ps = _first(root, "t:teiHeader/t:fileDesc/t:publicationStmt")
    ps.remove(ps.find(T + "publisher"))
    ps.find(f"{T}availability/{T}licence").set("target", "https://example.org/all-rights-reserved")
    root.find(f"{T}text//{T}persName").set("ref", "#nobody-at-all")


def _break_second(root) -> None:
    """A licence without its URL, an empty source description, no language."""
    del root.find(f".//{T}availability/{T}licence").attrib["target"]
    sd = _first(root, "t:teiHeader/t:fileDesc/t:sourceDesc")
    for child in list(sd):
        sd.remove(child)
    etree.SubElement(sd, T + "p")
    prof = _first(root, "t:teiHeader/t:profileDesc")
    prof.remove(prof.find(T + "langUsage"))


@pytest.fixture
def broken(built, tmp_path):
    """A copy of the built edition with a defect for every point of the report."""
    root = tmp_path / "broken"
    shutil.copytree(built, root)
    build, source = root / "build", root / "source"
    for name in ("second", "unreadable", "foreign", "unbuilt"):
        (source / f"{name}.txt").write_text(TEXTS["zanzibar-letter"])
    for ext in ("html", "fo", "pdf"):
        for name in ("second", "unreadable", "foreign"):
            shutil.copyfile(build / f"dejima-diary.{ext}", build / f"{name}.{ext}")
    shutil.copyfile(build / "dejima-diary.xml", build / "second.xml")
    _edit(build / "dejima-diary.xml", _break_diary)
    _edit(build / "second.xml", _break_second)
    with open(build / "second.pdf", "r+b") as pdf:                 # 10 MB: too big for TAPAS
        pdf.truncate(10 * 1024 * 1024)
    (build / "unreadable.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>')
    (build / "foreign.xml").write_text("<TEI><teiHeader/><text/></TEI>")
    os.utime(source / "unbuilt.txt")
    return root


def failed_points(output: str) -> set[tuple[str, str]]:
    """(file name, point) of every report line; every line must have the report's form."""
    points = set()
    for line in output.splitlines():
        if line.startswith("not ready"):
            continue
        m = LINE.match(line)
        assert m, line
        points.add((os.path.basename(m["file"]), m["check"]))
    return points


def test_the_built_edition_is_ready(built):
    with inside(built):
        result = run_cli("check-publish")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "ready to publish: every point passed"


def test_each_failure_is_named_on_its_own_line(broken):
    with inside(broken):
        result = run_cli("check-publish")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    points = failed_points(result.output)
    expected = {
        ("dejima-diary.xml", "header-title"), ("dejima-diary.xml", "header-author"),
        ("dejima-diary.xml", "header-publisher"), ("dejima-diary.xml", "licence"),
        ("dejima-diary.xml", "ref"), ("dejima-diary.xml", "tei-all"),
        ("second.xml", "header-licence"), ("second.xml", "header-source"), ("second.xml", "header-language"),
        ("second.pdf", "size"), ("unreadable.xml", "well-formed"), ("foreign.xml", "namespace"),
        ("unbuilt.*", "built"),
    }
    assert expected <= points, expected - points
    # the points that are fine are not reported
    assert ("second.xml", "licence") not in points and ("second.xml", "header-title") not in points
    assert not any(point == "size" and name != "second.pdf" for name, point in points)
    assert "#nobody-at-all" in result.output and "all-rights-reserved" in result.output
    assert f"not ready to publish: {len(result.output.splitlines()) - 1} failed points" in result.output


def test_publish_stops_when_not_ready_unless_forced(broken):
    (broken / "source" / "unbuilt.txt").unlink()
    for name in ("unreadable", "foreign"):
        (broken / "source" / f"{name}.txt").unlink()
    with inside(broken):
        stopped = run_cli("publish")
        assert stopped.exit_code == 1 and not (broken / "publish").exists()
        assert "nothing was written" in stopped.output
        forced = run_cli("publish", "--force")
    assert forced.exit_code == 0, forced.output
    assert (broken / "publish" / "bag.zip").is_file()


def test_licence_table():
    found = licences.find("http://www.creativecommons.org/licenses/by-sa/4.0/legalcode.fr")
    assert found is not None and found.spdx == "CC-BY-SA-4.0" and found.zenodo == "cc-by-sa-4.0"
    assert licences.find("https://opendatacommons.org/licenses/odbl/1-0/").spdx == "ODbL-1.0"
    assert licences.find("https://creativecommons.org/licenses/by-nc-nd/4.0/") is None
    assert licences.find("") is None and licences.find(None) is None
    assert {"CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "PDDL-1.0", "ODC-By-1.0"} <= {e.spdx for e in licences.table()}
