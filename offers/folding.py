"""Danish text normalisation for search and sorting, the Python twin of SQL offers_fold() (offers migration
0004) and offers_sort_key() (offers migration 0007).

Folding makes "HÅNDVÆRK", "haandværk" and "håndværk" the same word and "café" the same as "cafe", and
is applied to both the offers' search vectors (in the database) and the teacher's query (here).
"""

import re
from functools import lru_cache

# Keep in step with FOLD_FROM/FOLD_TO in offers/migrations/0004_search_quality.py (a test compares them).
FOLD_FROM = "ÆØÅÄäÖöÜüÁÀÂáàâÉÈÊËéèêëÍÌÎÏíìîïÓÒÔóòôÚÙÛúùûÝýÿÇçÑñ/"
FOLD_TO = "æøåææøøuuaaaaaaeeeeeeeeiiiiiiiioooooouuuuuuyyyccnn "
_FOLD_TABLE = str.maketrans(FOLD_FROM, FOLD_TO)
_WORD = re.compile(r"[^\W_]+")
# Danish alphabetical order puts æ, ø, å after z (and "aa" counts as "å").
_SORT_TABLE = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def fold(text: str) -> str:
    return text.translate(_FOLD_TABLE).lower().replace("aa", "å")


def words(text: str) -> list[str]:
    """The folded words (letters and digits) of ``text``; nothing else survives, so they are safe to
    quote inside a tsquery."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=4096)
def danish_sort_key(text: str) -> str:
    """A key that sorts the Danish way by plain code-point order: accents folded, æ, ø, å after z, "aa" as
    "å" (the same as the offers' ``title_sort`` column)."""
    return fold(text).translate(_SORT_TABLE)
