"""Word tokens and their syllables, per language.

What counts as one word (Flesch's instructions: contractions, hyphenated words,
abbreviations, figures and symbols are single words, counted as read aloud):

* a run of letters with internal apostrophes or hyphens (``don't``, ``well-known``,
  ``teórico-práctico``);
* a known abbreviation, periods included, spaces allowed inside (``Dr.``, ``e.g.``,
  ``U.S.``, ``EE. UU.``, ``p. ej.``): syllables of its spoken expansion (``Sra.`` =
  señora = 3, ``EE. UU.`` = Estados Unidos = 6, ``e.g.`` = "ee-jee" = 2);
* a dotted acronym (``D.C.``): its letter names;
* a figure (``504``, ``3.5``, ``$15``, ``7%``, ``1st``): syllables as spoken, see
  :mod:`.numbers`;
* ``&`` (and / y) and ``§`` (section / sección).

Acronyms in capitals (2+ capitals, optional plural ``s``: ``IEP``, ``IEPs``) are
spoken as letter names (EN: ``IEP`` = 3, ``PWN`` = 5 with W = "double-u"; ES:
``PEI`` = pe-e-i = 3, ``TDAH`` = te-de-a-hache = 5), except the small ``*_WORDLIKE``
tables of acronyms read as words (``FAPE``: EN 1, ES 2) or expanded (``IDEA`` is
I-D-E-A = 4 in English, read *idea* = 3 in Spanish). Longer words in capitals are
read as words: in English when the lower-case form is in CMUdict (``NOTE``), in
Spanish when they look pronounceable (``AVISO``). A sentence written entirely in
capitals (3+ words) is read as ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import syllables_en, syllables_es
from .numbers import number_syllables

__all__ = ["EN_WORDLIKE", "ES_WORDLIKE", "token_counter", "tokenizer"]

EN_ABBR: dict[str, int] = {
    "dr.": 2, "drs.": 2, "mr.": 2, "mrs.": 2, "ms.": 1, "prof.": 3, "sr.": 2, "jr.": 2,
    "st.": 1, "dept.": 3, "vs.": 2, "e.g.": 2, "i.e.": 2, "u.s.": 2, "etc.": 4, "a.m.": 2,
    "p.m.": 2, "approx.": 5, "no.": 2, "nos.": 2, "sec.": 2,
}
ES_ABBR: dict[str, int] = {
    "sr.": 2, "sra.": 3, "srta.": 4, "sres.": 3, "dr.": 2, "dra.": 3, "lic.": 5, "ud.": 2,
    "uds.": 3, "ee.uu.": 6, "p.ej.": 4, "etc.": 4, "núm.": 3, "pág.": 3, "art.": 4,
    "aprox.": 7, "tel.": 4, "depto.": 5, "a.m.": 3, "p.m.": 3, "no.": 3, "e.g.": 4,
    "u.s.": 2,
}
# Abbreviations only taken as such before a figure ("No. 5"); "No." elsewhere is the word.
_DIGIT_ONLY = ("no.", "nos.", "sec.")

EN_WORDLIKE: dict[str, int] = {
    "FAPE": 1, "IDEA": 4, "FERPA": 2, "HIPAA": 2, "NASA": 2, "COVID": 2, "ESSA": 2,
    "OSEP": 2, "OSERS": 2, "NATO": 2, "AIDS": 1, "PIN": 1, "STEM": 1,
}
ES_WORDLIKE: dict[str, int] = {
    "EE": 3, "UU": 3, "EEUU": 6, "IDEA": 3, "FAPE": 2, "ONU": 2, "OTAN": 2, "COVID": 2,
    "SIDA": 2, "OSEP": 2, "UNESCO": 3,
}
_ES_LETTERS: dict[str, int] = {
    "f": 2, "h": 2, "j": 2, "l": 2, "m": 2, "n": 2, "ñ": 2, "r": 2, "s": 2, "w": 3, "x": 2,
    "z": 2,
}  # every other letter name has one syllable (a, be, ce, de, e, ge, i, ka, o, pe, cu, te, u, ve, ye)


def _abbr_pattern(keys: list[str]) -> str:
    alts = []
    for key in sorted(keys, key=len, reverse=True):
        parts = [re.escape(p + ".") for p in key.rstrip(".").split(".")]
        pat = r"\s?".join(parts)
        if key in _DIGIT_ONLY:
            pat += r"(?=\s?\d)"
        alts.append(pat)
    # the look-ahead lets most positions fail before the case-insensitive alternation
    return r"(?=[^\W\d_]{1,6}\.)(?<![^\W\d_])(?i:" + "|".join(alts) + r")"


_NUMBER = r"\$?[0-9]+(?:[.,][0-9]+)*(?:\.?[ºª]|st|nd|rd|th)?%?"
_WORD = r"[^\W\d_]+(?:['’\-‐][^\W\d_]+)*"
_DOTTED = r"(?:[^\W\d_]\.){2,}"


_SIMPLE = re.compile(f"{_NUMBER}|{_WORD}|[&§]")


@lru_cache(maxsize=2)
def _full_tokenizer(lang: str) -> re.Pattern[str]:
    abbr = EN_ABBR if lang == "en" else ES_ABBR
    return re.compile(
        "|".join((_abbr_pattern(list(abbr)), _DOTTED, _NUMBER, _WORD, r"[&§]"))
    )


@lru_cache(maxsize=2)
def tokenizer(lang: str) -> Callable[[str], list[str]]:
    """Word tokens of one sentence in ``lang`` (regexes compiled on first use).

    Abbreviations and dotted acronyms need a period that is not the sentence's last
    character (or a final ``etc.``-like abbreviation); other sentences take a
    simpler, faster pattern that gives the same tokens.
    """
    full = _full_tokenizer(lang).findall
    simple = _SIMPLE.findall
    final_abbr = tuple(
        k for k in (EN_ABBR if lang == "en" else ES_ABBR) if k.count(".") == 1
    )
    final_abbr += tuple(k.capitalize() for k in final_abbr) + tuple(k.upper() for k in final_abbr)

    def tokens(sentence: str) -> list[str]:
        if sentence.find(".", 0, len(sentence) - 1) == -1 and not sentence.endswith(final_abbr):
            return simple(sentence)
        return full(sentence)

    return tokens


def _spell_en(letters: str) -> int:
    return sum(3 if ch in "wW" else 1 for ch in letters if ch.isalpha())


def _spell_es(letters: str) -> int:
    return sum(_ES_LETTERS.get(ch, 1) for ch in letters.lower() if ch.isalpha())


def _acronym_base(tok: str) -> str | None:
    """``IEP``/``IEPs``/``IEP's`` -> ``IEP``; None if ``tok`` is not in capitals."""
    base = tok
    if base.endswith(("'s", "’s")):
        base = base[:-2]
    elif base.endswith("s") and len(base) > 2:
        base = base[:-1]
    if len(base) >= 2 and base.isupper() and base.isalpha():
        return base
    return None


_ES_VOWELS = frozenset("aeiouáéíóúü")
_ES_HARD = re.compile(r"[^aeiouáéíóúü]{3}|[^aeiouáéíóúüns]{2}$")


def _pronounceable_es(word: str) -> bool:
    w = word.lower()
    return sum(ch in _ES_VOWELS for ch in w) >= 2 and not _ES_HARD.search(w)


@lru_cache(maxsize=131072)
def _en_token(tok: str) -> int:
    c = tok[0]
    if "0" <= c <= "9" or c == "$":
        return number_syllables(tok, "en")
    if c == "&":
        return 1
    if c == "§":
        return 2
    if "." in tok:
        n = EN_ABBR.get("".join(tok.lower().split()))
        return n if n is not None else _spell_en(tok)
    base = _acronym_base(tok)
    if base is not None:
        n = EN_WORDLIKE.get(base)
        if n is not None:
            return n
        if len(base) >= 7 or (len(base) >= 4 and syllables_en.in_dictionary(base)):
            return syllables_en.count_syllables(tok)
        return _spell_en(base)
    return syllables_en.count_syllables(tok) or 1  # "¹", "½": letters without vowels


@lru_cache(maxsize=131072)
def _es_token(tok: str) -> int:
    c = tok[0]
    if "0" <= c <= "9" or c == "$":
        return number_syllables(tok, "es")
    if c == "&":
        return 1
    if c == "§":
        return 2
    if "." in tok:
        n = ES_ABBR.get("".join(tok.lower().split()))
        return n if n is not None else _spell_es(tok)
    base = _acronym_base(tok)
    if base is not None:
        n = ES_WORDLIKE.get(base)
        if n is not None:
            return n
        if len(base) >= 4 and _pronounceable_es(base):
            return syllables_es.count_syllables(base)
        return _spell_es(base)
    return syllables_es.count_syllables(tok) or 1


@lru_cache(maxsize=65536)
def _en_token_caps(tok: str) -> int:
    """In a sentence written all in capitals, read dictionary words as words."""
    if tok.isalpha() and tok not in EN_WORDLIKE and syllables_en.in_dictionary(tok):
        return syllables_en.count_syllables(tok)
    return _en_token(tok)


@lru_cache(maxsize=65536)
def _es_token_caps(tok: str) -> int:
    if tok.isalpha() and tok not in ES_WORDLIKE and any(ch in _ES_VOWELS for ch in tok.lower()):
        return syllables_es.count_syllables(tok)
    return _es_token(tok)


def token_counter(lang: str, *, all_caps: bool = False) -> Callable[[str], int]:
    """The per-token syllable function for ``lang`` ("en" or "es")."""
    if lang == "en":
        return _en_token_caps if all_caps else _en_token
    return _es_token_caps if all_caps else _es_token
