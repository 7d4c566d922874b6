"""Syllables of figures read aloud (English and Spanish).

Choice (documented in the package docstring): a figure is **one word** whose
syllables are those of the figure *as spoken*, following Flesch's counting
instructions (figures and symbols count as words, syllables as read aloud). So
``504`` is "five-oh-four" (3), ``2026`` is "twenty twenty-six" (5) in English and
"dos mil veintiséis" (5) in Spanish, ``3.5`` is "three point five" (3), ``$15``
adds "dollars", ``7%`` adds "percent"/"por ciento".

Readings are an approximation of common usage, not a full number-to-words engine:
English 4-digit numbers between 1100 and 2099 (not multiples of 100, nor 2000-2009)
are read as years in pairs; 3-digit numbers with a zero in the middle as
"five-oh-four"; decimals digit by digit after "point"/"punto"; very large numbers
(>= 10**12) digit by digit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import syllables_es

__all__ = ["number_syllables"]

# ---------------------------------------------------------------- English
_EN_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # zero..nineteen
_EN_TENS = {2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 3, 8: 2, 9: 2}  # twenty..ninety
_EN_HUNDRED = 2
_EN_SCALES = ((10**9, 2), (10**6, 2), (10**3, 2))  # billion, million, thousand


def _en_int(n: int) -> int:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (_EN_ONES[ones] if ones else 0)
    if n < 1000:
        h, rest = divmod(n, 100)
        return _EN_ONES[h] + _EN_HUNDRED + (_en_int(rest) if rest else 0)
    for scale, syl in _EN_SCALES:
        if n >= scale:
            head, rest = divmod(n, scale)
            return _en_int(head) + syl + (_en_int(rest) if rest else 0)
    raise AssertionError  # pragma: no cover


def _en_digits(digits: str) -> int:
    # Counted per digit value, not per character: a fuzzed guide's number of a
    # million digits is read in C ("0" is read "oh").
    return sum(digits.count(d) * (1 if d == "0" else _EN_ONES[int(d)]) for d in "0123456789")


def _en_integer_text(digits: str) -> int:
    if len(digits) > 1 and digits.startswith("0"):
        return _en_digits(digits)  # 007, 0800
    if len(digits) > 12:
        return _en_digits(digits)  # read digit by digit (and int() refuses 4,300+ digits)
    n = int(digits)
    if n >= 10**12:
        return _en_digits(digits)
    if len(digits) == 4 and (1100 <= n <= 1999 or 2010 <= n <= 2099) and n % 100:
        hi, lo = divmod(n, 100)
        return _en_int(hi) + (1 + _EN_ONES[lo] if lo < 10 else _en_int(lo))  # nineteen oh five
    if len(digits) == 4 and 1100 <= n <= 1999 and n % 100 == 0:
        return _en_int(n // 100) + _EN_HUNDRED  # nineteen hundred
    if len(digits) == 3 and digits[1] == "0" and digits[2] != "0":
        return _EN_ONES[int(digits[0])] + 1 + _EN_ONES[int(digits[2])]  # five-oh-four
    return _en_int(n)


# ---------------------------------------------------------------- Spanish
_ES_UNITS = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
    "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós",
    "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve",
]
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta",
            8: "ochenta", 9: "noventa"}
_ES_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos",
                5: "quinientos", 6: "seiscientos", 7: "setecientos", 8: "ochocientos",
                9: "novecientos"}


def _es_words(n: int) -> list[str]:
    if n < 30:
        return [_ES_UNITS[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [_ES_TENS[tens]] + (["y", _ES_UNITS[ones]] if ones else [])
    if n < 1000:
        h, rest = divmod(n, 100)
        if n == 100:
            return ["cien"]
        return [_ES_HUNDREDS[h]] + (_es_words(rest) if rest else [])
    if n < 10**6:
        th, rest = divmod(n, 1000)
        head = [] if th == 1 else _es_words(th)
        return head + ["mil"] + (_es_words(rest) if rest else [])
    if n < 10**12:
        mi, rest = divmod(n, 10**6)
        head = ["un", "millón"] if mi == 1 else [*_es_words(mi), "millones"]
        return head + (_es_words(rest) if rest else [])
    return [_ES_UNITS[int(d)] for d in str(n)]


def _es_count(words: list[str]) -> int:
    return sum(syllables_es.count_syllables(w) for w in words)


def _es_integer_text(digits: str) -> int:
    if (len(digits) > 1 and digits.startswith("0")) or len(digits) > 12:
        return _es_digits(digits)
    return _es_count(_es_words(int(digits)))


def _es_digits(digits: str) -> int:
    # Per digit value, as in _en_digits.
    return sum(digits.count(d) * syllables_es.count_syllables(_ES_UNITS[int(d)]) for d in "0123456789")


# ---------------------------------------------------------------- both
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_SPLIT = re.compile(r"[.,]")


@lru_cache(maxsize=8192)
def number_syllables(token: str, lang: str) -> int:
    """Syllables of a numeric token as read aloud in ``lang`` ("en" or "es").

    ``token`` is a figure as matched by the tokenizer: optional ``$``, digits with
    ``.``/``,`` separators, an optional ordinal suffix (``st nd rd th º ª``) and an
    optional ``%``.
    """
    extra = 0
    t = token
    if t.startswith("$"):
        extra += 2 if lang == "en" else 3  # dollars / dólares
        t = t[1:]
    if t.endswith("%"):
        extra += 2 if lang == "en" else 3  # percent / por ciento
        t = t[:-1]
    ordinal_bump = 0
    stripped = t.rstrip("abcdefghijklmnopqrstuvwxyzºª.")
    if stripped != t:
        if lang == "en" and t[len(stripped):].lower() in ("nd",) and not stripped.endswith("12"):
            ordinal_bump = 1  # second vs two
        t = stripped
    if not t:
        return max(1, extra)
    integer_text = _en_integer_text if lang == "en" else _es_integer_text
    digits_text = _en_digits if lang == "en" else _es_digits
    point = 1 if lang == "en" else 2  # point / punto (coma)
    if _THOUSANDS.match(t):
        n = integer_text(t.replace(",", ""))
    else:
        parts = [p for p in _SPLIT.split(t) if p]
        if not parts:
            return max(1, extra)
        n = integer_text(parts[0])
        for p in parts[1:]:
            n += point + digits_text(p)
    return n + extra + ordinal_bump
