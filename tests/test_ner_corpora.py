"""The corpus readers for the recogniser's training data, on small made-up GUM and HIPE files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edition.errors import EditionError
from edition.ner import bio, corpora, gum, hipe


# --- GUM: CoNLL-U with Entity= and XML= in MISC --------------------------------------------

def _conllu(name: str, genre: str, sentences: list[list[tuple]]) -> str:
    """A GUM-like document; a word is (id, form, xpos, head, deprel, misc)."""
    lines = [f"# newdoc id = {name}", f"# meta::genre = {genre}"]
    for s, words in enumerate(sentences, 1):
        lines.append(f"# sent_id = {name}-{s}")
        for ident, form, xpos, head, deprel, misc in words:
            lines.append("\t".join([str(ident), form, "_", "_", xpos, "_", str(head), deprel, "_", misc]))
        lines.append("")
    return "\n".join(lines) + "\n"


ANDES = [
    [  # Manco Capac wrote to her from the city of Lima.
        (1, "Manco", "NNP", 2, "compound", "Entity=(1-person-new-sssss-cf1-1-coref-Manco_Capac"),
        (2, "Capac", "NNP", 3, "nsubj", "Entity=1)"),
        (3, "wrote", "VBD", 0, "root", "_"),
        (4, "to", "IN", 5, "case", "_"),
        (5, "her", "PRP", 3, "obl", "Entity=(2-person-giv:act-sssss-cf2-1-ana-Mama_Ocllo)"),
        (6, "from", "IN", 8, "case", "_"),
        (7, "the", "DT", 8, "det", "Entity=(3-place-new-nnnnn-cf3-2-coref-Lima"),
        (8, "city", "NN", 3, "obl", "_"),
        (9, "of", "IN", 10, "case", "_"),
        (10, "Lima", "NNP", 8, "nmod", "Entity=3)|SpaceAfter=No"),
        (11, ".", ".", 3, "punct", "_"),
    ],
    [  # The Bank of Bolivia in La Paz hired the Ortiz brothers in March 1871.
        (1, "The", "DT", 2, "det", "Entity=(4-organization-new-nnnnn-cf1-2-coref"),
        (2, "Bank", "NNP", 8, "nsubj", "_"),
        (3, "of", "IN", 4, "case", "_"),
        (4, "Bolivia", "NNP", 2, "nmod", "Entity=(5-place-new-nnnnn-cf2-1-sgl)"),
        (5, "in", "IN", 7, "case", "_"),
        (6, "La", "NNP", 7, "compound", "Entity=(6-place-new-nnnnn-cf3-2-sgl"),
        (7, "Paz", "NNP", 2, "nmod", "Entity=6)4)"),
        (8, "hired", "VBD", 0, "root", "_"),
        (9, "the", "DT", 11, "det", "Entity=(7-person-new-nnnnn-cf4-3-sgl"),
        (10, "Ortiz", "NNP", 11, "compound", "_"),
        (11, "brothers", "NNS", 8, "obj", "Entity=7)"),
        (12, "in", "IN", 13, "case", "_"),
        (13, "March", "NNP", 8, "obl", 'Entity=(8-time-new-nnnnn-cf5-1-sgl|XML=<date when:::"1871-03">'),
        (14, "1871", "CD", 13, "nmod", "Entity=8)|SpaceAfter=No|XML=</date>"),
        (15, ".", ".", 8, "punct", "_"),
    ],
    [  # The poet Ruiz crossed the Andes.
        (1, "The", "DT", 2, "det", "Entity=(9-person-new-nnnnn-cf1-1-coref"),
        (2, "poet", "NN", 4, "nsubj", "_"),
        (3, "Ruiz", "NNP", 2, "appos", "Entity=9)"),
        (4, "crossed", "VBD", 0, "root", "_"),
        (5, "the", "DT", 6, "det", "Entity=(10-place-new-nnnnn-cf2-2-sgl"),
        (6, "Andes", "NNPS", 4, "obj", "Entity=10)|SpaceAfter=No"),
        (7, ".", ".", 4, "punct", "_"),
    ],
]
# They met Atahualpa's envoys and the Incas.  ("Atahualpa's" is one token of two words)
ENVOYS = [
    (1, "They", "PRP", 2, "nsubj", "Entity=(11-person-giv:act-nnnnn-cf1-1-ana)"),
    (2, "met", "VBD", 0, "root", "_"),
    (3, "Atahualpa", "NNP", 5, "nmod:poss", "Entity=(12-person-new-nnnnn-cf2-1-sgl-Atahualpa)"),
    (4, "'s", "POS", 3, "case", "_"),
    (5, "envoys", "NNS", 2, "obj", "Entity=(13-person-new-nnnnn-cf3-1-sgl)"),
    (6, "and", "CC", 8, "cc", "_"),
    (7, "the", "DT", 8, "det", "Entity=(14-person-new-nnnnn-cf4-2-sgl"),
    (8, "Incas", "NNPS", 5, "conj", "Entity=14)|SpaceAfter=No"),
    (9, ".", ".", 2, "punct", "_"),
]


def _with_mwt(doc: str) -> str:
    """Put a multiword-token line before word 3 of the last sentence."""
    head, sep, tail = doc.rpartition("\n3\tAtahualpa")
    return head + "\n3-4\tAtahualpa's\t_\t_\t_\t_\t_\t_\t_\t_" + sep + tail


@pytest.fixture
def gum_dir(tmp_path: Path) -> Path:
    root = tmp_path / "gum"
    (root / "dep").mkdir(parents=True)
    (root / "dep" / "GUM_letter_andes.conllu").write_text(
        _with_mwt(_conllu("GUM_letter_andes", "letter", ANDES + [ENVOYS])), encoding="utf-8")
    (root / "dep" / "GUM_voyage_quito.conllu").write_text(_conllu("GUM_voyage_quito", "voyage", [[
        (1, "Quito", "NNP", 2, "nsubj", "Entity=(1-place-new-sssss-cf1-1-coref-Quito)"),
        (2, "sleeps", "VBZ", 0, "root", "_")]]), encoding="utf-8")
    (root / "dep" / "GUM_reddit_hidden.conllu").write_text(_conllu("GUM_reddit_hidden", "reddit", [[
        (1, "____", "NNP", 2, "nsubj", "Entity=(1-person-new-sssss-cf1-1-coref)"),
        (2, "___", "VBZ", 0, "root", "_")]]), encoding="utf-8")
    (root / "dep" / "GENTLE_poetry_odd.conllu").write_text(_conllu("GENTLE_poetry_odd", "poetry", [[
        (1, "Cuzco", "NNP", 0, "root", "Entity=(1-place-new-sssss-cf1-1-coref)")]]), encoding="utf-8")
    (root / "splits.md").write_text(
        "# Splits\n\n## dev\n\n  * GUM_voyage_quito\n\n## test2\n\n  * GENTLE_poetry_odd\n\n"
        "## train\n\n  * GUM_letter_andes\n  * GUM_reddit_hidden\n", encoding="utf-8")
    (root / "LICENSE.txt").write_text(
        "Letters: https://creativecommons.org/licenses/by-nc-sa/4.0/ (see metadata)\n"
        "WikiVoyage: https://creativecommons.org/licenses/by-sa/3.0/\n", encoding="utf-8")
    (root / "COMMIT").write_text("a" * 40 + "\n", encoding="utf-8")
    return root


def _gum_records(gum_dir: Path) -> dict[str, list[dict]]:
    records, _ = gum.read_gum(gum_dir)
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["doc"], []).append(r)
    return by_doc


def test_gum_named_means_proper_noun_head_and_pronouns_are_dropped(gum_dir):
    first = _gum_records(gum_dir)["GUM_letter_andes"][0]
    assert first["tokens"][:2] == ["Manco", "Capac"]
    # "her" has an identity (Mama_Ocllo) but is a pronoun: no entity
    assert first["tags"] == ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O", "B-LOC", "O"]


def test_gum_city_of_lima_gives_only_lima(gum_dir):
    first = _gum_records(gum_dir)["GUM_letter_andes"][0]
    assert list(bio.tag_spans(first["tags"])) == [(0, 2, "PER"), (9, 10, "LOC")]
    assert first["tokens"][9] == "Lima"


def test_gum_trims_to_proper_noun_run_joined_by_of(gum_dir):
    second = _gum_records(gum_dir)["GUM_letter_andes"][1]
    spans = {(second["tokens"][a], second["tokens"][b - 1], label)
             for a, b, label in bio.tag_spans(second["tags"])}
    # the organization mention "The Bank of Bolivia in La Paz" becomes "Bank of Bolivia";
    # the nested "Bolivia" is inside it, "La Paz" is a place of its own; the Ortiz brothers
    # (common-noun head) are no name; March 1871 is a date from the <date> markup
    assert spans == {("Bank", "Bolivia", "ORG"), ("La", "Paz", "LOC"), ("March", "1871", "DATE")}
    assert second["tags"][9] == "O"  # Ortiz


def test_gum_apposition_and_plural_proper_nouns(gum_dir):
    third, fourth = _gum_records(gum_dir)["GUM_letter_andes"][2:4]
    assert third["tags"] == ["O", "O", "B-PER", "O", "O", "B-LOC", "O"]  # the poet [Ruiz], the [Andes]
    # "They" (pronoun) and "the Incas" (plural proper noun, a person group) are no persons
    assert fourth["tags"] == ["O", "O", "B-PER", "O", "O", "O", "O", "O", "O"]


def test_gum_spaces_follow_spaceafter_and_multiword_tokens(gum_dir):
    andes = _gum_records(gum_dir)["GUM_letter_andes"]
    assert andes[0]["spaces"][9:] == [False, True]  # "Lima." then the sentence end
    assert andes[3]["tokens"][2:4] == ["Atahualpa", "'s"]
    assert andes[3]["spaces"][2:4] == [False, True]  # no space inside "Atahualpa's"


def test_gum_splits_skip_test2_and_masked_text(gum_dir):
    records, info = gum.read_gum(gum_dir)
    assert {(r["doc"], r["split"], r["genre"]) for r in records} == {
        ("GUM_letter_andes", "train", "letter"), ("GUM_voyage_quito", "dev", "voyage")}
    assert info["skipped"] == {"GENTLE_poetry_odd": "split test2",
                               "GUM_reddit_hidden": "text masked with underscores"}


def test_gum_without_dates(gum_dir):
    records, _ = gum.read_gum(gum_dir, dates=False)
    assert not any(t.endswith("DATE") for r in records for t in r["tags"])


def test_gum_licences_from_licence_file(gum_dir):
    licences = gum.genre_licences(gum_dir)
    assert licences["letter"].startswith("https://creativecommons.org/licenses/by-nc-sa/4.0/")
    assert licences["voyage"] == "https://creativecommons.org/licenses/by-sa/3.0/"


# --- HIPE-2022 TSV ---------------------------------------------------------------------------

HEADER = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC"


def _tsv(docs: dict[str, list[tuple[str, str, str]]]) -> str:
    lines = [HEADER]
    for doc, rows in docs.items():
        lines += [f"# hipe2022:document_id = {doc}", "# hipe2022:language = en"]
        lines += ["\t".join([tok, tag, "_", "_", "_", "_", "_", "_", "_", misc or "_"]) for tok, tag, misc in rows]
        lines.append("")
    return "\n".join(lines) + "\n"


TOPRES_TRAIN = {"mombasa-1885": [
    ("Captain", "O", ""), ("Mwangi", "O", ""), ("sailed", "O", ""), ("from", "O", ""),
    ("Old", "B-LOC", ""), ("Mombasa", "I-LOC", "NoSpaceAfter"), (".", "O", "EndOfSentence"),
    ("The", "O", ""), ("Kilindini", "B-STREET", ""), ("Road", "I-STREET", ""), ("was", "O", ""),
    ("quiet", "O", "NoSpaceAfter"), (".", "O", "EndOfSentence")]}
HIPE2020_DEV = {"kisumu-1890": [
    ("Mr", "B-pers", "NoSpaceAfter"), (".", "I-pers", "EndOfSentence"), ("Ochieng", "I-pers", ""),
    ("wrote", "O", ""), ("to", "O", ""), ("the", "O", ""), ("Mission", "B-org", ""), ("from", "O", ""),
    ("Kisu", "B-loc", "NoSpaceAfter"), ("\u00ac", "I-loc", "EndOfLine"), ("mu", "I-loc", ""),
    ("in", "O", ""), ("May", "B-time", ""), ("1890", "I-time", "NoSpaceAfter"), (".", "O", "EndOfSentence"),
    ("The", "O", ""), ("Gazette", "B-prod", "NoSpaceAfter"), (".", "O", "EndOfLine|EndOfSentence")]}
AJMC = {"commentary-0001": [
    ("Tecmessa", "B-pers", ""), ("speaks", "O", ""), ("in", "O", ""), ("Aj", "B-work", "NoSpaceAfter"),
    (".", "I-work", ""), ("212", "B-scope", "NoSpaceAfter"), (".", "O", "EndOfSentence")]}


@pytest.fixture
def hipe_dir(tmp_path: Path) -> Path:
    root = tmp_path / "hipe"
    files = {("topres19th", "train"): TOPRES_TRAIN,
             ("topres19th", "dev"): {"dev-doc": [("Nakuru", "B-LOC", ""), ("rains", "O", "EndOfSentence")]},
             ("topres19th", "test"): {"test-doc": [("Forbidden", "B-LOC", "EndOfSentence")]},
             ("hipe2020", "dev"): HIPE2020_DEV,
             ("hipe2020", "test"): {"test-doc": [("Forbidden", "B-pers", "EndOfSentence")]},
             ("ajmc", "train"): AJMC,
             ("ajmc", "dev"): {"ajmc-dev": [("Ajax", "B-pers", ""), ("weeps", "O", "EndOfSentence")]}}
    for (dataset, split), docs in files.items():
        path = hipe.path_of(root, dataset, split)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_tsv(docs), encoding="utf-8")
    return root


def test_hipe_topres_marks_unlabelled_capitals_unknown(hipe_dir):
    records = hipe.read_file(hipe.path_of(hipe_dir, "topres19th", "train"), "topres19th", "train")
    assert [r["tags"] for r in records] == [["?", "?", "O", "O", "B-LOC", "I-LOC", "O"],
                                            ["?", "B-LOC", "I-LOC", "O", "O", "O"]]
    assert records[0]["spaces"] == [True, True, True, True, True, False, True]


def test_hipe2020_types_hyphenation_and_split_inside_a_name(hipe_dir):
    first, second = hipe.read_file(hipe.path_of(hipe_dir, "hipe2020", "dev"), "hipe2020", "train")
    # the automatic sentence break after "Mr." falls inside the person: not taken
    assert first["tokens"] == ["Mr", ".", "Ochieng", "wrote", "to", "the", "Mission", "from", "Kisumu",
                               "in", "May", "1890", "."]
    assert first["tags"] == ["B-PER", "I-PER", "I-PER", "O", "O", "O", "B-ORG", "O", "B-LOC",
                             "O", "B-DATE", "I-DATE", "O"]
    assert first["spaces"] == [False, True, True, True, True, True, True, True, True, True, True, False, True]
    assert second["tags"] == ["O", "O", "O"]  # prod -> O, and capitals are not unknown here


def test_hipe_ajmc_keeps_persons_drops_works_and_scopes(hipe_dir):
    (record,) = hipe.read_file(hipe.path_of(hipe_dir, "ajmc", "train"), "ajmc", "train")
    assert record["tags"] == ["B-PER", "O", "O", "O", "O", "O", "O"]


def test_hipe_never_reads_test_files(hipe_dir):
    records, info = hipe.read_hipe(hipe_dir)
    assert not any("test" in f for f in info["files"])
    assert "Forbidden" not in {t for r in records for t in r["tokens"]}
    with pytest.raises(EditionError, match="test file"):
        hipe.read_tsv(hipe.path_of(hipe_dir, "hipe2020", "test"))


def test_hipe_splits(hipe_dir):
    records, _ = hipe.read_hipe(hipe_dir)
    assert {(r["corpus"], r["split"]) for r in records} == {
        ("hipe-topres19th", "train"), ("hipe-topres19th", "dev"), ("hipe-hipe2020", "train"),
        ("hipe-ajmc", "train"), ("hipe-ajmc", "dev")}


def test_hipe_bad_row_is_located(tmp_path):
    path = tmp_path / "HIPE-2022-v2.1-ajmc-train-en.tsv"
    path.write_text(HEADER + "\n# hipe2022:document_id = d\nAjax\tB-pers\n", encoding="utf-8")
    with pytest.raises(EditionError) as err:
        hipe.read_tsv(path)
    assert str(err.value).startswith(f"{path}:3: error:")


# --- BIO helpers and the command -------------------------------------------------------------

def test_bio_spans_round_trip_and_repair():
    tags = bio.spans_to_tags(6, [(0, 2, "PER"), (3, 4, "LOC")])
    assert tags == ["B-PER", "I-PER", "O", "B-LOC", "O", "O"]
    assert list(bio.tag_spans(tags)) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert bio.repair(["O", "I-LOC", "I-PER", "?", "I-PER"]) == ["O", "B-LOC", "B-PER", "?", "B-PER"]
    with pytest.raises(ValueError):
        bio.spans_to_tags(3, [(0, 2, "PER"), (1, 3, "LOC")])


def test_command_writes_splits_and_manifest(gum_dir, hipe_dir, tmp_path, capsys):
    out = tmp_path / "ner"
    assert corpora.main(["--gum", str(gum_dir), "--hipe", str(hipe_dir), "--out", str(out),
                         "--hipe-commit", "b" * 40, "--sample", "3"]) == 0
    read = {name: [json.loads(line) for line in (out / name).open(encoding="utf-8")]
            for name in corpora.OUTPUTS}
    assert {r["doc"] for r in read["gum-train.jsonl"]} == {"GUM_letter_andes"}
    assert read["gum-test.jsonl"] == []
    assert {r["corpus"] for r in read["hipe-train.jsonl"]} == {"hipe-topres19th", "hipe-hipe2020", "hipe-ajmc"}
    assert {r["doc"] for r in read["hipe-dev.jsonl"]} == {"dev-doc", "ajmc-dev"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sources"]["gum"]["commit"] == "a" * 40
    assert manifest["sources"]["hipe-ajmc"]["commit"] == "b" * 40
    assert manifest["sources"]["hipe-topres19th"]["licence"] == "CC BY-NC-SA 4.0"
    assert manifest["sources"]["gum"]["counts"]["train"]["entities"] == {"DATE": 1, "LOC": 3, "ORG": 1, "PER": 3}
    assert manifest["outputs"]["hipe-dev.jsonl"]["entities"] == {"LOC": 1, "PER": 1}
    printed = capsys.readouterr().out
    assert "gum-train.jsonl" in printed and "3 random sentences with entities" in printed


def test_command_reports_missing_folder_in_one_line(tmp_path, hipe_dir, capsys):
    code = corpora.main(["--gum", str(tmp_path / "absent"), "--hipe", str(hipe_dir), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1 and ": error: " in err
