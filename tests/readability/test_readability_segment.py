"""Sentence segmentation edge cases (English and Spanish)."""

from __future__ import annotations

import pytest

from contentlint.readability import ProseUnit, score_units, strip_markdown_inline
from contentlint.readability.segment import split_sentences


def sents(text: str, lang: str) -> list[str]:
    return [s for _, s in split_sentences(text, lang)]


def doc(text: str, lang: str, kind: str = "paragraph"):
    return score_units([ProseUnit(text, 1, kind)], lang)


# --------------------------------------------------------------- abbreviations

@pytest.mark.parametrize(
    "text",
    [
        "Dr. Smith met Mrs. Jones and Mr. Lee at the school.",
        "The U.S. Department of Education writes the rules.",
        "Bring records, e.g. Report cards and notes from the teacher.",
        "Ask for the file, i.e. The whole educational record.",
        "Read No. 5 in the list before the meeting.",
        "The rule is 34 CFR 300.503(b) and it applies to every school.",
        "The school must follow 34 CFR 300.503(b) when it refuses.",
        "Ask the Dept. of Education for help.",
        "It costs 1.5 dollars per page, or 3.25 in color.",
        "J. R. R. Tolkien wrote about a long journey.",
    ],
)
def test_english_non_boundaries(text: str) -> None:
    assert sents(text, "en") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "La Sra. López habló con el Dr. Pérez sobre el plan.",
        "La ley de EE. UU. protege a su hijo.",
        "Traiga documentos, p. ej. Boletas y notas de la maestra.",
        "Lea el art. 5 y la pág. 12 con la Srta. Ruiz.",
        "El reglamento 34 CFR 300.503(b) explica el aviso.",
        "Cuesta 1.5 dólares por página.",
        "Ud. puede pedir una copia a la Dra. Gómez.",
        "Lea el núm. 5 de la lista.",
    ],
)
def test_spanish_non_boundaries(text: str) -> None:
    assert sents(text, "es") == [text]


def test_no_before_a_figure_versus_no_as_an_answer() -> None:
    assert sents("See No. 5 first.", "en") == ["See No. 5 first."]
    assert sents("Is that final? No. The team can meet again.", "en") == [
        "Is that final?", "No.", "The team can meet again."
    ]
    assert sents("¿Es definitivo? No. El equipo puede reunirse.", "es") == [
        "¿Es definitivo?", "No.", "El equipo puede reunirse."
    ]


def test_etc_splits_only_before_a_capital() -> None:
    assert sents("Bring notes, letters, etc. The school keeps a copy.", "en") == [
        "Bring notes, letters, etc.", "The school keeps a copy."
    ]
    assert sents("Bring notes, letters, etc. and a pen.", "en") == [
        "Bring notes, letters, etc. and a pen."
    ]
    assert sents("Traiga cartas, notas, etc. La escuela guarda copia.", "es") == [
        "Traiga cartas, notas, etc.", "La escuela guarda copia."
    ]


def test_a_lone_capital_ends_a_sentence_before_a_capital() -> None:
    # IDEA "Part B." is common in this library; initials in names are the known limit
    assert sents("Services come under IDEA Part B. Your child can get help.", "en") == [
        "Services come under IDEA Part B.", "Your child can get help."
    ]


# --------------------------------------------------------------- punctuation

def test_spanish_question_and_exclamation_marks() -> None:
    assert sents("¿Qué es un PEI? Es un plan escrito. ¡Pídalo hoy! ¿Tiene preguntas?", "es") == [
        "¿Qué es un PEI?", "Es un plan escrito.", "¡Pídalo hoy!", "¿Tiene preguntas?"
    ]
    # an inner ¿…? does not end the sentence
    assert sents("Si la escuela dice que no, ¿qué puede hacer usted?", "es") == [
        "Si la escuela dice que no, ¿qué puede hacer usted?"
    ]
    # no space between ? and ¿
    assert sents("¿Cómo?¿Cuándo? Nadie sabe.", "es") == ["¿Cómo?", "¿Cuándo?", "Nadie sabe."]
    # a lower-case continuation after ? is the same sentence
    assert sents("¿Vienes? preguntó la maestra.", "es") == ["¿Vienes? preguntó la maestra."]


def test_ellipses() -> None:
    assert sents("Wait... then call the office.", "en") == ["Wait... then call the office."]
    assert sents("Wait... Then call the office.", "en") == ["Wait...", "Then call the office."]
    assert sents("Espere… Luego llame a la oficina.", "es") == ["Espere…", "Luego llame a la oficina."]
    assert sents("Espere... y luego llame.", "es") == ["Espere... y luego llame."]


def test_decimals_urls_and_quotes() -> None:
    assert sents("The fee rose from 2.5 to 3.75 percent.", "en") == [
        "The fee rose from 2.5 to 3.75 percent."
    ]
    assert sents('He said "Stop." Then he left.', "en") == ['He said "Stop."', "Then he left."]
    assert sents("Lea la carta (es corta.) Luego firme.", "es") == [
        "Lea la carta (es corta.)", "Luego firme."
    ]
    text = strip_markdown_inline("See https://sites.ed.gov/idea/regs/b/e/300.503. Then call us.")
    assert sents(text, "en") == ["See.", "Then call us."]


def test_newlines_inside_a_unit_are_not_boundaries() -> None:
    assert sents("We will help\nyou plan the meeting.", "en") == ["We will help\nyou plan the meeting."]
    d = doc("We will help\nyou plan the meeting.", "en")
    assert d.sentences == 1 and d.sentences_detail[0].text == "We will help you plan the meeting."


# --------------------------------------------------------------- units and short sentences

def test_one_and_two_word_sentences_count() -> None:
    d = doc("Call us. Ask questions. We will help.", "en")
    assert d.sentences == 3 and [s.words for s in d.sentences_detail] == [2, 2, 3]
    d = doc("Llámenos. Haga preguntas. Le ayudamos.", "es")
    assert d.sentences == 3 and [s.words for s in d.sentences_detail] == [1, 2, 2]
    assert doc("Yes.", "en").sentences == 1


def test_each_list_item_and_table_cell_is_a_sentence_without_a_period() -> None:
    units = [
        ProseUnit("Get the denial in writing", 3, "list_item"),
        ProseUnit("Ask for an evaluation", 4, "list_item"),
        ProseUnit("Prior Written Notice", 7, "table_cell"),
        ProseUnit("10 school days", 7, "table_cell"),
    ]
    d = score_units(units, "en")
    assert d.sentences == 4
    assert [s.line for s in d.sentences_detail] == [3, 4, 7, 7]
    assert [s.kind for s in d.sentences_detail] == ["list_item"] * 2 + ["table_cell"] * 2


def test_a_list_item_with_two_sentences() -> None:
    d = doc("Get the denial in writing. It must explain why", "en", "list_item")
    assert d.sentences == 2


def test_headings_are_left_out_by_default() -> None:
    units = [ProseUnit("Common questions", 1, "heading"), ProseUnit("Ask us.", 3, "paragraph")]
    assert score_units(units, "en").sentences == 1
    withh = score_units(units, "en", include_headings=True)
    assert withh.sentences == 2 and withh.words == 4


def test_pieces_without_words_are_not_sentences() -> None:
    assert doc("— ... !", "en").sentences == 0
    assert doc("Sí. — ¡Bien!", "es").sentences == 2  # "— ¡Bien!" keeps its word
