"""edition.toml -> a complete teiHeader; bad config values name their key."""


import pytest

from edition import T
from edition import config as config_mod
from edition.errors import EditionError
from edition.header import build_header

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_header_is_complete(config):
    h = build_header(config, "leon-trotsky")
    for path in ("t:fileDesc/t:titleStmt/t:title", "t:fileDesc/t:titleStmt/t:respStmt/t:resp",
                 "t:fileDesc/t:publicationStmt/t:publisher",
                 "t:fileDesc/t:publicationStmt/t:availability/t:licence/@target",
                 "t:fileDesc/t:sourceDesc/t:bibl/t:title", "t:fileDesc/t:sourceDesc/t:bibl/t:ptr/@target",
                 "t:encodingDesc/t:editorialDecl/t:normalization/t:p",
                 "t:profileDesc/t:langUsage/t:language/@ident", "t:revisionDesc/t:change/@when"):
        assert h.xpath(path, namespaces=NS), path
    assert h.xpath("string(.//t:licence/@target)", namespaces=NS) == config.licence_url
    # every machine @resp value used by the passes has its respStmt
    ids = set(h.xpath(".//t:respStmt/@xml:id", namespaces=NS))
    assert {"edition-names", "edition-dates", "edition-quotes"} <= ids


def _edition_with(tmp_path, repo, edit):
    text = (repo / "edition.toml").read_text()
    (tmp_path / "edition.toml").write_text(edit(text))
    return tmp_path


@pytest.mark.parametrize("edit,key", [
    (lambda s: s.replace('title = "Leon Trotsky: an', 'xtitle = "Leon Trotsky: an'), "[edition] title"),
    (lambda s: s.replace('licence_url = "https://', 'licence_url = "ftp-ish://'), "[edition] licence_url"),
    (lambda s: s.replace("[source]", "[sourcex]"), "[source]"),
    (lambda s: s.replace("normalization = ", "xnormalization = "), "[declarations] normalization"),
    (lambda s: s.replace('language = "en"', "language = 3"), "[edition] language"),
    (lambda s: s.replace('id = "ed-project"', 'id = "project"'), "[edition] editors[1] id"),
])
def test_config_errors_name_the_key(tmp_path, repo, edit, key):
    root = _edition_with(tmp_path, repo, edit)
    with pytest.raises(EditionError) as exc:
        config_mod.load(root)
    assert key in str(exc.value)
    assert str(exc.value).startswith(str(root / "edition.toml"))


def test_invalid_toml_is_one_error(tmp_path):
    (tmp_path / "edition.toml").write_text("[edition\n")
    with pytest.raises(EditionError, match="not valid TOML"):
        config_mod.load(tmp_path)


def test_per_text_overrides(tmp_path, repo):
    root = _edition_with(tmp_path, repo, lambda s: s + '\n[texts.other]\ntitle = "Another text"\n')
    cfg = config_mod.load(root)
    h = build_header(cfg, "other")
    assert h.findtext(f"{T}fileDesc/{T}titleStmt/{T}title") == "Another text"
    assert cfg.text("leon-trotsky").title == cfg.title
