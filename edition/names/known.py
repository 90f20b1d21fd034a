"""Well-known places and organizations the gazetteers lack, and the tables of the place rules.

Data, not code: general facts of geography and history (regions, seas, rivers,
historical states, famous buildings, organizations known by one word or an
acronym). Nothing here is about one particular text. All forms are lowercase
and ASCII; :mod:`.forms` derives the forms a damaged text may show.
"""

from __future__ import annotations

from .wordlists import word_set


def _lines(block: str) -> frozenset[str]:
    """One name a line (names may have spaces)."""
    return frozenset(line.strip() for line in block.strip().splitlines() if line.strip())


#: regions, historical states and territories, seas, rivers, lakes, mountain ranges
KNOWN_PLACES = _lines("""
    siberia
    caucasus
    transcaucasia
    crimea
    balkans
    urals
    ural mountains
    scandinavia
    central asia
    far east
    middle east
    near east
    baltic states
    baltics
    anatolia
    bessarabia
    galicia
    bohemia
    moravia
    silesia
    prussia
    east prussia
    bavaria
    saxony
    rhineland
    ruhr
    pomerania
    manchuria
    turkestan
    kurdistan
    donbas
    donbass
    kuban
    livonia
    courland
    karelia
    lapland
    transylvania
    wallachia
    moldavia
    dalmatia
    macedonia
    catalonia
    andalusia
    castile
    flanders
    normandy
    brittany
    provence
    alsace
    lombardy
    tuscany
    sicily
    sardinia
    corsica
    scotland
    wales
    england
    ireland
    ulster
    new england
    patagonia
    yucatan
    sahara
    sinai
    levant
    palestine
    mesopotamia
    arabia
    persia
    punjab
    bengal
    kashmir
    indochina
    siam
    burma
    ceylon
    formosa
    korea
    tibet
    soviet union
    ussr
    russian empire
    ottoman empire
    austria-hungary
    yugoslavia
    czechoslovakia
    east germany
    west germany
    petrograd
    leningrad
    stalingrad
    tsaritsyn
    constantinople
    byzantium
    konigsberg
    danzig
    breslau
    lemberg
    christiania
    peking
    bombay
    calcutta
    madras
    saigon
    black sea
    red sea
    white sea
    baltic sea
    caspian sea
    aral sea
    north sea
    dead sea
    sea of azov
    sea of japan
    mediterranean sea
    adriatic
    adriatic sea
    aegean
    aegean sea
    atlantic ocean
    pacific ocean
    arctic ocean
    indian ocean
    lake baikal
    baikal
    lake ladoga
    ladoga
    lake geneva
    volga
    dnieper
    dniester
    neva
    danube
    rhine
    elbe
    vistula
    thames
    seine
    amur
    yenisei
    irtysh
    alps
    carpathians
    pyrenees
    himalayas
    andes
    rocky mountains
    appalachians
    kremlin
    winter palace
    tauride palace
    smolny institute
    peter and paul fortress
    red square
    white house
    reichstag
    bastille
    ellis island
    """)

#: organizations known by one word or an acronym (parties, police, internationals, newspapers)
KNOWN_ORGS = _lines("""
    politburo
    orgburo
    comintern
    cominform
    profintern
    krestintern
    cheka
    vecheka
    nkvd
    nkgb
    ogpu
    okhrana
    smersh
    kgb
    mvd
    sovnarkom
    vtsik
    gosplan
    komsomol
    rabkrin
    rsdlp
    cpsu
    nsdap
    gestapo
    wehrmacht
    reichswehr
    spd
    kpd
    uspd
    poum
    iww
    nato
    unesco
    fbi
    pravda
    izvestia
    iskra
    vperyod
    vorwarts
    red cross
    international red cross
    red crescent
    league of nations
    united nations
    nobel committee
    norwegian nobel committee
    nobel foundation
    royal society
    royal institution
    academie francaise
    academie des sciences
    sorbonne
    college de france
    institut pasteur
    pasteur institute
    radium institute
    salvation army
    world health organization
    international olympic committee
    """)

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

#: heads after a place name that make one place with it ("kherson governorate", "baikal lake");
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
#: heads of street names after a house number ("1522 vyse avenue")
STREET_HEADS = word_set("street avenue boulevard road lane square")
#: endings of East European place names ("yanovka", "verkholensk", "stalingrad")
PLACE_ENDINGS = ("ovka", "evka", "ivka", "avka", "insk", "ensk", "ansk", "orsk", "utsk",
                 "ovsk", "evsk", "grad", "gorod", "opol")
#: a word with such an ending is this long at least
MIN_PLACE_ENDING_WORD = 6
#: words before a name that show it is a place ("in X", "present-day X")
LOCATIVE_BEFORE = word_set("in at near to from via towards present-day outside")
#: countries whose towns often bear English words as names: their smaller towns are not used
ENGLISH_SPEAKING = frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "ZA"})

#: words before a newspaper's name ("the newspaper iskra", "the daily, der forverts")
NEWSPAPER_BEFORE = word_set("newspaper newspapers journal magazine weekly daily")
