"""Rule-based Spanish syllabifier (orthographic syllables, RAE rules).

No data file and no third-party code: the rules below follow the *Ortografía de la
lengua española* (RAE/ASALE 2010), chapter on syllabification.

Vowel nuclei
    * strong (open) vowels: a e o á é ó; weak (closed) vowels: i u ü and a final
      ``y`` (``hoy``, ``muy``, ``Uruguay``) or ``y`` alone (the conjunction).
    * strong + strong  -> hiatus (``le-er``, ``a-é-re-o``, ``po-e-ta``).
    * accented í/ú next to a strong vowel -> hiatus (``dí-a``, ``pa-ís``,
      ``le-í-do``, ``re-ú-ne``); two weak vowels stay a diphthong even with an accent
      (``cuí-da-te``, ``lin-güís-ti-ca``, ``des-truí``).
    * weak + strong, strong + weak, weak + weak -> diphthong (``bue-no``,
      ``ciu-dad``, ``cui-da-do``); weak + strong + weak -> triphthong
      (``es-tu-diáis``, ``U-ru-guay``, ``buey``).  ``ii``/``uu`` -> hiatus
      (``chi-i-ta``).
    * ``qu`` and ``gu`` before e/i carry a silent ``u`` (``que``, ``guía`` = gí-a,
      ``se-guir``); ``ü`` is pronounced and is a weak vowel (``pin-güi-no``).
    * ``h`` is a consonant for division (orthographic rule: ``pro-hi-bir``,
      ``a-hí``, ``bú-ho``), so it always separates vowel runs.

Consonants between nuclei
    * ``ch``, ``ll``, ``rr`` (and ``qu``/``gu`` with a silent u) are one consonant.
    * one consonant goes with the next syllable (``ca-sa``, ``ca-lle``, ``pe-rro``).
    * two: inseparable onsets (pr br tr dr cr gr fr kr pl bl cl gl fl kl tl) go
      together with the next vowel (``o-tro``, ``ha-blar``, ``a-tle-ta``: ``tl`` is
      kept together as in American Spanish); otherwise they split (``ar-te``).
    * three or more: the last consonant, or the last inseparable pair, starts the next
      syllable (``ins-tan-te``, ``som-bra``, ``cons-truir``).

Known limits (they do not change the *count*, only where a hyphen goes): prefixes
(``sub-ra-yar`` is divided ``su-bra-yar``; ``des-a-mor`` as ``de-sa-mor``), and the
phonetic diphthong across ``h`` (``prohi-bir``, 2 nuclei in speech) is counted as the
orthographic 3.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

__all__ = ["count_syllables", "letters_only", "syllabify"]

_STRONG = frozenset("aeoáéó")
_ACCENTED_WEAK = frozenset("íú")
_WEAK = frozenset("iuüy")  # y only when it has been classified as a vowel
_ALL_VOWEL_LETTERS = frozenset("aeiouáéíóúü")
_FRONT = frozenset("eiéí")
_INSEPARABLE = frozenset(
    {"pr", "br", "tr", "dr", "cr", "gr", "fr", "kr", "pl", "bl", "cl", "gl", "fl", "kl", "tl"}
)
# Letters from other languages that show up in Spanish text: fold them to the closest
# Spanish vowel (``ï`` keeps the diaeresis meaning of a separate syllable only in
# verse; it is read as a plain i here).
_FOLD = str.maketrans(
    {
        "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a",
        "è": "e", "ê": "e", "ë": "e",
        "ì": "i", "î": "i", "ï": "i",
        "ò": "o", "ô": "o", "ö": "o", "õ": "o",
        "ù": "u", "û": "u",
        "ç": "c", "ñ": "ñ",
    }
)

# Unit kinds
_C = 0  # consonant (possibly a digraph)
_V = 1  # vowel


def letters_only(word: str) -> str:
    """Lower-case ``word`` and keep only its letters (drops apostrophes, hyphens)."""
    w = word.lower().translate(_FOLD)
    if w.isalpha():
        return w
    return "".join(ch for ch in w if ch.isalpha())


def _units(w: str) -> list[tuple[int, str]]:
    """Split a lower-case, letters-only word into consonant and vowel units."""
    units: list[tuple[int, str]] = []
    n = len(w)
    i = 0
    while i < n:
        ch = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        if ch in ("q", "g") and nxt == "u" and i + 2 < n and w[i + 2] in _FRONT:
            units.append((_C, ch + "u"))  # silent u: que, quien, guerra, guía
            i += 2
            continue
        if (ch == "c" and nxt == "h") or (ch == "l" and nxt == "l") or (ch == "r" and nxt == "r"):
            units.append((_C, ch + nxt))
            i += 2
            continue
        if ch == "y":
            # a vowel when no vowel follows it: y, hoy, muy, rey-na; else a consonant
            if nxt == "" or nxt not in _ALL_VOWEL_LETTERS:
                units.append((_V, "y"))
            else:
                units.append((_C, "y"))
            i += 1
            continue
        units.append((_V if ch in _ALL_VOWEL_LETTERS else _C, ch))
        i += 1
    return units


def _vclass(v: str) -> int:
    if v in _ACCENTED_WEAK:
        return 2
    if v in _STRONG:
        return 1
    return 0  # weak


def _nuclei(units: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Return (start, end) unit-index ranges of the vowel nuclei."""
    nuclei: list[tuple[int, int]] = []
    i = 0
    n = len(units)
    while i < n:
        if units[i][0] != _V:
            i += 1
            continue
        start = i
        prev = units[i][1]
        has_peak = _vclass(prev) != 0  # a strong vowel or an accented í/ú
        length = 1
        i += 1
        while i < n and units[i][0] == _V:
            cur = units[i][1]
            ccls = _vclass(cur)
            split = (
                (ccls != 0 and has_peak)  # strong/accented after a peak: le-er, dí-a, pa-ís
                or length >= 3
                or (ccls == 0 and cur == prev)  # chi-i-ta, du-un-vi-ro
            )
            if split:
                nuclei.append((start, i))
                start = i
                has_peak = ccls != 0
                length = 1
            else:
                has_peak = has_peak or ccls != 0
                length += 1
            prev = cur
            i += 1
        nuclei.append((start, i))
    return nuclei


def syllabify(word: str) -> list[str]:
    """Divide a Spanish word into orthographic syllables (lower case, letters only).

    >>> syllabify("aéreo")
    ['a', 'é', 're', 'o']
    >>> syllabify("construcción")
    ['cons', 'truc', 'ción']
    """
    w = letters_only(word)
    if not w:
        return []
    units = _units(w)
    nuclei = _nuclei(units)
    if not nuclei:
        return [w]
    # boundaries: unit index where each syllable after the first starts
    cuts: list[int] = []
    for (_, end), (nstart, _) in pairwise(nuclei):
        cluster = units[end:nstart]
        k = len(cluster)
        if k <= 1:
            cuts.append(end)
        else:
            pair = cluster[-2][1] + cluster[-1][1]
            if len(cluster[-2][1]) == 1 and len(cluster[-1][1]) == 1 and pair in _INSEPARABLE:
                cuts.append(nstart - 2)
            else:
                cuts.append(nstart - 1)
    out: list[str] = []
    prev = 0
    for cut in cuts:
        out.append("".join(u[1] for u in units[prev:cut]))
        prev = cut
    out.append("".join(u[1] for u in units[prev:]))
    return out


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Number of syllables of a Spanish word (at least 1 for any non-empty word).

    A word without any vowel (``sr``, ``pst``, a lone consonant) counts as 1.
    """
    w = letters_only(word)
    if not w:
        return 0
    return max(1, len(_nuclei(_units(w))))
