"""Danish words the catalogue search treats specially: small words it leaves out, irregular forms the
stemmer does not join, and the words day-care staff use for their children.

All words here are folded (offers.folding.fold): lower case, accents off, "aa" as "å".
"""

from offers.folding import fold

# The stop words of PostgreSQL's "danish" text search configuration (Snowball's list): they are never in
# a search vector, so a query must not require them ("Byg et vikingeskib", "klima og energi").
_SNOWBALL_DANISH = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
    ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne
    ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden
    hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi
    jer sådan
"""
STOP_WORDS = frozenset(_SNOWBALL_DANISH.split())

# The stage of day care in offers' search vectors (offers migration 0007 adds the stages of an offer's
# grades with weight D), so that a pedagogue's own words find offers for day care.
DAY_CARE = "dagtilbud"

# Groups of forms that Danish stemming does not bring together (irregular plurals, Latin words), and
# words that mean day care. Searching for any word of a group also looks for the others.
_GROUPS = [
    "museum museer museet museets museerne museernes museums",
    "centrum centre centret centrets centrene",
    "gymnasium gymnasier gymnasiet gymnasiets gymnasierne",
    "akvarium akvarier akvariet akvariets akvarierne",
    "planetarium planetarier planetariet planetariets",
    "laboratorium laboratorier laboratoriet laboratoriets laboratorierne",
    "studium studier studiet",
    "forum fora forummet",
    "medium medier mediet mediernes",
    "barn børn barnet børnene børnenes",
    "mand mænd manden mændene",
    "bog bøger bogen bøgerne",
    "ko køer koen køerne",
    "gås gæs gåsen gæssene",
    "fod fødder foden fødderne",
    "hånd hænder hånden hænderne",
    "tand tænder tanden tænderne",
    "nat nætter natten",
    "rod rødder roden rødderne",
    "bonde bønder bonden bønderne",
    "bror brødre broren brødrene",
    "far fædre faren fædrene",
    "mor mødre moren mødrene",
    "datter døtre datteren døtrene",
    "øje øjne øjet øjnene",
    "tå tæer tåen tæerne",
    "by byer byen byerne",
    # (not "børnehaveklasse": that is 0. klasse)
    f"{DAY_CARE} vuggestue vuggestuer vuggestuen vuggestuebørn børnehave børnehaver børnehaven "
    "børnehavebørn dagpleje dagplejer dagplejen dagplejebørn småbørn småbørnene",
]
WORD_FORMS: dict[str, tuple[str, ...]] = {
    word: tuple(other for other in group if other != word)
    for group in (fold(line).split() for line in _GROUPS)
    for word in group
}
# Two-word phrases that mean one thing: a pedagogue's "de mindste" are the youngest children.
PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("de", "mindste"): ("mindste", DAY_CARE),
    ("de", "små"): ("små", DAY_CARE),
    ("de", "yngste"): ("yngste", DAY_CARE),
}
