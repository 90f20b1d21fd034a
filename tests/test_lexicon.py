"""The edition's lexicon: edition data beside the register, loaded once, used by the names pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from edition import lexicon, register
from edition.cli import cli
from edition.config import load as load_config
from edition.errors import EditionError
from edition.names.wordlists import COMMON_WORDS, data_lines
from edition.pipeline import load_lexicon
from names_helpers import names, small_register, tagged

ROOT = Path(__file__).parents[1]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lexicon_is_read_with_its_names_and_words(tmp_path):
    lex = lexicon.load(_write(tmp_path, '[names]\norgs = ["The Mechanics  Institute"]\nplaces = ["long meadow"]\n'
                                        '[words]\ncommon_words = ["Hope"]\nthings_before_person = ["order of"]\n'))
    assert lex.names == (("the mechanics institute", "org"), ("long meadow", "place"))
    assert lex.common_words == {"hope"} and lex.things_before_person == (("order", "of"),)


@pytest.mark.parametrize("text, words", [
    ("[names]\norg = []\n", "unknown key 'org'"),
    ("[people]\n", "unknown table [people]"),
    ("[words]\ncommon_words = \"lev\"\n", "must be a list"),
    ("[words\n", "not valid TOML"),
])
def test_a_bad_lexicon_is_one_located_error(tmp_path, text, words):
    with pytest.raises(EditionError) as caught:
        lexicon.load(_write(tmp_path, text))
    assert words in caught.value.message and str(caught.value.path).endswith("lexicon.toml")


def test_the_lexicon_names_are_tagged_where_they_occur(tmp_path):
    lex = lexicon.load(_write(tmp_path, '[names]\norgs = ["ladies benevolent circle"]\n'))
    text = "In 1867 the Ladies Benevolent Circle met at Salem."
    assert names(tagged(text, register.empty(), lex), "orgName") == ["Ladies Benevolent Circle"]
    assert names(tagged(text, register.empty()), "orgName") == []


def test_the_lexicon_words_make_a_phrase_a_thing(tmp_path):
    """With the register's "lenin": "the order of lenin" is an award only where the lexicon says so."""
    lex = lexicon.load(_write(tmp_path, '[words]\nthings_before_person = ["order of"]\n'))
    text = "she received the order of lenin; lenin wrote."
    assert names(tagged(text, small_register(), lexicon.empty()), "persName") == ["lenin", "lenin"]
    assert names(tagged(text, small_register(), lex), "persName") == ["lenin"]


def test_the_lexicon_common_words_need_context(tmp_path):
    """The register's "martin dies": "dies" alone is a name only where the context says so."""
    lex = lexicon.load(_write(tmp_path, '[words]\ncommon_words = ["dies"]\n'))
    text = "martin dies spoke. the dies were cast."
    assert names(tagged(text, small_register(), lex), "persName") == ["martin dies"]
    assert names(tagged(text, small_register(), lexicon.empty()), "persName") == ["martin dies", "dies"]


def test_the_bundled_edition_names_its_lexicon_and_it_loads_once():
    config = load_config(ROOT)
    assert config.lexicon == ROOT / "source" / "lexicon.toml"
    first = load_lexicon(config)
    assert first is load_lexicon(config) and "service" in first.common_words


def test_words_only_the_bundled_text_needs_are_not_in_the_general_lists():
    for word in ("lev", "dies", "service"):
        assert word not in COMMON_WORDS
    assert not {"orgburo", "sovnarkom", "vtsik", "rsdlp"} & data_lines("known-orgs.txt")


def test_every_general_data_file_names_its_source():
    for path in (ROOT / "edition" / "names" / "data").glob("*.txt"):
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert any("Source:" in line for line in head), path.name


def test_convert_reports_a_bad_lexicon_in_one_line(tmp_path, monkeypatch):
    for name in ("edition.toml",):
        text = (ROOT / name).read_text(encoding="utf-8").replace("source/register.xml", str(ROOT / "source/register.xml"))
        (tmp_path / name).write_text(text.replace('lexicon = "source/lexicon.toml"', 'lexicon = "lexicon.toml"'),
                                     encoding="utf-8")
    (tmp_path / "lexicon.toml").write_text("[words]\ncommon_words = 3\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("In 1851 she sailed.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["convert", "a.txt", "-o", "-"], catch_exceptions=False)
    assert result.exit_code != 0 and "lexicon.toml" in result.output and "Traceback" not in result.output
