"""Word lists the names pass relies on, and the tables of its rules.

The general lists (words that are also names, surnames, stopwords, titles, demonyms,
given names) are data files in ``data/``, each naming its source in a header
comment, shipped with the package; the small tables of the rules (heads, modifiers,
cues) are here. All words are lowercase. Nothing here is about one particular text:
what only one edition needs goes into that edition's lexicon (:mod:`edition.lexicon`).
"""

from __future__ import annotations

from importlib import resources

from .forms import variants


def word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


def data_file_lines(name: str, package: str = __package__) -> list[str]:
    """The lines of data file *name* of *package* (its ``data/`` folder), comments ("#") and
    blank lines left out."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def data_words(name: str) -> frozenset[str]:
    """The words of data file *name* (any number a line)."""
    return frozenset(w for line in data_file_lines(name) for w in line.split())


def data_lines(name: str) -> frozenset[str]:
    """The entries of data file *name*, one a line (an entry may have spaces)."""
    return frozenset(data_file_lines(name))


#: English words that are also names (surnames, forenames, places): such a form is a
#: name only where the context says so (see :mod:`.context`)
COMMON_WORDS = data_words("common-words.txt")

#: common words that are also frequent surnames: after a given name they are the surname
#: ("anna wood", "henry north"), and elsewhere only where the context shows a person
SURNAME_WORDS = data_words("surname-words.txt")
#: words after such a surname that show it is not one ("north of the river")
NOT_SURNAME_AFTER = frozenset({"of", "to", "from"})

#: function words: never part of a name candidate found by a pattern
STOPWORDS = data_words("stopwords.txt")

#: endings of English words that are not names (a name candidate never takes such a word)
ENGLISH_ENDINGS = ("ed", "ing", "ly", "tion", "sion", "ment", "ness", "ful", "ous", "ive",
                   "ise", "ize", "ity", "able", "ible", "ship", "hood", "less", "ward", "wards",
                   "ence", "ance", "ism", "ist")

#: determiners and adjectives that, just before a common-word form, show it is not a name
NOT_NAME_BEFORE = word_set("""
    a an the this that these those his her its their our my your some any no every
    each civil military secret public foreign national government health far upper lower
    name word term title
    """)
#: prepositions that, before a common-word form, show it is not a name unless the
#: word after it does ("in hope" but "contrary to hope's claims")
WEAK_NOT_NAME_BEFORE = word_set("of in on at to from into towards toward")

#: words before a name that show it names a thing ("the steamer hope")
VESSELS_AND_THINGS = word_set("""
    ship tanker steamer steamship liner boat cruiser battleship vessel yacht train
    hotel villa dacha newspaper journal magazine
    """)

#: titles and roles: "general X", "father X", "representative X"
TITLES = data_words("titles.txt")

#: verbs and auxiliaries that, right after a word, show it names a speaker or actor
ACTOR_AFTER = word_set("""
    said says wrote writes argued argues claimed claims noted notes stated states
    recalled recalls believed believes thought thinks replied replies answered
    explained explains added adds remarked remarks observed observes insisted insists
    suggested suggests described describes asserted asserts contended contends
    maintained maintains concluded concludes commented comments has had was is who
    himself herself told asked called criticised criticized praised denied denies
    compared compares agreed agrees disagreed admitted admits
    """)

#: kinship nouns: "their eldest son, lev" names the son
KINSHIP = word_set("son daughter wife husband brother sister father mother grandson granddaughter nephew niece")

#: possessive endings after a name
POSSESSIVE = ("'s", "\u2019s", "'")

#: words after a person's name that make the whole phrase a thing, not a person;
#: the value is the kind of the whole phrase (None: not a name at all)
THING_HEADS_AFTER_PERSON = {
    "committee": "org", "commission": "org", "foundation": "org", "institute": "org",
    "society": "org", "fund": "org", "library": "org", "university": "org",
    "museum": "place", "house": "place", "street": "place", "avenue": "place",
    "square": "place", "boulevard": "place", "prospect": "place", "mausoleum": "place",
    "station": "place", "bridge": "place", "park": "place", "memorial": "place",
    "prize": None, "prizes": None, "award": None, "medal": None, "order": None,
    "calendar": None,
    "ag": "org", "gmbh": "org", "inc": "org", "ltd": "org", "plc": "org", "corporation": "org",
    "company": "org",
}

#: words just before a person's name that make it part of a thing's name
THING_HEADS_BEFORE_PERSON = (
    ("hero", "of"), ("prize", "of"), ("cult", "of"), ("mausoleum", "of"),
    ("works", "of"), ("collected", "works", "of"),
)

#: heads of organization names -> the modifiers that name an organization on their own
#: besides ORG_SOLO_MODIFIERS ("fourth international"); with two modifiers or more, or a
#: place name before it ("boston city council"), any head names an organization
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth"})
ORG_HEADS = {
    "committee": frozenset(), "army": frozenset(), "navy": frozenset(),
    "party": frozenset({"communist", "socialist"}),
    "international": ORDINALS | {"communist", "socialist"}, "congress": ORDINALS,
    "conference": ORDINALS,
    "union": frozenset(), "soviet": frozenset(), "council": frozenset(), "bureau": frozenset(),
    "league": frozenset(), "federation": frozenset(), "front": frozenset(), "bund": frozenset({"jewish"}),
    "commissariat": frozenset(), "directorate": frozenset(), "guard": frozenset(), "guards": frozenset(),
    "institute": frozenset(), "academy": frozenset(), "society": frozenset(), "association": frozenset(),
    "government": frozenset(),
    "university": frozenset(), "college": frozenset(), "conservatory": frozenset(),
    "foundation": frozenset(),
}
#: heads of events rather than bodies: a place before them does not make an organization
ORG_EVENT_HEADS = frozenset({"congress", "conference"})
#: heads that never take a bare list of modifiers: only those given here
ORG_HEAD_ONLY = {"government": frozenset({"provisional"})}
#: modifiers that make a name of an organization on their own ("central committee", "red army")
ORG_SOLO_MODIFIERS = frozenset("""
    central executive red white provisional labour labor supreme
    constituent technological bolshevik menshevik all-russian all-union
    """.split())

#: words that may stand before an organization head ("red army", "central committee")
ORG_MODIFIERS = word_set("""
    central executive military revolutionary red white green black social democratic
    democrat labour labor workers workers' worker's peasants peasants' soldiers
    soldiers' sailors deputies deputies' communist socialist people's popular national
    international imperial state supreme general provisional technological
    constituent political left right united independent radical liberal
    conservative republican christian marxist anarchist first second third fourth
    fifth sixth seventh eighth ninth tenth eleventh twelfth all-russian all-union
    russian german american british french jewish soviet bolshevik polish ukrainian
    finnish italian spanish austrian mexican chinese english australian canadian
    south north east west northern southern eastern western
    grand permanent regional federal royal nationalist fascist nazi progressive agrarian
    peasant liberation extraordinary air army catholic orthodox anglican lutheran protestant
    episcopal methodist presbyterian civic patriotic
    """)

#: heads of newspaper names: a demonym makes a name ("russian gazette"); "times"
#: needs a place or two modifiers ("new york times", not "french times")

#: demonyms and words derived from names: never tagged on their own
DEMONYMS = data_words("demonyms.txt")
NEWSPAPER_HEADS = frozenset({"gazette", "herald", "tribune", "chronicle", "courier", "times"})
ORG_HEADS.update({head: DEMONYMS & ORG_MODIFIERS for head in NEWSPAPER_HEADS - {"times"}})
ORG_HEADS["times"] = frozenset()
#: ordinals that name an army or a fleet on their own ("the fifth army", "the third army")
ARMY_ORDINALS = ORDINALS | word_set("sixth seventh eighth ninth tenth eleventh twelfth")
ORG_HEADS["army"] = ARMY_ORDINALS
ORG_HEADS["party"] = word_set("""
    communist socialist liberal conservative radical republican democratic nationalist fascist
    nazi progressive agrarian peasant peasants' unionist monarchist
    """)
#: the heads the rules know (ORG_HEADS, whose words are also features of the trained
#: recogniser, and these): assemblies, commissions, cliques, fleets, corps, air forces
ORG_RULE_HEADS = {
    **ORG_HEADS,
    "assembly": word_set("national constituent general legislative grand"),
    "commission": word_set("royal permanent extraordinary"),
    "alliance": frozenset(), "clique": frozenset(),
    "fleet": ARMY_ORDINALS | {"grand"},
    "corps": frozenset(), "force": frozenset(),
    "division": ARMY_ORDINALS, "police": frozenset(), "front": word_set("popular"),
    "church": word_set("catholic orthodox anglican lutheran protestant episcopal methodist presbyterian"),
}
#: heads that count only right after one of these words ("air force", "army corps")
ORG_HEAD_AFTER = {"force": word_set("air"), "corps": word_set("army marine expeditionary volunteer")}
#: endings of words derived from names ("darwinism", "jacobite", "marxist")
DERIVED_SUFFIXES = ("ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "ese", "ish")

#: common given names (no word that is also common in English): a name candidate
#: needs one of them, a title, or the register
GIVEN_NAMES = data_words("given-names.txt")
#: the shortest damaged form of an accented given name that counts as a given name
MIN_DAMAGED_GIVEN_NAME = 4
#: endings of patronymics and surnames common in the languages of the region
NAME_SUFFIXES = ("ovich", "evich", "ich", "ovna", "evna", "ichna", "ov", "ev", "ova", "eva",
                 "sky", "skii", "skiy", "ski", "skaya", "enko", "insky", "stein", "dze",
                 "yan", "ovsky", "in", "ina")

#: words before a name that announce a person's other name; the value says whether the
#: name must stand in quotation marks ("the name "eliot"") or not ("pen name boz")
ALIAS_CUES = {
    ("pen", "name"): False, ("pseudonym",): False, ("alias",): False, ("nicknamed",): False,
    ("nom", "de", "guerre"): False, ("ne",): False, ("nee",): False, ("n\u00e9e",): False,
    ("the", "name"): True, ("his", "name"): True, ("her", "name"): True, ("surname", "to"): True,
    ("name", "to"): True, ("pseudonyms",): True,
}
#: birth-name cues ("née") need an opening parenthesis or a comma before them
BIRTH_CUES = frozenset({("ne",), ("nee",), ("n\u00e9e",)})

#: given names with letters outside ASCII: a damaged text shows them with those letters
#: deleted ("ramn"); those forms are given names too (see GIVEN_NAMES)
ACCENTED_GIVEN_NAMES = data_words("given-names-accented.txt")
#: prefixes of hyphenated words that are not double names ("anti-napoleon")
NOT_NAME_PREFIXES = word_set("""
    anti pro pre post neo non ex co pan counter ultra semi pseudo quasi inter trans sub
    super proto crypto mid self vice arch
    """)
#: words after a hyphenated pair of names that make it a thing ("gorchakov-andrassy treaty")
PAIR_THINGS = word_set("""
    pact treaty line bloc agreement plan alliance axis trial trials affair war wars
    border frontier railway railroad canal highway road offensive accord accords
    """)
#: endings of one part of a double surname ("rimsky-korsakov", "lutoslawska-mann")
DOUBLE_NAME_ENDINGS = ("ov", "ev", "yev", "ova", "eva", "sky", "skaya", "skii", "aya",
                       "enko", "ovich", "evich", "dze", "yan", "ski")


def _damaged_forms(names: frozenset[str]) -> frozenset[str]:
    return frozenset(v for n in names for v in variants(n)
                     if len(v) >= MIN_DAMAGED_GIVEN_NAME and v not in COMMON_WORDS and v not in STOPWORDS)


GIVEN_NAMES = GIVEN_NAMES | _damaged_forms(ACCENTED_GIVEN_NAMES)

#: months and weekdays: never given names ("april", "june")
CALENDAR_WORDS = word_set("""
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """)
#: words after a single unknown word that show it names a speaker ("einstein said"); the
#: word before it must open a clause (see :mod:`.given`)
SPEAKER_AFTER = (
    ("said",), ("says",), ("wrote",), ("writes",), ("remarked",), ("recalled",), ("argued",),
    ("declared",), ("observed",), ("commented",), ("replied",), ("insisted",), ("complained",),
    ("once", "said"), ("later", "wrote"), ("later", "said"), ("later", "recalled"),
    ("is", "reported", "to", "have"), ("was", "reported", "to", "have"),
    ("is", "said", "to", "have"), ("was", "quoted", "as"),
)
#: words right before such a speaker that open a clause (besides punctuation)
CLAUSE_OPENERS = word_set("and but that as when while where because although though whereas")
