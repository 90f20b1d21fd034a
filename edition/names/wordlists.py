"""Word lists the names pass relies on. Data, not code: extend them freely.

All words are lowercase. Nothing here is about one particular text: these are
general facts about English and about how names are used in running text.
"""

from __future__ import annotations

from .forms import variants


def word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


#: English words that are also names (surnames, forenames, places): such a form is a
#: name only where the context says so (see :mod:`.context`)
COMMON_WORDS = word_set("""
    north south east west northern southern eastern western service dies may will
    rose young white black brown green grey gray grant bush ford price long little hope
    love mark bill frank jack joy faith grace page hall hill wood woods field fields stone
    king prince bishop pope mason cook baker smith miller march august summer winter
    spring autumn fall early late read reed lead rich strong wise sharp bell good best
    power cross law lev church chance street lane park bridge castle gate house home
    new old great grand major minor general marshal judge guard shepherd hunter fisher
    carter turner porter walker weaver taylor gardener glass steel iron gold silver
    star sun moon day night week year world land sea river lake bay island cape
    port fort hay moss bird fox wolf bear lamb crow swan drake hawk hart
    french english german dutch welsh irish scots
    will way wall well west wells worth wright lord earl duke baron count knight
    chancellor foreign home office army navy state states union party committee
    people worker workers labour labor peace war victory freedom liberty justice
    biography bibliography archive archives papers works writings memoirs diary letters
    organiser organizer leader founder author editor
    truth life death birth son sons reading mobile split nice bath reform union
    independence daughter brother brothers sister father mother
    man men woman women child children family order prize museum capital central
    red blue golden iron bright light dark fair free just rule trotter gay
    faith constant sterling noble savage wild moody hardy keen bold
    """)

#: common words that are also frequent surnames: after a given name they are the surname
#: ("david north", "robert service"), and elsewhere only where the context shows a person
SURNAME_WORDS = word_set("""
    young white black brown green grey gray grant bush ford price long little hope love
    hall hill wood woods field fields stone king bishop mason cook baker smith miller bell
    reed read rich strong wise sharp cross law church lane park bridge castle gate carter
    turner porter walker weaver taylor gardener glass steel fisher hunter shepherd north
    south east west service wells wright hay moss bird fox wolf lamb crow swan drake hawk
    hart trotter hardy moody keen noble savage sterling dies knight lord baron
    """)
#: words after such a surname that show it is not one ("north of moscow")
NOT_SURNAME_AFTER = frozenset({"of", "to", "from"})

#: function words: never part of a name candidate found by a pattern
STOPWORDS = word_set("""
    a an the and or but nor of in on at to from by with without for as into onto upon
    over under after before during since until while about against between among
    through across towards toward within this that these those his her its their our
    my your he she it they we you i him them us who whom whose which what when where
    why how is was were be been being are am has have had do does did not no yes so
    than then there here also only even still yet very more most much many some any
    all both each every other another such same own one two three four five six seven
    eight nine ten first second third fourth fifth last next new old again once
    himself herself itself themselves later early soon now never ever always often
    said says wrote writes told asked called named known born died become became
    would could should might must can may will shall let like unlike per via
    saw met sent left took made gave went came got led won lost ran held kept fled
    began become becomes become told knew thought felt found brought bought fought taught
    sometimes soon immediately eventually finally also later subsequently thus hence
    however therefore meanwhile instead already together alone
    throughout despite beyond behind near around along amid amidst amongst although though
    because whereas whether if unless up down out off back away
    """)

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
#: word after it does ("in service" but "contrary to service's claims")
WEAK_NOT_NAME_BEFORE = word_set("of in on at to from into towards toward")

#: words before a name that show it names a thing ("the tanker ruth")
VESSELS_AND_THINGS = word_set("""
    ship tanker steamer steamship liner boat cruiser battleship vessel yacht train
    hotel villa dacha newspaper journal magazine
    """)

#: titles and roles: "general X", "father X", "representative X"
TITLES = word_set("""
    general colonel major captain lieutenant admiral marshal commander commissar
    sergeant corporal private father brother sister mother reverend rev bishop
    archbishop patriarch pope cardinal rabbi imam president vice-president premier
    chairman chairwoman secretary minister ambassador consul governor mayor senator
    representative congressman congresswoman deputy delegate judge justice professor
    prof dr doctor mr mrs ms miss madame monsieur herr frau comrade citizen tsar czar
    tsarina czarina emperor empress king queen prince princess count countess duke
    duchess baron baroness grand lord lady sir dame saint st
    """)

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
    ("order", "of"), ("hero", "of"), ("prize", "of"), ("cult", "of"), ("mausoleum", "of"),
    ("works", "of"), ("collected", "works", "of"),
)

#: heads of organization names -> the modifiers that name an organization on their own
#: besides ORG_SOLO_MODIFIERS ("fourth international"); with two modifiers or more, or a
#: place name before it ("petrograd soviet"), any head names an organization
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
    "government": frozenset(), "opposition": frozenset(),
    "university": frozenset(), "college": frozenset(), "conservatory": frozenset(),
    "foundation": frozenset(),
}
#: heads of events rather than bodies: a place before them does not make an organization
ORG_EVENT_HEADS = frozenset({"congress", "conference"})
#: heads that never take a bare list of modifiers: only those given here
ORG_HEAD_ONLY = {"government": frozenset({"provisional"}),
                 "opposition": frozenset({"left", "right", "united"})}
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
    """)

#: heads of newspaper names: a demonym makes a name ("russian gazette"); "times"
#: needs a place or two modifiers ("new york times", not "soviet times")

#: demonyms and words derived from names: never tagged on their own
DEMONYMS = word_set("""
    russian russians soviet soviets ukrainian ukrainians german germans french english
    british american americans jewish jews polish poles austrian italian spanish
    mexican chinese japanese turkish finnish swiss european european asian
    bolshevik bolsheviks menshevik mensheviks trotskyist trotskyists trotskyism
    stalinist stalinists stalinism leninist leninism marxist marxists marxism
    tsarist communist communists socialist socialists
    """)
NEWSPAPER_HEADS = frozenset({"gazette", "herald", "tribune", "chronicle", "courier", "times"})
ORG_HEADS.update({head: DEMONYMS & ORG_MODIFIERS for head in NEWSPAPER_HEADS - {"times"}})
ORG_HEADS["times"] = frozenset()
#: endings of words derived from names ("trotskyism", "stalinist", "leninist")
DERIVED_SUFFIXES = ("ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "ese", "ish")

#: common given names (no word that is also common in English): a name candidate
#: needs one of them, a title, or the register
GIVEN_NAMES = word_set("""
    aleksandr aleksandra alexander alexandra alexei aleksei alexey aleksey anatoly
    anatoli andrei andrey anna anastasia anton arkady boris dmitri dmitry ekaterina
    elena evgeny yevgeny fyodor feodor georgi georgy grigory grigori igor ilya ivan
    kliment konstantin lavrentiy lavrenty leonid leon lev lyov maxim mikhail nadezhda
    natalia natalya nikita nikolai nikolay olga pavel pyotr petr sergei sergey svetlana
    tatiana tatyana valentin vasily vasili viktor vladimir vyacheslav yakov yuri
    zinaida nina vera lyudmila marina irina galina larisa karl friedrich rosa
    wilhelm heinrich hans otto ernst walter kurt hermann franz josef joseph johann
    jean jacques pierre louis henri andre marcel leon raymond francois
    diego frida ramon jose juan carlos luis pablo miguel antonio manuel
    james john robert michael david richard thomas charles george edward henry
    william paul peter andrew stephen christopher daniel matthew anthony
    mary elizabeth margaret susan sarah jennifer barbara dorothy helen ruth
    isaac max leo ludwig benito adolf winston franklin theodore woodrow harry
    vladimir julius georgi isaak israel moses abraham samuel jacob benjamin
    natasha sasha misha lyova seryozha volodya kolya
    carl johannes gustav
    """)
#: the shortest damaged form of an accented given name that counts as a given name
MIN_DAMAGED_GIVEN_NAME = 4
#: endings of patronymics and surnames common in the languages of the region
NAME_SUFFIXES = ("ovich", "evich", "ich", "ovna", "evna", "ichna", "ov", "ev", "ova", "eva",
                 "sky", "skii", "skiy", "ski", "skaya", "enko", "insky", "stein", "dze",
                 "yan", "ovsky", "in", "ina")

#: words before a name that announce a person's other name; the value says whether the
#: name must stand in quotation marks ("the name "lvov"") or not ("pen name pero")
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
ACCENTED_GIVEN_NAMES = word_set("""
    ramón josé jesús andrés maría héctor álvaro rené françois jérôme andré léon léo
    hélène bohdan józef stanisław jerzy władysław wojciech lech
    mátyás béla józsef lászló zoltán dušan miloš tomáš jiří václav
    """)
#: prefixes of hyphenated words that are not double names ("anti-stalin")
NOT_NAME_PREFIXES = word_set("""
    anti pro pre post neo non ex co pan counter ultra semi pseudo quasi inter trans sub
    super proto crypto mid self vice arch
    """)
#: words after a hyphenated pair of names that make it a thing ("molotov-ribbentrop pact")
PAIR_THINGS = word_set("""
    pact treaty line bloc agreement plan alliance axis trial trials affair war wars
    border frontier railway railroad canal highway road offensive accord accords
    """)
#: endings of one part of a double surname ("sedova-trotskaya", "khrustalyev-nosar")
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
