"""The trained recogniser: tokens, features, training on a small corpus, tagging.

The texts are made up here, from outside the bundled edition's world.
"""

from __future__ import annotations

import json

import pytest

from edition.ner import features, recognise, train
from edition.ner.tokenize import tokenize

LETTER = "Mr. Milman and Sir W. Elford went to Plymouth; we don't know Jordan's plans."


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def test_tokens_follow_the_treebank_style():
    assert words(LETTER) == ["Mr.", "Milman", "and", "Sir", "W.", "Elford", "went", "to", "Plymouth", ";",
                             "we", "do", "n't", "know", "Jordan", "'s", "plans", "."]


def test_token_offsets_cover_the_text_exactly():
    text = "  Eliza Jordan (née Whitney), 1,200 acres — at Rockville…"
    spans = tokenize(text)
    assert all(text[s:e].strip() == text[s:e] and e > s for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == "".join(text.split())


def test_uncased_text_has_no_shape_features():
    cased = features.sentence_features(words(LETTER))
    lowered = features.sentence_features(words(LETTER.lower()))
    assert "sh=Xx" in cased[1] and "cap-inside" in cased[1]
    assert not any(f.startswith("sh=") for f in lowered[1]) and "uncased" in lowered[1]
    # the lexical features do not depend on case
    assert {f for f in cased[1] if f.startswith("w=")} == {f for f in lowered[1] if f.startswith("w=")}


def test_general_resources_are_features():
    f = features.sentence_features(["colonel", "playfair", "is", "at", "zanzibar"], cased=False)
    assert "c=title" in f[0]
    assert "-1c=title" in f[1]
    assert any(x.startswith("c=city") or x.startswith("c=place") for x in f[4])


def test_damaged_copy_drops_lost_letters_and_repairs_bio():
    toks, tags = train.damaged(["Ł", "Wałęsa", "spoke", "in", "Gdańsk"], ["B-PER", "I-PER", "O", "O", "B-LOC"])
    assert toks == ["wasa", "spoke", "in", "gdask"]
    assert tags == ["B-PER", "O", "O", "B-LOC"]


SENTENCES = [
    ("Mr. {p} arrived at {c} yesterday .", "p", "c"),
    ("We met Mrs. {p} near {c} .", "p", "c"),
    ("Colonel {p} wrote from {c} .", "p", "c"),
]
PERSONS = ["Ashworth", "Pennington", "Caldecott", "Tremayne", "Hartigan", "Fairbairn"]
PLACES = ["Lahore", "Valparaiso", "Tromso", "Zanzibar", "Quito", "Mombasa"]


def _corpus(tmp_path):
    rows = []
    for i, (tmpl, _, _) in enumerate(SENTENCES * 4):
        p, c = PERSONS[i % len(PERSONS)], PLACES[(i * 5) % len(PLACES)]
        toks = tmpl.format(p=p, c=c).split()
        tags = ["B-PER" if t == p else "B-LOC" if t == c else "O" for t in toks]
        rows.append({"corpus": "gum", "doc": f"d{i}", "split": "train", "tokens": toks,
                     "spaces": [True] * len(toks), "tags": tags})
    # a corpus that marks places only: persons there are unknown ("?")
    rows.append({"corpus": "hipe-topres19th", "doc": "t", "split": "train",
                 "tokens": ["Mr.", "Ashworth", "left", "Quito", "."], "spaces": [True] * 5,
                 "tags": ["?", "?", "O", "B-LOC", "O"]})
    (tmp_path / "gum-train.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    return tmp_path


def test_a_model_trained_here_tags_both_cases(tmp_path, monkeypatch):
    data = _corpus(tmp_path)
    out = tmp_path / "model"
    train.train(data, out, {"max_iterations": 60})
    assert (out / recognise.MODEL_FILE).stat().st_size > 0
    assert json.loads((out / "manifest.json").read_text())["training_sentences"] == 13
    monkeypatch.setattr(recognise, "model_path", lambda: out / recognise.MODEL_FILE)
    recognise.tagger.cache_clear()
    try:
        for text in ("Mr. Caldecott arrived at Mombasa yesterday.", "mr. caldecott arrived at mombasa yesterday."):
            found = {(text[m.start:m.end].lower(), m.kind) for m in recognise.mentions(text)}
            assert ("caldecott", "person") in found and ("mombasa", "place") in found
            assert all(0 < m.score <= 1 for m in recognise.mentions(text))
    finally:
        recognise.tagger.cache_clear()


@pytest.mark.skipif(not recognise.model_path().is_file(), reason="no trained model shipped")
def test_the_shipped_model_finds_honorific_names_in_both_cases():
    text = "I went to Plymouth last week with Mr. Milman, and Colonel Playfair is at Zanzibar."
    for t in (text, text.lower()):
        found = {(t[m.start:m.end].lower(), m.kind) for m in recognise.mentions(t)}
        assert any(k == "person" and "milman" in s for s, k in found), found
        assert ("zanzibar", "place") in found, found


@pytest.mark.skipif(not recognise.model_path().is_file(), reason="no trained model shipped")
def test_skipping_unlikely_tokens_decides_as_the_full_sums():
    text = ("In 1851 the surveyor Ana Quispe left Cuzco for Arequipa with two mules; "
            "the Compañía de Minas paid her passage. Hiroshi Tanaka met her at Callao.")
    t = recognise.tagger()
    plan = recognise._label_plan(tuple(t.labels()))
    spans = tokenize(text)
    t.set(features.sentence_features([text[s:e] for s, e in spans], True))
    full = [recognise._kind_probs_at(t.marginal, plan, i) for i in range(len(spans))]
    quick = [recognise._kind_probs_at(t.marginal, plan, i, recognise.THRESHOLD)
             for i in range(len(spans))]
    assert any(q is recognise._UNLIKELY for q in quick)       # most tokens are skipped
    assert any(q is not recognise._UNLIKELY for q in quick)   # the names are not
    for q, f in zip(quick, full):
        assert q == f or sum(v for _, v in f.values()) < recognise.THRESHOLD
    decoded = [recognise._decode_kinds(k, spans, recognise.THRESHOLD, text, True) for k in (full, quick)]
    assert decoded[0] == decoded[1] and decoded[0]
