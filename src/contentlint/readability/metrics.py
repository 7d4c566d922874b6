"""Readability formulas from counts, with their interpretation bands.

Every function takes counts (words W, sentences S, syllables Y) and returns an
unrounded float; the caller rounds for display. W and S must be positive.

English
    * Flesch Reading Ease (Flesch 1948): ``206.835 - 1.015*W/S - 84.6*Y/W``.
    * Flesch-Kincaid grade (Kincaid et al. 1975): ``0.39*W/S + 11.8*Y/W - 15.59``.

Spanish
    * Fernández Huerta (1959) in the **corrected** form (Gwillim Law, LINGUIST List
      22.2332, 2011; legible.es; the form textstat and legibilidad implement):
      ``206.84 - 60*Y/W - 1.02*W/S``. ``60*Y/W`` equals ``0.60*P`` with P = syllables
      per 100 words; the second term uses words per *sentence*. The often-printed
      ``- 1.02*F`` with F = sentences per 100 words is the misprint: it makes more
      sentences read *harder* (shared/reference/readability.md §2.3).
    * Szigriszt-Pazos perspicuity (1993): ``206.835 - 62.3*Y/W - W/S``, read on the
      INFLESZ scale (Barrio-Cantalejo et al. 2008).
    * Crawford (1984/85), years of schooling:
      ``-0.205*(S per 100 W) + 0.049*(Y per 100 W) - 3.407``.
"""

from __future__ import annotations

__all__ = [
    "INFLESZ_BANDS",
    "crawford_grade",
    "fernandez_huerta",
    "fernandez_huerta_band",
    "flesch_band",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "inflesz_band",
    "szigriszt_pazos",
]


def _check(words: int, sentences: int) -> None:
    if words <= 0 or sentences <= 0:
        raise ValueError("readability formulas need at least one word and one sentence")


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    _check(words, sentences)
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    _check(words, sentences)
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def fernandez_huerta(words: int, sentences: int, syllables: int) -> float:
    _check(words, sentences)
    return 206.84 - 60.0 * (syllables / words) - 1.02 * (words / sentences)


def szigriszt_pazos(words: int, sentences: int, syllables: int) -> float:
    _check(words, sentences)
    return 206.835 - 62.3 * (syllables / words) - (words / sentences)


def crawford_grade(words: int, sentences: int, syllables: int) -> float:
    _check(words, sentences)
    return -0.205 * (100.0 * sentences / words) + 0.049 * (100.0 * syllables / words) - 3.407


# INFLESZ (Barrio-Cantalejo et al., An Sist Sanit Navar 2008;31(2):135-152).
# Lower bounds are inclusive: 55 is "normal" and 65 "bastante fácil", matching the
# thresholds "≥ 65 target, < 55 fail" (readability.md §8.2). legibilidad's
# ``inflesz()`` puts the exact boundary values in the band below (``<=``).
INFLESZ_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "muy fácil"),
    (65.0, "bastante fácil"),
    (55.0, "normal"),
    (40.0, "algo difícil"),
    (float("-inf"), "muy difícil"),
)

_FH_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "muy fácil"),
    (80.0, "fácil"),
    (70.0, "bastante fácil"),
    (60.0, "normal"),
    (50.0, "bastante difícil"),
    (30.0, "difícil"),
    (float("-inf"), "muy difícil"),
)

_FRE_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "very easy"),
    (80.0, "easy"),
    (70.0, "fairly easy"),
    (60.0, "plain English"),
    (50.0, "fairly difficult"),
    (30.0, "difficult"),
    (float("-inf"), "very difficult"),
)


def _band(score: float, bands: tuple[tuple[float, str], ...]) -> str:
    for floor, label in bands:
        if score >= floor:
            return label
    return bands[-1][1]  # pragma: no cover  (NaN)


def inflesz_band(szigriszt: float) -> str:
    """INFLESZ label of a Szigriszt-Pazos score: muy difícil (< 40), algo difícil
    (40-55), normal (55-65), bastante fácil (65-80), muy fácil (>= 80)."""
    return _band(szigriszt, INFLESZ_BANDS)


def fernandez_huerta_band(score: float) -> str:
    """Fernández Huerta scale (legible.es), lower bounds inclusive."""
    return _band(score, _FH_BANDS)


def flesch_band(score: float) -> str:
    """Flesch Reading Ease scale, lower bounds inclusive."""
    return _band(score, _FRE_BANDS)
