"""Well-known places and organizations the gazetteers lack, and the tables of the place rules.

The places and organizations are data files (``data/known-places.txt``,
``data/known-orgs.txt``), each naming its source: general facts of geography and
history. Nothing here is about one particular text (an edition's own bodies and
places go into its lexicon, :mod:`edition.lexicon`). All forms are lowercase and
ASCII; :mod:`.forms` derives the forms a damaged text may show.
"""

from __future__ import annotations

from .wordlists import data_lines, data_words, word_set

#: regions, historical states and territories, seas, rivers, lakes, mountain ranges
KNOWN_PLACES = data_lines("known-places.txt")

#: organizations known by one word or an acronym (parties, police, internationals, newspapers)
KNOWN_ORGS = data_lines("known-orgs.txt")

#: heads of institutions named "HEAD of X" ("university of paris", "academy of sciences")
INSTITUTION_HEADS = word_set("university academy institute society college conservatory conservatoire")
#: what such a head may be "of" besides a place ("academy of sciences", "institute of technology")
INSTITUTION_FIELDS = word_set("""
    sciences science arts fine music medicine technology engineering physics chemistry
    mathematics law theology philosophy letters history agriculture mines economics
    """)
#: words before such a name that are part of it ("royal swedish academy of sciences")
INSTITUTION_MODIFIERS = word_set("""
    royal imperial national state municipal free central polish russian french german
    swedish american british austrian hungarian italian prussian bavarian czech soviet
    ukrainian
    """)
#: heads after a name-like word that make an institution ("harvard university", "nobel committee")
NAMED_INSTITUTION_HEADS = word_set("university institute society college conservatory foundation")

#: heads after a place name that make one place with it ("tver governorate", "the titicaca lake");
#: with a name-like word that is not a known place, only the administrative heads count
PLACE_HEADS_AFTER = word_set("""
    governorate guberniya gubernia oblast krai uyezd voivodeship okrug
    province lake river sea mountains island islands peninsula
    """)
#: administrative heads: "X governorate" is a place even when X is not known
ADMIN_HEADS = word_set("governorate guberniya gubernia oblast krai uyezd voivodeship okrug")
#: heads before a name: "lake baikal", "mount elbrus", "avenida viena"
PLACE_HEADS_BEFORE = word_set("lake mount avenida calle rue ulitsa prospekt plaza piazza")
#: "the russian empire", "the ottoman empire": words that make an empire with "empire"
EMPIRE_MODIFIERS = word_set("""
    russian ottoman british german french austrian austro-hungarian roman byzantine
    mughal persian japanese chinese spanish portuguese mongol habsburg qing
    """)
#: heads of street names after a house number ("48 doughty street")
STREET_HEADS = word_set("street avenue boulevard road lane square")
#: endings of East European place names ("pavlovka", "krasnoyarsk", "tarnopol")
PLACE_ENDINGS = ("ovka", "evka", "ivka", "avka", "insk", "ensk", "ansk", "orsk", "utsk",
                 "ovsk", "evsk", "grad", "gorod", "opol")
#: a word with such an ending is this long at least
MIN_PLACE_ENDING_WORD = 6
#: words before a name that show it is a place ("in X", "present-day X")
LOCATIVE_BEFORE = word_set("in at near to from via towards present-day outside")
#: countries whose towns often bear English words as names: their smaller towns are not used
ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "ZA"})

#: words before a newspaper's name ("the newspaper figaro", "the daily, der bund")
NEWSPAPER_BEFORE = word_set("newspaper newspapers journal magazine weekly daily")

#: adjectives of nationality, historical states and peoples (the first word of many names)
NATIONALITIES = data_words("nationalities.txt")
#: words of the portfolios of ministries and departments ("ministry of foreign affairs")
PORTFOLIOS = data_words("portfolios.txt")
#: heads that name a government body with a portfolio after "of" or before them
#: ("ministry of finance", "the war office", "board of trade")
PORTFOLIO_HEADS = word_set("ministry commissariat department office board secretariat directorate")
#: heads of assemblies and unions of a group: "league of nations", "chamber of deputies",
#: "council of people's commissars", "confederation of mexican workers"; the value says
#: which groups the head takes (None: any of BODY_GROUPS)
BODY_GROUPS = word_set("""
    nations deputies delegates representatives commissars ministers notables elders soviets
    workers peasants soldiers sailors employers industrialists manufacturers merchants commerce
    industry labour labor students teachers writers artists journalists women youth veterans
    landowners churches unions
    """)
GROUP_BODY_HEADS: dict[str, frozenset[str] | None] = {
    "league": None, "council": None, "chamber": None, "confederation": None, "federation": None,
    "union": BODY_GROUPS - {"nations"}, "congress": None, "association": None, "alliance": None,
    "committee": None, "assembly": None, "soviet": None,
    "house": frozenset({"commons", "lords", "representatives", "delegates", "deputies", "peers"}),
}
#: heads that are bodies "of" a place ("bank of england"), or of a quarter of the compass too
#: ("army of the north", "division of the south")
PLACE_BODY_HEADS = word_set("bank army")
COMPASS_BODY_HEADS = word_set("army armies division corps fleet")
COMPASS = word_set("north south east west centre center northwest northeast southwest southeast orient")
#: heads after a nationality or a place and at most two more words that name a firm or a
#: body: "the turkish petroleum company", "the ottoman bank", "the turkish language association"
FIRM_HEADS = word_set("""
    company corporation bank society association league federation confederation union party
    academy institute
    """)
#: words before such a name that show it is a description, not a name ("a british company")
NOT_FIRM_BEFORE = word_set("a an any every some no each another")
#: those a nationality alone before them names ("the ottoman bank"; not "a british company")
FIRM_HEADS_AFTER_NATIONALITY = word_set("bank")
#: heads after an unknown name-like word that make a body ("the kwantung army", "the lytton
#: commission", "the wafd party"; not "the flying army": English words do not count)
NAMED_BODY_HEADS = word_set("army party commission committee clique company corporation bank academy")
#: of those, the heads a place's name before them makes a body too ("the zhili clique")
PLACE_NAMED_BODY_HEADS = word_set("army clique")
