"""Syllable counting: the Spanish syllabifier, English CMUdict + fallback, acronyms, figures."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from contentlint.readability import syllables_en, syllables_es
from contentlint.readability.numbers import number_syllables
from contentlint.readability.tokens import token_counter

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ES_WORDS = json.loads((FIXTURES / "es_syllables.json").read_text(encoding="utf-8"))
DATA = Path(syllables_en.__file__).resolve().parent / "data"


# ------------------------------------------------------------------ Spanish

def test_spanish_word_list_has_at_least_150_words() -> None:
    assert len(ES_WORDS["split"]) >= 150
    for must in ("día", "país", "leído", "río", "aéreo", "guía", "pingüino", "que", "calle",
                 "perro", "chico", "programa", "hablar", "otro", "a", "y"):
        assert must in ES_WORDS["split"]


@pytest.mark.parametrize("word,expected", sorted(ES_WORDS["split"].items()))
def test_spanish_syllabification(word: str, expected: str) -> None:
    assert "-".join(syllables_es.syllabify(word)) == expected
    assert syllables_es.count_syllables(word) == expected.count("-") + 1


@pytest.mark.parametrize("word,expected", sorted(ES_WORDS["count_only"].items()))
def test_spanish_counts_only(word: str, expected: int) -> None:
    assert syllables_es.count_syllables(word) == expected


def test_spanish_reference_table_readability_md() -> None:
    # readability.md §4.1: gold counts where textstat/pyphen get 9/20 right
    gold = {"educación": 4, "evaluación": 4, "individualizado": 7, "discapacidad": 5,
            "derechos": 3, "escuela": 3, "programa": 3, "especial": 3, "aviso": 3,
            "maestro": 3, "ayuda": 3, "área": 3, "día": 2, "país": 2, "leer": 2, "guía": 2,
            "reunión": 2, "ciudad": 2, "previo": 2, "podría": 3}
    assert {w: syllables_es.count_syllables(w) for w in gold} == gold


def test_spanish_case_accents_and_punctuation() -> None:
    assert syllables_es.count_syllables("AÉREO") == 4
    assert syllables_es.count_syllables("Día") == 2
    assert syllables_es.count_syllables("teórico-práctico") == 7
    assert syllables_es.count_syllables("") == 0
    assert syllables_es.count_syllables("pst") == 1  # no vowel: still one syllable
    assert syllables_es.syllabify("Pingüino") == ["pin", "güi", "no"]


# ------------------------------------------------------------------ English

def test_cmudict_table_is_small_licensed_and_readable() -> None:
    path = DATA / "cmudict_syllables.txt.gz"
    assert path.stat().st_size < 1_500_000
    lic = (DATA / "LICENSE.cmudict.txt").read_text(encoding="utf-8")
    assert "Carnegie Mellon University" in lic and "Redistribution and use" in lic
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    assert all(line.split(" ", 1)[0].isdigit() for line in lines)
    assert sum(len(line.split(" ")) - 1 for line in lines) > 100_000


@pytest.mark.parametrize(
    "word,n",
    [("the", 1), ("cat", 1), ("evaluation", 5), ("individualized", 6), ("education", 4),
     ("every", 3), ("child's", 1), ("don't", 1), ("Independent", 4), ("denial", 3),
     ("Australian", 3), ("reptilian", 3), ("well-known", 2), ("mediation", 4)],
)
def test_english_dictionary_words(word: str, n: int) -> None:
    assert syllables_en.count_syllables(word) == n


@pytest.mark.parametrize(
    "word,n",
    [("blorft", 1), ("frobnicated", 4), ("snarkle", 2), ("glimpsy", 2), ("zorbulate", 3),
     ("quenderly", 3), ("plimbing", 2), ("trundlewick", 3), ("mcgrundy", 3), ("skrimshaw", 2)],
)
def test_english_fallback_on_unknown_words(word: str, n: int) -> None:
    assert not syllables_en.in_dictionary(word)
    assert syllables_en.heuristic_syllables(word) == n
    assert syllables_en.count_syllables(word) == n


@pytest.mark.parametrize(
    "word,n",
    [("reevaluations", 6), ("unschedulable", 5), ("neurodivergent", 5),
     ("paraprofessionals", 6), ("coteach", 2), ("co-teaching", 3), ("self-advocacy", 5),
     ("evaluator's", 5), ("coteacher's", 3)],
)
def test_english_morphological_fallback(word: str, n: int) -> None:
    assert not syllables_en.in_dictionary(word)
    assert syllables_en.count_syllables(word) == n


def test_english_heuristic_accuracy_on_dictionary_words() -> None:
    """Scored as if unknown: the fallback matches CMUdict on most real words."""
    table = syllables_en._load()
    words = sorted(w for w in table if w.isalpha() and len(w) > 2)
    sample = random.Random(2026).sample(words, 5000)
    exact = sum(syllables_en.heuristic_syllables(w) == table[w] for w in sample)
    close = sum(abs(syllables_en.heuristic_syllables(w) - table[w]) <= 1 for w in sample)
    assert exact / len(sample) >= 0.88
    assert close / len(sample) >= 0.99


def test_english_heuristic_basics() -> None:
    h = syllables_en.heuristic_syllables
    assert [h("make"), h("table"), h("tables"), h("jumped"), h("wanted"), h("boxes")] == [1, 2, 2, 1, 2, 2]
    assert h("npr") == 3  # no vowel: letters read out
    assert h("") == 0


# ------------------------------------------------------------------ acronyms and abbreviations

@pytest.mark.parametrize(
    "tok,n",
    [("IEP", 3), ("IEPs", 3), ("IEP's", 3), ("PWN", 5), ("LRE", 3), ("ADHD", 4), ("IDEA", 4),
     ("FAPE", 1), ("CFR", 3), ("NOTE", 1), ("U.S.", 2), ("e.g.", 2), ("Dr.", 2), ("D.C.", 2)],
)
def test_english_acronyms_and_abbreviations(tok: str, n: int) -> None:
    assert token_counter("en")(tok) == n


@pytest.mark.parametrize(
    "tok,n",
    [("PEI", 3), ("PEIs", 3), ("FAPE", 2), ("IDEA", 3), ("TDAH", 5), ("EE. UU.", 6),
     ("p. ej.", 4), ("Sra.", 3), ("AVISO", 3), ("ONU", 2)],
)
def test_spanish_acronyms_and_abbreviations(tok: str, n: int) -> None:
    assert token_counter("es")(tok) == n


def test_all_caps_sentence_reads_words() -> None:
    from contentlint.readability import ProseUnit, score_units

    d = score_units([ProseUnit("ASK THE SCHOOL FOR HELP TODAY.", 1, "paragraph")], "en")
    assert d.syllables == 7  # not spelled out letter by letter
    d = score_units([ProseUnit("PIDA AYUDA A LA ESCUELA HOY.", 1, "paragraph")], "es")
    assert d.syllables == 11


# ------------------------------------------------------------------ figures

@pytest.mark.parametrize(
    "tok,en,es",
    [("5", 1, 2), ("15", 2, 2), ("30", 2, 2), ("45", 3, 6), ("100", 3, 1), ("504", 3, 5),
     ("1,000", 3, 1), ("2026", 5, 5), ("1918", 4, 8), ("3.5", 3, 5), ("$15", 4, 5),
     ("7%", 4, 5)],
)
def test_figures_read_aloud(tok: str, en: int, es: int) -> None:
    assert number_syllables(tok, "en") == en
    assert number_syllables(tok, "es") == es
