"""Formulas, anchors and interpretation bands."""

from __future__ import annotations

import pytest

from contentlint.readability import metrics as m


def test_flesch_anchors() -> None:
    assert m.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145)  # The cat sat on the mat.
    assert m.flesch_kincaid_grade(6, 1, 6) == pytest.approx(-1.45)
    assert m.flesch_reading_ease(1, 1, 1) == pytest.approx(121.22)  # the maximum
    assert m.flesch_reading_ease(13, 1, 24) == pytest.approx(37.46, abs=0.005)  # platypus, CMUdict
    assert m.flesch_reading_ease(13, 1, 26) == pytest.approx(24.44, abs=0.005)  # platypus, wooorm


def test_fernandez_huerta_is_the_corrected_form() -> None:
    # 206.84 - 60*(Y/W) - 1.02*(W/S)   (Law 2011; readability.md §2.3)
    assert m.fernandez_huerta(100, 5, 200) == pytest.approx(206.84 - 120 - 20.4)
    # the misprint (F = sentences per 100 words) would make more sentences read harder;
    # the corrected form makes them read easier
    assert m.fernandez_huerta(100, 10, 200) > m.fernandez_huerta(100, 5, 200)
    misprint = 206.84 - 0.60 * 200 - 1.02 * 5  # P = 200 syllables/100 words, F = 5 sentences/100 words
    assert m.fernandez_huerta(100, 5, 200) != pytest.approx(misprint)


def test_szigriszt_and_crawford() -> None:
    assert m.szigriszt_pazos(100, 5, 200) == pytest.approx(206.835 - 124.6 - 20)
    assert m.crawford_grade(100, 5, 200) == pytest.approx(-0.205 * 5 + 0.049 * 200 - 3.407)


@pytest.mark.parametrize(
    "score,label",
    [(39.99, "muy difícil"), (40.0, "algo difícil"), (54.99, "algo difícil"), (55.0, "normal"),
     (64.99, "normal"), (65.0, "bastante fácil"), (79.99, "bastante fácil"), (80.0, "muy fácil"),
     (120.0, "muy fácil"), (-50.0, "muy difícil")],
)
def test_inflesz_band_boundaries(score: float, label: str) -> None:
    assert m.inflesz_band(score) == label


@pytest.mark.parametrize(
    "score,label",
    [(29.9, "muy difícil"), (30, "difícil"), (50, "bastante difícil"), (60, "normal"),
     (70, "bastante fácil"), (80, "fácil"), (90, "muy fácil")],
)
def test_fernandez_huerta_band_boundaries(score: float, label: str) -> None:
    assert m.fernandez_huerta_band(score) == label


def test_flesch_band() -> None:
    assert m.flesch_band(65) == "plain English" and m.flesch_band(70) == "fairly easy"


def test_formulas_reject_empty_counts() -> None:
    with pytest.raises(ValueError):
        m.flesch_reading_ease(0, 1, 0)
    with pytest.raises(ValueError):
        m.szigriszt_pazos(5, 0, 8)
