"""English syllable counts: CMUdict table (loaded lazily) plus rule-based fallbacks.

The table ``data/cmudict_syllables.txt.gz`` is derived from the CMU Pronouncing
Dictionary (BSD-style licence, see ``data/LICENSE.cmudict.txt``) by
``scripts/build_cmu_syllables.py``. It is read on the first English look-up, never
at import time, and never over the network.

Order of a look-up (lower-cased word, curly apostrophe folded to ``'``):

1. the CMUdict table;
2. hyphenated words: the sum of their parts;
3. possessive ``'s`` / other clitics: the base word (+1 after a sibilant: *church's*);
4. a common suffix or prefix stripped off a word that is in the table
   (*reevaluations* -> *re* + *evaluations*); ``-ing``/``-ed`` restore a dropped *e*;
5. :func:`heuristic_syllables`, a vowel-group counter with English corrections.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import lru_cache

__all__ = ["count_syllables", "heuristic_syllables", "in_dictionary", "is_loaded", "lookup"]

_DATA_NAME = "cmudict_syllables.txt.gz"
_CMU: Mapping[str, int] | None = None
_LOCK = threading.Lock()


def is_loaded() -> bool:
    """True once the CMUdict table has been read (for tests of lazy loading)."""
    return _CMU is not None


class _SortedTable(Mapping[str, int]):
    """word -> syllables, as the data file stores it: one sorted word list per count.

    Building a dict of 126,000 words took most of a one-pair check's readability
    time; splitting the ten lines and bisecting them costs a fraction of that,
    and each distinct word is looked up once (count_syllables is memoized).
    """

    def __init__(self, text: str) -> None:
        self.groups: list[tuple[int, list[str]]] = []
        for line in text.splitlines():
            count, _, words = line.partition(" ")
            self.groups.append((int(count), words.split(" ")))

    def __getitem__(self, word: str) -> int:
        for count, words in self.groups:
            index = bisect_left(words, word)
            if index < len(words) and words[index] == word:
                return count
        raise KeyError(word)

    def __iter__(self) -> Iterator[str]:
        for _count, words in self.groups:
            yield from words

    def __len__(self) -> int:
        return sum(len(words) for _count, words in self.groups)


def _read_data() -> bytes:
    path = os.path.join(os.path.dirname(__file__), "data", _DATA_NAME)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:  # not a plain folder (a zip import): ask the import system
        from importlib import resources

        return resources.files(__package__).joinpath("data").joinpath(_DATA_NAME).read_bytes()


def _load() -> Mapping[str, int]:
    global _CMU
    if _CMU is not None:
        return _CMU
    with _LOCK:
        if _CMU is None:
            # zlib reads the gzip wrapper itself (wbits 31): no gzip module import.
            _CMU = _SortedTable(zlib.decompress(_read_data(), 31).decode("utf-8"))
    return _CMU


def lookup(word: str) -> int | None:
    """Syllables of ``word`` (lower case) in the CMUdict table, or None."""
    return _load().get(word)


def in_dictionary(word: str) -> bool:
    return word.lower().replace("\u2019", "'") in _load()


# --------------------------------------------------------------------------- heuristic

_VOWEL_RUN = re.compile(r"[aeiouy]+")
# patterns inside a vowel run (or across it) that are two syllables, not one
_ADD = re.compile(
    r"(?:"
    r"[^aeioucgst]ia|"  # media, trivia, giant (not social, militia, Asia)
    r"ie(?:t|st|r$|nt)|"  # diet, quietest, earlier, client
    r"[^g]ua[^r]|"  # dual, actual (not guard, quart)
    r"[^aeiouq]uo|"  # duo, virtuoso
    r"[^aeiou]io(?!us|n)|^ion|^lion|[^aeioucgstxln]ion|"  # radio, patio, champion (not -tion)
    r"eo(?!pl|u)|"  # video, neon, geology (not people, gorgeous)
    r"[aeiouy][^aeiou]+ea$|^crea|"  # idea, area, create (not flea)
    r"(?<![tc])ien[ct]|^scien|"  # audience, science (not patience)
    r"oe[mtl]|^coe|"  # poem, poet, coexist
    r"ii|"  # skiing
    r"[aeiou]{3}|"  # beauteous ... (3 vowels: usually 2 syllables)
    r"^coa|^coo[prd]|^reo|^rea(?!d|l|ch|m|r|s)|^preo|^bio|^geo|^zoo(?=l)|"
    r"(?<![aeiou])[aeiouy]ing|"  # going, doing, being, continuing, flying
    r"eal(?:$|ity|ism|ist)|"
    r"^mc|"
    r"ism$|"
    r"[^aeiouy]le$|[^aeiouy]les$|"  # table, tables: the final e is voiced
    r"[^aeiou]y[aeiou]|"  # y between a consonant and a vowel: cyan, dryad
    r"ua$|uity"
    r")"
)
# patterns where a vowel run counts one syllable less
_SUB = re.compile(
    r"(?:"
    r"[^aeiouy]e$|"  # silent final e: make, phone
    r"[^aeiouy]es$|"  # makes (the -es after sibilants is re-added below)
    r"[^aeiouytd]ed$|"  # jumped, hoped (not wanted, needed)
    r"[^aeiouy]ely$|"  # lovely, completely
    r"[^aeiouy]ement|"  # statement, management
    r"[^aeiouy]eful|[^aeiouy]eness|[^aeiouy]eless"
    r")"
)
_SIBILANT_ES = re.compile(r"(?:[sxz]|[cs]h|[cg])es$")
_Y_CONSONANT = re.compile(r"^y(?=[aeiou])|(?<=[aeiou])y(?=[aeiou])")


def heuristic_syllables(word: str) -> int:
    """Rule-based estimate for an English word not in the dictionary.

    Vowel groups, plus the hiatus patterns of ``_ADD``, minus the silent-e patterns of
    ``_SUB``. At least 1 for a word with a letter (0 for none); a word without a vowel
    is read letter by letter. On CMUdict words scored as if unknown it agrees exactly
    on about 92 % and within one syllable on 99.7 % (see the tests).
    """
    w = word.lower()
    if not w.isalpha():
        w = "".join(ch for ch in w if ch.isalpha())
        if not w:
            return 0
    w = _Y_CONSONANT.sub("j", w)
    n = len(_VOWEL_RUN.findall(w))
    if n == 0:  # no vowel at all: read out letter by letter (npr, tv)
        return sum(3 if ch == "w" else 1 for ch in w)
    if n > 1 or len(w) > 3:
        n += len(_ADD.findall(w))
        n -= len(_SUB.findall(w))
        if _SIBILANT_ES.search(w):  # boxes, wishes, pages: -es is a syllable again
            n += 1
    return max(1, n)


# ---------------------------------------------------------------- morphological fallback

# suffix -> syllables it adds; checked longest first
_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("ization", 3), ("izations", 3), ("ations", 2), ("ation", 2), ("nesses", 2),
    ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("ful", 1), ("fully", 2),
    ("ings", 1), ("ing", 1), ("ers", 1), ("er", 1), ("est", 1), ("ly", 1), ("ity", 2),
    ("able", 2), ("ably", 2), ("ism", 2), ("ist", 1), ("ists", 1), ("ize", 1), ("izes", 2),
    ("ized", 1), ("s", 0), ("es", 0), ("ed", 0),
)
_PREFIXES: tuple[tuple[str, int], ...] = (
    ("counter", 2), ("inter", 2), ("multi", 2), ("super", 2), ("under", 2), ("over", 2),
    ("anti", 2), ("semi", 2), ("post", 1), ("pre", 1), ("non", 1), ("mis", 1), ("dis", 1),
    ("un", 1), ("re", 1), ("sub", 1), ("co", 1), ("self", 1), ("out", 1), ("mid", 1),
)


_SUFFIX_ENDS = tuple(s for s, _ in _SUFFIXES)
_PREFIX_STARTS = tuple(p for p, _ in _PREFIXES)


def _morph(w: str, table: Mapping[str, int]) -> int | None:
    if w.endswith(_SUFFIX_ENDS):
        got = _morph_suffix(w, table)
        if got is not None:
            return got
    if w.startswith(_PREFIX_STARTS):
        for pre, add in _PREFIXES:
            if len(w) > len(pre) + 2 and w.startswith(pre):
                rest = w[len(pre):]
                got = table.get(rest)
                if got is None and rest.endswith(_SUFFIX_ENDS):
                    got = _morph_suffix_only(rest, table)
                if got is not None:
                    return got + add
    return None


def _morph_suffix(w: str, table: Mapping[str, int]) -> int | None:
    for suf, add in _SUFFIXES:
        if len(w) > len(suf) + 2 and w.endswith(suf):
            base = w[: -len(suf)]
            got = table.get(base)
            if got is None and suf in ("ing", "ings", "ed", "er", "ers", "est", "ity", "able",
                                       "ably", "ize", "izes", "ized", "ism", "ist", "ists"):
                got = table.get(base + "e")  # scheduling -> schedule
                if got is not None and suf in ("ed",) and base[-1:] not in ("t", "d"):
                    add = 0
            if got is not None:
                if (suf == "ed" and base[-1:] in ("t", "d")) or (
                    suf == "es" and (base.endswith(("s", "x", "z", "sh", "ch")))
                ):
                    add = 1
                return got + add
    return None


def _morph_suffix_only(w: str, table: Mapping[str, int]) -> int | None:
    for suf, add in _SUFFIXES:
        if len(w) > len(suf) + 2 and w.endswith(suf):
            got = table.get(w[: -len(suf)])
            if got is not None:
                return got + add
    return None


@lru_cache(maxsize=131072)
def count_syllables(word: str) -> int:
    """Syllables of one English word as written in prose (any case; >= 1).

    The caller handles acronyms and numbers; here ``word`` is read as a word.
    """
    w = word.lower()
    if "\u2019" in w or "\u2018" in w:
        w = w.replace("\u2019", "'").replace("\u2018", "'")
    table = _load()
    got = table.get(w)
    if got is not None:
        return got
    if "-" in w or "\u2010" in w:
        parts = [p for p in re.split(r"[-\u2010]+", w) if p]
        return sum(count_syllables(p) for p in parts) or 1
    if "'" in w:
        base, _, clitic = w.partition("'")
        if not base:
            return count_syllables(clitic) if clitic else 1
        n = count_syllables(base)
        if clitic == "s" and base.endswith(("s", "x", "z", "ch", "sh", "ce", "ge")):
            n += 1
        elif clitic in ("ve", "ll", "re", "d", "s", "t", "m", ""):
            pass
        else:
            n += count_syllables(clitic)
        return n
    got = _morph(w, table)
    if got is not None:
        return max(1, got)
    return heuristic_syllables(w)
