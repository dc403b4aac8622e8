"""The words of a catalogue search: the small words it leaves out, the irregular forms the stemmer does
not join, the words day-care staff use for their children (all folded by offers.folding.fold: lower case,
accents off, "aa" as "å"), the query PostgreSQL is given (``TextQuery``), and similar words for typos.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from offers.folding import fold, words

MAX_WORDS = 8
MAX_WORD_LENGTH = 40
SIMILAR_PER_WORD = 3
SIMILARITY_MARGIN = 0.1  # similar words must be about as close as the closest one
MIN_LENGTH_RATIO = 0.6  # a much shorter word is another word: "bio" is not what "bioloji" meant

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


@dataclass(frozen=True)
class TextQuery:
    """The words of a search, each with its alternatives, as a to_tsquery() expression.

    Words AND together, alternatives OR; the last word and its alternatives also match as a prefix
    ("vikinge" finds "vikingetid"). Small words ("og", "i", "et": offers.search_words.STOP_WORDS) are left
    out, as PostgreSQL leaves them out of every search vector; irregular forms ("museum" – "museer") and
    day-care words ("vuggestue" – the stage "dagtilbud") come as alternatives. A word of two or three
    letters may be an abbreviation: "hc" and "H.C." also look for "h.c", the one word PostgreSQL makes of
    "H.C." in a text. Only folded letters and digits survive parsing (and the dots of an abbreviation), so
    quoting them is safe.
    """

    terms: tuple[tuple[str, ...], ...] = ()
    small_words: tuple[str, ...] = ()  # the words left out
    listed: frozenset[str] = frozenset()  # typed words whose alternatives come from offers.search_words

    @classmethod
    def parse(cls, text: str) -> TextQuery:
        text = _ABBREVIATION_DOT.sub("", fold(text))
        tokens = [w for w in words(text) if len(w) <= MAX_WORD_LENGTH]
        terms, small, listed, i = [], [], set(), 0
        while i < len(tokens):
            pair = tuple(tokens[i : i + 2])
            if pair in PHRASES:
                terms.append(PHRASES[pair])
                listed.add(PHRASES[pair][0])
                i += 2
                continue
            token = tokens[i]
            i += 1
            if token in STOP_WORDS:
                small.append(token)
                continue
            terms.append((token, *_abbreviations(token), *WORD_FORMS.get(token, ())))
            if token in WORD_FORMS:
                listed.add(token)
        return cls(tuple(terms[:MAX_WORDS]), tuple(small), frozenset(listed))

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def typed(self) -> list[str]:
        return [term[0] for term in self.terms]

    @property
    def corrigible(self) -> list[str]:
        """Typed words that may be misspelt: not the ones the word lists know."""
        return [word for word in self.typed if word not in self.listed]

    def tsquery(self, *, prefix: bool = True) -> str:
        """The to_tsquery() expression; with ``prefix=False`` whole words only (to rank them higher)."""
        last = len(self.terms) - 1 if prefix else -1
        return " & ".join(
            "(" + " | ".join(f"'{word}':*" if i == last else f"'{word}'" for word in term) + ")"
            for i, term in enumerate(self.terms)
        )

    def widened(self, similar: dict[str, list[str]]) -> TextQuery:
        return TextQuery(
            tuple((*term, *similar.get(term[0], [])) for term in self.terms), self.small_words, self.listed
        )


# The dot after a single letter that another single letter follows: "h.c. andersen" -> "hc. andersen".
_ABBREVIATION_DOT = re.compile(r"(?<=\b[^\W\d_])\.(?=[^\W\d_]\b)")


def _abbreviations(token: str) -> tuple[str, ...]:
    return (".".join(token),) if 2 <= len(token) <= 3 and token.isalpha() else ()


# The candidates for each typed word: the SIMILAR_PER_WORD + 1 most similar words of the vocabulary (pg_trgm
# similarity at its default threshold of 0.3), found through the trigram GiST index on offers_searchword
# (offers migration 0011). One row per candidate: the typed word, the word, its folded form, the similarity
# and the typed word's position.
SIMILAR_SQL = """
SELECT t.token, w.word, w.folded, w.similarity, t.i AS typed_at
FROM unnest(%s::text[]) WITH ORDINALITY AS t(token, i)
CROSS JOIN LATERAL (
  SELECT s.word, s.folded, similarity(s.folded, t.token) AS similarity
  FROM offers_searchword s WHERE s.folded %% t.token
  ORDER BY 3 DESC, s.word LIMIT %s
) w"""
SIMILAR_ORDER = "typed_at, similarity DESC, word"


def similar_sql(tokens: list[str]) -> tuple[str, list]:
    """The SQL of the candidates for ``tokens`` (see SIMILAR_SQL), in order: typed word, best first."""
    return SIMILAR_SQL, [tokens, SIMILAR_PER_WORD + 1]


def corrigible_tokens(tokens: Iterable[str]) -> list[str]:
    """The typed words worth looking up similar words for: three letters or more, once each."""
    return [t for t in dict.fromkeys(tokens) if len(t) >= 3]


def choose_similar(rows: Iterable[tuple[str, str, str, float]]) -> dict[str, list[tuple[str, str]]]:
    """For each typed word that no published offer uses, up to SIMILAR_PER_WORD words of published offers
    that look like it, best first, as (shown word, folded word), out of its candidates (SIMILAR_SQL's rows:
    token, word, folded, similarity).

    Only words about as similar as the best one count, and no word much shorter than the typed one:
    "matmatik" means "matematik", not also "matematikdag"; "fotosyntese" does not mean "fotos"."""
    found: dict[str, list[tuple[str, str, float]]] = {}
    for token, word, folded, similarity in rows:
        found.setdefault(token, []).append((word, folded, similarity))
    result = {}
    for token, candidates in found.items():
        if any(folded == token for _word, folded, _similarity in candidates):
            continue  # a known word: nothing to correct
        usable = [
            (w, f, sim)
            for w, f, sim in candidates
            if words(f) == [f] and len(f) >= MIN_LENGTH_RATIO * len(token) and f not in STOP_WORDS
        ]
        if usable:
            best = max(sim for _w, _f, sim in usable)
            result[token] = [(w, f) for w, f, sim in usable if sim >= best - SIMILARITY_MARGIN][
                :SIMILAR_PER_WORD
            ]
    return result


def phrases(typed: list[str], found: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Up to three corrected queries: each typed word replaced by its 1st, 2nd, 3rd similar word."""
    corrected = []
    for k in range(SIMILAR_PER_WORD):
        phrase = []
        for token in typed:
            options = found.get(token, [])
            phrase.append(options[min(k, len(options) - 1)][0] if options else token)
        corrected.append(" ".join(phrase))
    return list(dict.fromkeys(corrected))
