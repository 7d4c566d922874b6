"""Numbers written as words, in English and Spanish: cardinals 0-99, ordinals (English to 31st).

"one year" and "1 año", "three business days" and "3 días hábiles" agree;
the parity checks use these tables to read the words. Keys are lower case
and accent-free (see :func:`contentlint.bilingual.text.strip_accents`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from contentlint.content.text import strip_accents

_EN_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_EN_TENS = {
    20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
}
_EN_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
]
_ES_UNITS = [
    "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
    "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidos",
    "veintitres", "veinticuatro", "veinticinco", "veintiseis", "veintisiete", "veintiocho", "veintinueve",
]
_ES_TENS = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta", 90: "noventa"}
_ES_ORDINALS = {
    1: ("primero", "primera", "primer", "primeros", "primeras"),
    2: ("segundo", "segunda"),
    3: ("tercero", "tercera", "tercer"),
    4: ("cuarto", "cuarta"),
    5: ("quinto", "quinta"),
    6: ("sexto", "sexta"),
    7: ("septimo", "septima"),
    8: ("octavo", "octava"),
    9: ("noveno", "novena"),
    10: ("decimo", "decima"),
    11: ("undecimo", "undecima"),
    12: ("duodecimo", "duodecima"),
    20: ("vigesimo", "vigesima"),
    30: ("trigesimo", "trigesima"),
}


def _english() -> tuple[dict[str, int], dict[str, int]]:
    cardinals = {word: value for value, word in enumerate(_EN_UNITS)}
    for tens, word in _EN_TENS.items():
        cardinals[word] = tens
        for unit in range(1, 10):
            for joiner in ("-", " "):
                cardinals[f"{word}{joiner}{_EN_UNITS[unit]}"] = tens + unit
    cardinals["hundred"] = cardinals["one hundred"] = cardinals["a hundred"] = 100
    ordinals = {word: value for value, word in enumerate(_EN_ORDINALS, start=1)}
    ordinals["thirtieth"] = 30
    for unit in range(1, 10):
        for joiner in ("-", " "):
            ordinals[f"twenty{joiner}{_EN_ORDINALS[unit - 1]}"] = 20 + unit
    ordinals["thirty-first"] = ordinals["thirty first"] = 31
    return cardinals, ordinals


def _spanish() -> tuple[dict[str, int], dict[str, int]]:
    cardinals = {word: value for value, word in enumerate(_ES_UNITS)}
    cardinals.update({"un": 1, "una": 1, "veintiun": 21, "veintiuna": 21, "cien": 100, "ciento": 100})
    for tens, word in _ES_TENS.items():
        cardinals[word] = tens
        for unit in range(1, 10):
            cardinals[f"{word} y {_ES_UNITS[unit]}"] = tens + unit
        cardinals[f"{word} y un"] = cardinals[f"{word} y una"] = tens + 1
    ordinals = {form: value for value, forms in _ES_ORDINALS.items() for form in forms}
    return cardinals, ordinals


_TABLES = {"en": _english(), "es": _spanish()}
# "a year", "an hour": the article is a number only in front of a unit.
_EN_ARTICLES = {"a": 1, "an": 1}


def cardinals(lang: str) -> dict[str, int]:
    """Cardinal words -> value."""
    return _TABLES[lang][0]


def value_of(words: str, lang: str, with_articles: bool = False) -> int | None:
    """The value of a number written in words (accents and case ignored)."""
    key = strip_accents(words.lower()).replace("\u2011", "-")
    key = re.sub(r"\s+", " ", key)
    found = _TABLES[lang][0].get(key)
    if found is None and with_articles and lang == "en":
        found = _EN_ARTICLES.get(key)
    return found


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-\u2011][^\W\d_]+)?")


def word_values(text: str, lang: str) -> Counter[int]:
    """Every value written in words in ``text`` (cardinals and ordinals), counted."""
    cards, ords = _TABLES[lang]
    out: Counter[int] = Counter()
    tokens = [_folded(t.lower()) for t in _WORD_RE.findall(text)]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        value = cards.get(token, ords.get(token))
        index += 1
        if value is None:
            continue
        if lang == "es" and value in _ES_TENS and index + 1 < len(tokens) and tokens[index] == "y":
            compound = cards.get(f"{token} y {tokens[index + 1]}")
            if compound is not None:  # "treinta y una" is 31, not 30 and 1
                value, index = compound, index + 2
        out[value] += 1
    return out


@lru_cache(maxsize=1 << 16)  # guides repeat their words; bounded for hostile input
def _folded(word: str) -> str:
    return strip_accents(word)


# One-word numbers of 2 and more ("one"/"un"/"una" are articles as often as numbers),
# per language, accent-free: the cheap test before :func:`word_values`.
_SPOTTERS = {
    lang: frozenset(key for table in tables for key, value in table.items() if value >= 2 and " " not in key)
    for lang, tables in _TABLES.items()
}


def values_in_words(text: str, lang: str) -> set[int]:
    """The values of 2 and more written in words in ``text`` ("three years" -> {3}), so that
    alignment can tie "3 years" to "tres años"; a set test first, as most blocks have none."""
    spotters = _SPOTTERS.get(lang)
    if not spotters:
        return set()
    # The words as word_values reads them, tested against the spotters in C; only the
    # words with a letter beyond ASCII ("dieciséis") are folded, each once per run.
    lowered = text.lower()
    words = _WORD_RE.findall(lowered)
    if spotters.isdisjoint(words) and (
        lowered.isascii() or not any(_folded(word) in spotters for word in words if not word.isascii())
    ):
        return set()
    return {value for value in word_values(text, lang) if value >= 2}

