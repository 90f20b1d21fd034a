"""The quotes pass: quotation-mark pairing, cues, colon quotations, attribution, the whole pass."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from lxml import etree

from edition import T, TEI_NS
from edition.passes.quotes import RESP, attribute_quotes, mark_block_quotations, mark_quotes
from edition.quotes import attribution, cues
from edition.quotes.inline import colon_quotation, inline_quotations, sentence_start
from edition.quotes.marks import pair_marks, quoted_spans
from edition.quotes.voice import colon_line, first_person
from edition.reader import read
from edition.spans import diplomatic_text, same_text, text_of, wrap

NS = {"t": TEI_NS}


def inside(text: str) -> list[str]:
    return [text[f.start:f.end] for f in inline_quotations(text)]


def tei(text: str) -> etree._Element:
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.append(read(text))
    return root


def quotes_of(root) -> list[str]:
    return ["".join(q.itertext()) for q in root.iterfind(".//t:quote", NS)]


# --- pairing quotation marks -------------------------------------------------------------

def test_balanced_double_quotes_pair():
    text = 'he said "one two" and "three"'
    assert [text[s.start:s.end] for s in pair_marks(text)] == ["one two", "three"]


def test_a_closing_mark_without_opener_is_dropped():
    text = 'the paper nachalo" ("the beginning") appeared'
    assert [text[s.start:s.end] for s in pair_marks(text)] == ["the beginning"]


def test_an_opener_without_closer_is_dropped():
    text = 'pseudonyms, often "antid oto. later he wrote "a b c" here'
    assert [text[s.start:s.end] for s in pair_marks(text)] == ["a b c"]


def test_apostrophes_are_not_single_quotes():
    text = "the workers' party and trotsky's paper called 'central organ' here"
    assert [text[s.start:s.end] for s in pair_marks(text, "'")] == ["central organ"]


def test_quote_glued_to_next_word_still_closes():
    text = 'he changed his name to "trotsky"the name he used'
    assert [text[s.start:s.end] for s in quoted_spans(text)] == ["trotsky"]


# --- inline quotations -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('as the minister wrote, "to delay talks, someone must do the delaying". then', ["to delay talks, someone must do the delaying"]),
    ('the leader said that he was "in love with organisation," but "he has no clue."', ["in love with organisation,", "he has no clue."]),
    ('"something might happen," they warned me.', ["something might happen,"]),
    ('the men were called out. "come to the meeting. the speaker has come to you." they ran', ["come to the meeting. the speaker has come to you."]),
    ('he was accused of "nagging the trade unions" by many', ["nagging the trade unions"]),
])
def test_quotations_of_someones_words_are_found(text, expected):
    assert inside(text) == expected


@pytest.mark.parametrize("text", [
    'using the name "lvov", he wrote leaflets',
    'under the pen name pero ("feather" or "pen"), he wrote',
    'he described himself as a "non-factional social democrat" then',
    'some social democrats known as "economists" argued that',
    'an article titled "stalin seeks my death" appeared',
    'the findings were published in the book "not guilty".',
    'the so-called "great nationalistic campaign" was over',
    'he said the word "no" twice',
    'the factions (a.k.a. "the august bloc") met',
    '"how we made the october revolution" by a writer',
])
def test_names_titles_labels_and_glosses_are_not_quotations(text):
    assert inside(text) == []


def test_sentence_start_skips_abbreviations():
    text = "first one. then james p. cannon said it"
    assert text[sentence_start(text, len(text)):].strip() == "then james p. cannon said it"


# --- quotations after a colon inside a paragraph ----------------------------------------

def test_colon_after_a_speech_cue_starts_a_quotation_to_the_end():
    text = ("the soviet issued a proclamation with the following statement about debts: the autocracy "
            "never enjoyed the confidence of the people and was never granted any authority.")
    found = colon_quotation(text)
    assert text[found.start:found.end].startswith("the autocracy") and found.end == len(text)


def test_colon_glued_to_the_next_word_is_a_lost_line_break():
    text = "the experience showed much. he later wrote in exile:it is no wonder that my work made so many enemies for me."
    found = colon_quotation(text)
    assert found is not None and text[found.start:].startswith("it is no wonder")


@pytest.mark.parametrize("text", [
    "in may 1925, he was given three posts: chairman of the committee, head of the board and chairman of the commission.",
    "the mensheviks had the same idea that he had: an elected non-party organization representing the workers of the capital.",
    'in the congress, he argued for: "a regime in which every worker feels himself a soldier of labour."',
])
def test_colons_that_introduce_no_quotation(text):
    assert colon_quotation(text) is None


# --- first-person paragraphs and colon lines ---------------------------------------------

def test_first_person_paragraph_reads_as_a_quotation():
    assert first_person("some of our men tried to dissuade me. i went, and they let me go; my aim was clear.")


def test_first_person_only_inside_quotation_marks_does_not_count():
    assert not first_person('he wrote that he "was taking a rest, i thought, my friends, as we all do" later.')


def test_world_war_i_is_not_first_person():
    assert not first_person("the outbreak of world war i caused a realignment in world war i politics.")


def test_colon_line_with_speech_verb_is_a_quotation_even_over_short_lines():
    kind, n, cert = colon_line("later he explained that:", ["a short answer.", "another short line."], 160, 2)
    assert (kind, n, cert) == ("quote", 1, "high")


def test_colon_line_announcing_a_number_is_a_list_of_that_many_lines():
    lines = ["first point.", "second point.", "third point and then " + "x" * 200]
    assert colon_line("criticism came in three areas:", lines, 160, 2)[:2] == ("list", 3)


def test_announces_list_ignores_singular_speech_nouns():
    assert cues.announces_list("the following statement about the debts") == 0
    assert cues.announces_list("concentrated in three areas") == 3


# --- attribution -------------------------------------------------------------------------

def _names(clause, *forms):
    return [(f, clause.index(f), clause.index(f) + len(f)) for f in forms]


@pytest.mark.parametrize("clause, forms, expected", [
    ("in march 1903 lenin wrote:", ("lenin",), ["lenin"]),
    ("lenin sharply criticized trotsky and accused him of ", ("lenin", "trotsky"), ["lenin"]),
    ("according to cannon, the secretary, trotsky's last words were ", ("cannon", "trotsky"), ["trotsky"]),
    ("after denying stalin's accusations, he thanked his friends:", ("stalin",), []),
    ("like lenin, he admitted that it was unable to fight:", ("lenin",), []),
    ("the writings of marx and engels in their address:", ("marx", "engels"), ["marx", "engels"]),
    ("the army was formed by trotsky:", ("trotsky",), []),
])
def test_speakers(clause, forms, expected):
    assert attribution.speakers(clause, _names(clause, *forms)) == expected


# --- block quotations (whole paragraphs) -------------------------------------------------

def quoted_blocks(source: str) -> etree._Element:
    """The reader's structure of *source* after the block-quotation step of the pass."""
    root = tei(source)
    mark_block_quotations(root)
    return root


def xp(el, path):
    return el.xpath(path, namespaces=NS)


def test_colon_line_with_speech_verb_introduces_a_block_quote():
    text = quoted_blocks("== s ==\nlater he wrote:\n\nthe party is always right, he said, and we shall see.\nnarrative goes on.\n")
    quote = xp(text, "//t:div/t:quote[@type='block']")
    assert len(quote) == 1 and quote[0].text.startswith("the party")
    assert quote[0].get("resp") == "#edition-quotes" and quote[0].get("cert") == "high"
    assert xp(text, "//t:div/t:p/text()") == ["later he wrote:", "narrative goes on."]


def test_colon_line_with_speech_verb_before_two_short_lines_is_a_quote():
    text = quoted_blocks("== s ==\nhe later explained that:\n\nin order not to oblige my sons, i took the name of my wife.\nhe never used it.\n")
    assert xp(text, "count(//t:quote[@type='block'])") == 1 and not xp(text, "//t:list")


THIRD_PERSON = "".join(f"he went to the town number {n}.\n\n" for n in range(6))
FIRST_PERSON = "some of our men tried to dissuade me. i went, and my aim was clear to us.\n"


def test_first_person_paragraph_is_a_low_certainty_block_quote():
    text = quoted_blocks("== s ==\n" + THIRD_PERSON + FIRST_PERSON)
    quote = xp(text, "//t:quote[@type='block']")
    assert len(quote) == 1 and quote[0].get("cert") == "low"
    assert quote[0].text == FIRST_PERSON.strip()


def test_a_text_in_the_first_person_keeps_its_paragraphs():
    memoir = "== my youth ==\n" + "\n".join([FIRST_PERSON] * 4) + THIRD_PERSON
    text = quoted_blocks(memoir)
    assert not xp(text, "//t:quote") and len(xp(text, "//t:p")) == 10


def test_heading_after_colon_line_cancels_it():
    text = quoted_blocks("== a ==\nhe wrote:\n== b ==\nplain paragraph.\n")
    assert not xp(text, "//t:quote") and xp(text, "//t:div[t:head='b']/t:p/text()") == ["plain paragraph."]


def test_the_block_quotation_step_keeps_the_text_and_is_idempotent():
    source = "== s ==\nlater she wrote:\n\nthe harvest failed twice, and we sold the mill.\n" + THIRD_PERSON
    root = quoted_blocks(source)
    before = etree.tostring(root)
    mark_block_quotations(root)
    assert etree.tostring(root) == before and same_text(source, diplomatic_text(root))


# --- the pass over a document ------------------------------------------------------------

SAMPLE = """== life ==
in 1903 the leader wrote:

i suggest to all members that they co-opt 'pero' as a member. we very much need a seventh member.
he changed his name to "trotsky"the name he kept. he was called "judas" and he said, "we shall never give in to those who oppose us." the paper nachalo" ("the beginning") appeared.
the soviet issued a proclamation with the following statement about debts: the autocracy never enjoyed the confidence of the people and was never granted any authority.
"""


@pytest.fixture
def sample():
    root = tei(SAMPLE)
    mark_quotes(root)
    return root


def test_the_pass_keeps_the_text(sample):
    assert same_text(SAMPLE, diplomatic_text(sample))


def test_the_pass_finds_block_inline_and_colon_quotations(sample):
    found = quotes_of(sample)
    assert found[0].startswith("i suggest") and "we shall never give in to those who oppose us." in found
    assert any(q.startswith("the autocracy") for q in found)
    assert not any(q in ("trotsky", "judas", "the beginning", "pero") for q in found)


def test_inline_quote_marks_stay_outside(sample):
    q = sample.xpath(".//t:p/t:quote[starts-with(., 'we shall')]", namespaces=NS)[0]
    p = q.getparent()
    before = text_of(p)[: text_of(p).index("we shall")]
    assert before.endswith('"') and (q.tail or "").startswith('"')
    assert '"' not in "".join(q.itertext())


def test_machine_quotes_carry_resp_and_cert(sample):
    for q in sample.iterfind(".//t:quote", NS):
        assert q.get("resp") == RESP and q.get("cert") in {"high", "medium", "low"}


def test_the_pass_is_idempotent(sample):
    before = len(sample.findall(".//" + T + "quote"))
    mark_quotes(sample)
    assert len(sample.findall(".//" + T + "quote")) == before


def test_attribution_groups_quote_and_speaker_pointer():
    root = tei("== life ==\nin 1903 lenin said: \"we shall never give in to those who oppose us\" and left.\n")
    p = root.find(".//" + T + "p")
    k = text_of(p).index("lenin")
    wrap(p, k, k + 5, T + "persName", {"ref": "#lenin"})
    mark_quotes(root)
    cit = root.xpath(".//t:cit[t:quote][t:ptr[@type='speaker']]", namespaces=NS)
    assert len(cit) == 1 and cit[0].find(T + "ptr").get("target") == "#lenin"
    attribute_quotes(root)
    assert len(root.findall(".//" + T + "cit")) == 1
    assert same_text("== life ==\nin 1903 lenin said: \"we shall never give in to those who oppose us\" and left.\n",
                     diplomatic_text(root))


# --- the bundled text --------------------------------------------------------------------

def test_bundled_text_has_block_and_inline_quotations(bundled_tree):
    root = bundled_tree.getroot()
    assert root.xpath("//t:text//t:quote[@type='block']", namespaces=NS)
    assert root.xpath("//t:text//t:p//t:quote", namespaces=NS)


def test_attributed_bundled_text_validates_against_tei_all(bundled_tree, shared, tmp_path):
    if not shutil.which("jing"):
        pytest.skip("jing is not installed")
    import copy
    root = copy.deepcopy(bundled_tree.getroot())
    attribute_quotes(root)
    out = tmp_path / "attributed.xml"
    etree.ElementTree(root).write(str(out), encoding="utf-8", xml_declaration=True)
    result = subprocess.run(["jing", str(shared / "tei" / "tei_all.rng"), str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[:2000]


def test_dev_set_quote_f1(bundled_tree, bundled_text, shared, tmp_path, repo):
    out = tmp_path / "dev.xml"
    bundled_tree.write(str(out), encoding="utf-8", xml_declaration=True)
    result = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(out),
                             str(repo / "source" / "leon-trotsky.txt"), str(shared / "eval" / "dev-gold.jsonl"),
                             "--range", "0:17032", "--json"], capture_output=True, text=True)
    import json
    scores = json.loads(result.stdout)
    assert scores["quote"]["lenient"]["f1"] >= 0.9


# --- property: the pass never changes the text and never duplicates a quotation ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(['"', "'", ":", " ", ". ", "he said", "wrote:", "the name", "(", ")", "we", "i",
                          "my", "our", "lenin", "workers'", "trotsky's", "shall never give in", "a", ","])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=40).map(" ".join), min_size=1, max_size=6))
def test_the_pass_keeps_text_and_is_idempotent(lines):
    source = "== s ==\n" + "\n".join(lines)
    root = tei(source)
    mark_quotes(root)
    count = len(root.findall(".//" + T + "quote"))
    mark_quotes(root)
    assert same_text(source, diplomatic_text(root))
    assert len(root.findall(".//" + T + "quote")) == count
