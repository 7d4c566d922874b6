"""Corrections for a misspelled word, found in the shipped word set in milliseconds.

Why: Hunspell's own suggestion search (spylls, pure Python) takes 0.1-2.5 s a word.
Nearly every real misspelling is one edit away from the word meant (a letter left
out, added, replaced, two letters swapped) or lacks an accent, so every word that
near is generated and looked up by bisection in the sorted word set
(:mod:`contentlint.language.wordset`): about 700 lookups for a ten-letter Spanish
word. When none is a word, the accent variants of each of them are tried too
("evaluacon" -> "evaluacion" -> "evaluación"), still bounded (a few thousand lookups).

Ranking, best first (no frequency list ships with contentlint, so the order comes
from how writers and translators err):

1. the same word with its accents, ñ or ü ("evaluacion" -> "evaluación");
2. one edit that writers make by sound or habit: b/v, c/s/z, g/j, i/y, m/n, a silent
   h, a doubled or undoubled letter, two letters swapped, and the dictionary's own
   replacement table (its ``REP`` lines: "ll"/"y", "cc"/"x");
3. a letter replaced by a neighbour on the keyboard (QWERTY);
4. any other single edit;
5. an edit plus an accent (rank 4's cost and a little more);
6. when nothing above is a word: two slips of habit ("reccomend" -> "recommend").

Ranks 5 and 6 together make at most 20,000 lookups (about 0.3 s on a long word of
nonsense; a real misspelling takes 2-20 ms), and the speller stops suggesting after a
few seconds of it in one run (a guide of pasted nonsense still gets its findings).

An edit to the first letter costs more (writers rarely get it wrong). A word the
project's guides already use correctly stands in for a frequency list: it costs
less (so ranks 2-5 mix). Ties go to the candidate first in alphabetical order.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

ALPHABETS = {"en": "abcdefghijklmnopqrstuvwxyz", "es": "abcdefghijklmnopqrstuvwxyzáéíóúüñ"}
# Letters writers confuse by sound (Spanish seseo, b/v, the silent h) or habit.
_SOUND_ALIKE = frozenset(
    pair for a, b in ("bv", "sz", "cs", "cz", "gj", "iy", "mn", "ck", "cq", "xs", "ao", "ei", "ie")
    for pair in ((a, b), (b, a))
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjklñ", "zxcvbnm")
_COST_ACCENT = 0.0
_COST_HABIT = 1.0
_COST_KEYBOARD = 1.3
_COST_OTHER = 1.6
_COST_FIRST_LETTER = 0.6
_COST_PLUS_ACCENT = 0.3
_COST_SEEN = 0.8
# Beyond this length the candidates grow past the bound this module promises.
MAX_LENGTH = 40


def _neighbours() -> dict[str, frozenset[str]]:
    """The keys around each letter key of a QWERTY keyboard (Spanish layout: ñ after l)."""
    where = {char: (row, col) for row, keys in enumerate(_KEYBOARD_ROWS) for col, char in enumerate(keys)}
    return {
        char: frozenset(other for other, (row2, col2) in where.items()
                        if other != char and abs(row - row2) <= 1 and abs(col - col2) <= 1)
        for char, (row, col) in where.items()
    }


_NEAR_KEYS = _neighbours()


def _plain(char: str) -> str:
    """A letter without its accent (ñ is a letter of its own)."""
    if char == "ñ":
        return char
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def _substitution_cost(old: str, new: str) -> float:
    if _plain(old) == _plain(new):
        return _COST_ACCENT
    if (_plain(old), _plain(new)) in _SOUND_ALIKE:
        return _COST_HABIT
    if new in _NEAR_KEYS.get(old, ()):
        return _COST_KEYBOARD
    return _COST_OTHER


def edits(word: str, alphabet: str, replacements: tuple[tuple[str, str], ...] = ()) -> Iterator[tuple[str, float]]:
    """Every string one edit from ``word`` (lower case), with the cost of that edit."""
    for index in range(len(word)):
        first = _COST_FIRST_LETTER if index == 0 else 0.0
        char = word[index]
        doubled = (index > 0 and word[index - 1] == char) or (index + 1 < len(word) and word[index + 1] == char)
        deleted = _COST_HABIT if doubled or char == "h" else _COST_OTHER
        yield word[:index] + word[index + 1 :], deleted + first
        if index + 1 < len(word) and word[index + 1] != char:
            yield word[:index] + word[index + 1] + char + word[index + 2 :], _COST_HABIT + first
        for new in alphabet:
            if new != char:
                cost = _substitution_cost(char, new)
                yield word[:index] + new + word[index + 1 :], cost + (first if cost else 0.0)
    for index in range(len(word) + 1):
        first = _COST_FIRST_LETTER if index == 0 else 0.0
        for new in alphabet:
            repeats = (index > 0 and word[index - 1] == new) or (index < len(word) and word[index] == new)
            cost = _COST_HABIT if repeats or new == "h" else _COST_OTHER
            yield word[:index] + new + word[index:], cost + first
    for old, new in replacements:
        start = word.find(old)
        while start != -1:
            yield word[:start] + new + word[start + len(old) :], _COST_HABIT
            start = word.find(old, start + 1)


def _accented(word: str) -> Iterator[str]:
    """``word`` with one accent, ñ or ü added."""
    for index, char in enumerate(word):
        for accented in {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü", "n": "ñ"}.get(char, ""):
            yield word[:index] + accented + word[index + 1 :]


def nearby(word: str, lang: str, known: Callable[[str], bool], limit: int = 3,
           seen: Callable[[str], bool] | None = None, replacements: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """Up to ``limit`` words that ``known`` accepts, one edit (or one edit and an
    accent) from ``word``, best first (see the module docstring); the capital of a
    capitalized word is kept. ``seen``: the words the project itself uses, preferred;
    ``replacements``: the dictionary's ``REP`` table (:func:`replacement_table`)."""
    if not word or len(word) > MAX_LENGTH:
        return []
    lower = word.lower()
    alphabet = ALPHABETS.get(lang, ALPHABETS["en"])
    best: dict[str, float] = {}
    tried: set[str] = {lower}
    unknown: list[tuple[str, float]] = []
    for candidate, cost in edits(lower, alphabet, replacements):
        if candidate in tried or not candidate:
            continue
        tried.add(candidate)
        if known(candidate):
            best[candidate] = cost
        elif lang == "es":
            unknown.append((candidate, cost))
    budget = [_MAX_SECOND_LOOKUPS]  # the lookups left for the two searches below, together
    if not best or min(best.values()) > _COST_HABIT:
        # One edit and one accent: "evaluacon" -> "evaluacion" -> "evaluación".
        best.update(_edit_and_accent(unknown, known, tried, budget))
    if not best:
        # Two slips of habit: "reccomend" (a letter doubled, another not), "neccesary",
        # "tommorow".
        best = _two_habits(lower, lang, known, tried, budget)
    if seen is not None:
        # The project's own words stand in for a frequency list: a word the guides
        # already use is the likelier one ("evaluación" in a library about evaluations).
        best = {found: cost - _COST_SEEN if seen(found) else cost for found, cost in best.items()}
    ranked = sorted(best, key=lambda found: (best[found], found))[:limit]
    if word[:1].isupper():
        ranked = [found[:1].upper() + found[1:] for found in ranked]
    return ranked


_VOWELS = {"en": "aeiouy", "es": "aeiouáéíóú"}
_COST_TWO_HABITS = 2.2
_MAX_SECOND_LOOKUPS = 20_000


def habit_edits(word: str, lang: str) -> Iterator[str]:
    """The edits of habit alone: a letter doubled or undoubled, two letters swapped,
    a vowel for another, a sound-alike letter, a silent h left out or added."""
    vowels = _VOWELS.get(lang, _VOWELS["en"])
    for index, char in enumerate(word):
        if (index + 1 < len(word) and word[index + 1] == char) or char == "h":
            yield word[:index] + word[index + 1 :]
        yield word[:index] + char + word[index:]
        if index + 1 < len(word) and word[index + 1] != char:
            yield word[:index] + word[index + 1] + char + word[index + 2 :]
        plain = _plain(char)
        for new in vowels if plain in vowels else "":
            if new != char:
                yield word[:index] + new + word[index + 1 :]
        for old, new in _SOUND_ALIKE:
            if old == plain and new not in "aeiou":
                yield word[:index] + new + word[index + 1 :]
    if lang == "es":
        for index in range(len(word) + 1):
            yield word[:index] + "h" + word[index:]


def _edit_and_accent(unknown: list[tuple[str, float]], known: Callable[[str], bool], tried: set[str],
                     budget: list[int]) -> dict[str, float]:
    found: dict[str, float] = {}
    for candidate, cost in unknown:
        for accented in _accented(candidate):
            if accented in tried:
                continue
            tried.add(accented)
            budget[0] -= 1
            if known(accented):
                found[accented] = cost + _COST_PLUS_ACCENT
            if budget[0] <= 0:
                return found
    return found


def _two_habits(word: str, lang: str, known: Callable[[str], bool], tried: set[str],
                budget: list[int]) -> dict[str, float]:
    found: dict[str, float] = {}
    for first in dict.fromkeys(habit_edits(word, lang)):
        for second in habit_edits(first, lang):
            if second in tried or second == word:
                continue
            tried.add(second)
            budget[0] -= 1
            if known(second):
                found[second] = _COST_TWO_HABITS
            if budget[0] <= 0:
                return found
    return found


@functools.lru_cache(maxsize=2)
def replacement_table(path: Path) -> tuple[tuple[str, str], ...]:
    """The ``REP`` lines of the affix file at ``path`` (common misspellings of several
    letters, as Hunspell reads them), without those that join words ("a_lot")."""
    out = []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 3 and parts[0] == "REP" and "_" not in parts[2] and not (
                        set("^$") & set(parts[1] + parts[2])):
                    out.append((parts[1].lower(), parts[2].lower()))
    except OSError:
        return ()
    return tuple(out)
