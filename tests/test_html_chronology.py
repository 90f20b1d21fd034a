"""The chronology of the HTML edition (issue 11): every date of the text with a value, in order of
time, in words (ranges, uncertain and Julian dates as such), with its sentence and a link to its
place in the text; grouped by year (by decade for a long text). The texts are a 17th-century
Japanese chronicle, as written and as a damaged source, and the bundled edition."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml import etree

from edition import pipeline, register, xmlio
from edition.reading.damage import damaged

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
CHRONICLE = """\
== The battle of Sekigahara ==
In the autumn of 1600 the eastern and western armies met at Sekigahara. Tokugawa Ieyasu won the \
field on 21 October 1600, and the western lords fled to their domains.
Early 1603 saw the court name Ieyasu shogun. He ruled from Edo until 1605, when he passed the title \
to his son Hidetada.
== Foreign ships ==
The Dutch came to Hirado in July 1609. The English followed in 1613 and kept a factory there.
A letter of the English factor is dated 10 June 1615 (o.s.) and tells of the burning of Osaka.
== The quiet years ==
The years 1616-1623 were quiet in the home provinces.
Looking back from 1651, the chronicler recalled the winter of 1614 as the last season of war, and \
1614 as the year the churches were closed.
== Notes ==
"""


def entries(doc):
    return doc.xpath("//section[@id='chronology']//li[contains(concat(' ', @class, ' '), ' entry ')]")


def words(li) -> str:
    return li.xpath("string(a[@class='when'])")


def context(li) -> str:
    return " ".join(li.xpath("string(span[@class='context'])").split())


@pytest.fixture(scope="module")
def chronicle(config):
    return pipeline.convert(CHRONICLE, config, "chronicle", register=register.empty())


@pytest.fixture(scope="module")
def html(transformer, chronicle):
    return lxml.html.document_fromstring(transformer.html(chronicle))


def entry_for(doc, text: str):
    """The entry whose marked date reads *text*."""
    found = [li for li in entries(doc) if li.xpath("string(.//mark)") == text]
    assert len(found) == 1, (text, [li.xpath("string(.//mark)") for li in entries(doc)])
    return found[0]


def test_every_date_with_a_value_is_an_entry_in_order_of_time(chronicle, html):
    dates = chronicle.xpath("//t:text//t:date", namespaces=TEI)
    assert len(entries(html)) == len(dates) >= 9
    values = [li.xpath("string(.//time/@datetime)") for li in entries(html)]
    assert values == sorted(values)
    # the text tells 1651 before 1614: the chronology does not follow the text
    order = [li.xpath("string(.//mark)") for li in entries(html)]
    assert order.index("winter of 1614") < order.index("1651")
    assert order.index("21 October 1600") < order.index("Early 1603")


def test_ties_keep_the_order_of_the_text(html):
    numbers = {}
    for li in entries(html):
        n = int(li.xpath("string(a/@href)").removeprefix("#date-"))
        numbers.setdefault(li.xpath("string(.//time/@datetime)"), []).append(n)
    ties = [ns for ns in numbers.values() if len(ns) > 1]
    assert ties, numbers                                  # "winter of 1614" and "1614"
    assert all(ns == sorted(ns) for ns in ties)


def test_links_lead_to_the_dates_in_the_text(html):
    ids = {el.get("id"): el for el in html.xpath("//main//*[@id]")}
    for li in entries(html):
        target = ids[li.xpath("string(a/@href)").removeprefix("#")]
        assert target.tag == "time"
        assert " ".join(target.text_content().split()) == li.xpath("string(.//mark)")
        assert target.get("datetime") == li.xpath("string(.//time/@datetime)")
    in_text = html.xpath("//main//time/@id")
    assert in_text == [f"date-{n}" for n in range(1, len(in_text) + 1)]


def test_ranges_uncertain_and_julian_dates_are_shown_as_such(html):
    years = entry_for(html, "1616-1623")
    assert "range" in years.get("class").split() and words(years) == "1616–1623"
    early = entry_for(html, "Early 1603")
    assert "uncertain" in early.get("class").split()
    assert words(early) == "1603 (between January and April 1603)"
    autumn = entry_for(html, "autumn of 1600")
    assert words(autumn) == "1600 (between September and November 1600)"
    exact = entry_for(html, "21 October 1600")
    assert exact.get("class").split() == ["entry", "point"] and words(exact) == "21 October 1600"
    letter = entry_for(html, "10 June 1615")
    assert "julian" in letter.get("class").split()
    assert words(letter) == "20 June 1615 (Julian calendar: 10 June 1615)"
    assert letter.xpath("string(.//time/@datetime)") == "1615-06-20"
    # and in the text: the date says both calendars, not only its value
    in_text = html.xpath("//main//time[.='10 June 1615']")[0]
    assert "julian" in in_text.get("class") and "Julian calendar: 10 June 1615" in in_text.get("title")


def test_an_entry_shows_the_sentence_of_its_date_not_the_paragraph(html):
    dutch = context(entry_for(html, "July 1609"))
    assert dutch == "The Dutch came to Hirado in July 1609."
    english = context(entry_for(html, "1613"))
    assert english == "The English followed in 1613 and kept a factory there."
    assert context(entry_for(html, "21 October 1600")).startswith("Tokugawa Ieyasu won the field")
    assert "Sekigahara." not in context(entry_for(html, "21 October 1600"))


def test_dates_are_grouped_by_year_with_a_way_to_each_year(html):
    chron = html.get_element_by_id("chronology")
    assert chron.xpath("string(h2)") == "Chronology"
    groups = chron.xpath("section[@class='period']")
    assert [g.xpath("string(h3)") for g in groups][:3] == ["1600", "1603", "1605"]
    links = chron.xpath("nav[@class='periods']//a/@href")
    assert links == ["#" + g.get("id") for g in groups]
    for g in groups:
        assert {li.xpath("string(.//time/@datetime)")[:4] for li in g.xpath(".//li")} == {g.xpath("string(h3)")}


def test_the_sentence_is_the_reading_text(transformer, config):
    tree = pipeline.convert(damaged(CHRONICLE), config, "chronicle", register=register.empty())
    assert tree.xpath("//t:date//t:orig", namespaces=TEI)           # the source lost its capitals
    doc = lxml.html.document_fromstring(transformer.html(tree))
    exact = [li for li in entries(doc) if li.xpath("string(.//time/@datetime)") == "1600-10-21"][0]
    assert "21 October 1600" in context(exact) and "october" not in context(exact)
    assert not doc.xpath("//section[@id='chronology']//*[contains(@class, 'orig')]")


def test_labels_follow_the_language(transformer, chronicle):
    doc = lxml.html.document_fromstring(transformer.html(chronicle, lang="de"))
    assert doc.xpath("string(//section[@id='chronology']/h2)") == "Chronologie"
    assert words(entry_for(doc, "10 June 1615")) == "20 Juni 1615 (julianischer Kalender: 10 Juni 1615)"
    assert "zwischen Januar und April 1603" in words(entry_for(doc, "Early 1603"))


def test_a_text_without_dates_has_no_chronology(transformer, config):
    tree = pipeline.convert("== A song ==\nThe river runs to the sea.\n", config, "song", register=register.empty())
    doc = lxml.html.document_fromstring(transformer.html(tree))
    assert not doc.xpath("//section[@id='chronology']") and not doc.xpath("//a[@href='#chronology']")


def test_the_bundled_chronology(transformer, bundled_file):
    tree = xmlio.parse_xml(bundled_file)
    doc = lxml.html.document_fromstring(transformer.html(tree))
    listed = entries(doc)
    with_value = [d for d in tree.xpath("//t:text//t:date", namespaces=TEI)
                  if re.match(r"^\d{4}", d.get("when") or d.get("from") or d.get("notBefore") or "")]
    assert len(listed) == len(with_value) > 300
    ids = set(doc.xpath("//@id"))
    assert all(li.xpath("string(a/@href)")[1:] in ids for li in listed)
    # a text of six decades and more is grouped by decade
    assert doc.xpath("//section[@id='chronology']/section[@class='period']/h3/text()")[:2] == ["1840s", "1850s"]
    julian = [li for li in listed if "julian" in li.get("class").split()]
    assert len(julian) == len(tree.xpath("//t:text//t:date[@when-custom]", namespaces=TEI)) >= 3
    assert all(re.search(r"\(Julian calendar: \d+ \w+ \d{4}\)$", words(li)) for li in julian)
    toc = doc.xpath("//nav[@class='toc']/ol/li/a/@href")
    assert toc.index("#chronology") > max(i for i, h in enumerate(toc) if h.startswith("#sec-"))
