"""Golden passages: hand-counted words, sentences and syllables, then the scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contentlint.readability import ProseUnit, score_units

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = json.loads((FIXTURES / "golden.json").read_text(encoding="utf-8"))["passages"]
IDS = [p["id"] for p in GOLDEN]


def _units(p: dict[str, Any]) -> list[ProseUnit]:
    return [ProseUnit(u["text"], u["line"], u["kind"]) for u in p["units"]]


def _check(doc: Any, exp: dict[str, Any]) -> None:
    assert (doc.words, doc.sentences, doc.syllables, doc.polysyllables) == (
        exp["words"], exp["sentences"], exp["syllables"], exp["polysyllables"]
    )
    for key in ("flesch_reading_ease", "flesch_kincaid_grade", "fernandez_huerta",
                "szigriszt_pazos", "crawford_grade", "grade"):
        if key in exp:
            assert getattr(doc, key) == pytest.approx(exp[key], abs=0.005), key
    if "inflesz_band" in exp:
        assert doc.inflesz_band == exp["inflesz_band"]


def test_at_least_three_golden_passages_per_language() -> None:
    langs = [p["lang"] for p in GOLDEN]
    assert langs.count("en") >= 3 and langs.count("es") >= 3


def test_hand_counts_are_consistent_with_fixed_counts() -> None:
    # the fixture's totals are the sum of its own hand annotations
    for p in GOLDEN:
        per = p["expected"]["per_sentence"]
        assert len(per) == len(p["hand_count"]) == p["expected"]["sentences"]
        assert sum(s["words"] for s in per) == p["expected"]["words"]
        assert sum(s["syllables"] for s in per) == p["expected"]["syllables"]
        for ann, s in zip(p["hand_count"], per, strict=True):
            assert len(ann.split()) == s["words"]


@pytest.mark.parametrize("p", GOLDEN, ids=IDS)
def test_golden_counts_and_scores(p: dict[str, Any]) -> None:
    doc = score_units(_units(p), p["lang"])
    _check(doc, p["expected"])
    per = p["expected"]["per_sentence"]
    got = [(s.words, s.syllables) for s in doc.sentences_detail]
    assert got == [(s["words"], s["syllables"]) for s in per]
    if "line" in per[0]:
        assert [s.line for s in doc.sentences_detail] == [s["line"] for s in per]
    if p["lang"] == "en":
        assert doc.fernandez_huerta is None and doc.szigriszt_pazos is None
        assert doc.inflesz_band is None and doc.crawford_grade is None
    else:
        assert doc.flesch_reading_ease is None and doc.flesch_kincaid_grade is None


@pytest.mark.parametrize(
    "p", [p for p in GOLDEN if "expected_with_headings" in p],
    ids=[p["id"] for p in GOLDEN if "expected_with_headings" in p],
)
def test_golden_with_headings(p: dict[str, Any]) -> None:
    doc = score_units(_units(p), p["lang"], include_headings=True)
    _check(doc, p["expected_with_headings"])
    assert any(s.kind == "heading" for s in doc.sentences_detail)


def test_published_anchor_cat_sat_on_the_mat() -> None:
    doc = score_units([ProseUnit("The cat sat on the mat.", 1, "paragraph")], "en")
    assert (doc.words, doc.sentences, doc.syllables) == (6, 1, 6)
    assert doc.flesch_reading_ease == pytest.approx(116.145, abs=1e-9)
    assert doc.flesch_kincaid_grade == pytest.approx(-1.45, abs=1e-9)


def test_published_anchor_platypus_cmudict_counts() -> None:
    text = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    doc = score_units([ProseUnit(text, 1, "paragraph")], "en")
    assert (doc.words, doc.syllables) == (13, 24)  # CMUdict: Australian 3, reptilian 3
    assert doc.flesch_reading_ease == pytest.approx(37.46, abs=0.005)
