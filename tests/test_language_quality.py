"""LQ rules (spelling, accents, English inside Spanish, plain words, passive voice,
respectful language) through the real CLI, and the word set's agreement with spylls."""

from __future__ import annotations

import random
import re
import shutil

import pytest

from clitools import guide_text, write_project

GLOSSARY = """\
type: glossary
id: glossary
updated: 2026-11-20
title: {en: Glossary, es: Glosario}
terms:
  - id: reevaluation
    en:
      term: reevaluation
      definition: A new evaluation of a child who already receives services.
    es:
      term: reevaluación
      variants: [nueva evaluación]
      mistranslations: [revaluacion]
      definition: Una nueva evaluación de un niño que ya recibe servicios.
"""


def _guide(lang: str, body: str, **fields: str) -> str:
    head = guide_text(lang=lang, slug="sample-guide" if lang == "en" else "guia", **fields).split("\n---\n", 1)[0]
    return f"{head}\n---\n\n{body}\n"


def _quoted(text: str) -> list[str]:
    """The quoted parts of a message: "'esta' needs its accent here: 'está'" -> ['esta', 'está']."""
    return re.findall(r"'([^']*)'", text)


def _check(cli, tmp_path, code: str, body: str, lang: str = "es", config: str = "", ui: str = "en", **fields: str):
    name = "content/en/sample-guide.md" if lang == "en" else "content/es/guia.md"
    shutil.rmtree(tmp_path / "content", ignore_errors=True)  # one guide per check
    write_project(tmp_path, {"content/data/glossary.yaml": GLOSSARY, name: _guide(lang, body, **fields)}, config)
    result = cli("check", "--select", code, "--format", "json", "--ui-lang", ui, cwd=tmp_path)
    return result.findings(), result


def test_misspelling_found_with_its_accent_suggested(cli, tmp_path) -> None:
    findings, result = _check(cli, tmp_path, "LQ001", "Puede pedir una evaluacion independiente a la escuela.")
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("LQ001", 12, 17)]
    assert "evaluacion" in findings[0]["message"]
    assert "'evaluación'" in findings[0]["hint"]
    assert result.code == 0  # a warning by default


@pytest.mark.parametrize(
    "body",
    [
        # inflections, attached pronouns, glossary terms, code, links, citations, e-mail,
        # acronyms and names are never misspellings
        "Escríbala, fírmela y pídasela a la escuela; la reevaluación es gratis.",
        "Use `evaluacionx` o vea [la guía](https://example.org/evaluacionx) y escriba a ayuda@escuelaz.org.",
        "La regla está en 34 CFR 300.503(b) y el IEP lo revisa el equipo de Wrightslaw Hub.",
        "Los niños, las niñas y sus familias recibieron las notificaciones.",
    ],
)
def test_correct_spanish_is_clean(cli, tmp_path, body: str) -> None:
    findings, _ = _check(cli, tmp_path, "LQ001,LQ002,LQ003", body)
    assert findings == []


def test_english_misspelling_and_names(cli, tmp_path) -> None:
    body = "Ask the school to recieve your letter. Keep a copy of the Wrightslaw guide."
    findings, _ = _check(cli, tmp_path, "LQ001", body, lang="en")
    assert [f["message"].split("'")[1] for f in findings] == ["recieve"]
    assert "'receive'" in findings[0]["hint"]


def test_project_words_and_spelling_ignore(cli, tmp_path) -> None:
    body = "El equipo usa el formulario tecnicolor y la plantilla zorblat."
    findings, _ = _check(cli, tmp_path, "LQ001", body, config='[tool.contentlint.rules.LQ001]\nwords = ["tecnicolor"]\n',
                         spelling_ignore="[zorblat]")
    assert findings == []
    findings, _ = _check(cli, tmp_path, "LQ001", body)
    assert sorted(f["message"].split("'")[1] for f in findings) == ["tecnicolor", "zorblat"]


def test_spelling_ignore_is_in_the_schema(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "SC", "Texto.", spelling_ignore="[Wrightslaw]")
    assert findings == []
    findings, _ = _check(cli, tmp_path, "SC", "Texto.", spelling_ignore="7")
    assert [f["code"] for f in findings] == ["SC007"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("¿Que puede hacer si la escuela dice que no?", [("Que", "Qué")]),
        ("La escuela dijo que si.", [("si", "sí")]),
        ("Pida que le de una copia y hable con el.", [("de", "dé"), ("el", "él")]),
        ("Usted esta de acuerdo y tiene mas tiempo.", [("esta", "está"), ("mas", "más")]),
        ("El publico puede leer la audiencia a expensas publicas.", [("publico", "público"), ("publicas", "públicas")]),
        ("No se si la escuela recibió la carta; aun no responde.", [("se", "sé"), ("aun", "aún")]),
        # correct sentences that a word list would get wrong
        ("Esta lista le ayuda. Si la escuela dice que no, pida la decisión por escrito.", []),
        ("La escuela publica el calendario. Aun así, pregunte. Es gratis, mas no obligatorio.", []),
        ("¿Cuando la escuela dice que no, qué puede hacer?", []),
        # a past tense after a subject that cannot be "yo"
        ("La escuela uso una prueba y usted presento la queja.", [("uso", "usó"), ("presento", "presentó")]),
        ("El distrito le oculto el informe.", [("oculto", "ocultó")]),
        # not a verb, or "yo" may be its subject: left alone
        ("El equipo completo revisó el plan; la escuela modelo abrió. A usted le presento a la maestra.", []),
        ("La escuela solo me dijo que no, junto con el distrito.", []),
        ("Quiere saber cuantos días tiene. Pida un interprete.", [("cuantos", "cuántos"), ("interprete", "intérprete")]),
        ("Su bebe tiene una perdida auditiva.", [("bebe", "bebé"), ("perdida", "pérdida")]),
        ("Diga cuantas quiera; quiere saber cuanto antes. Él bebe agua.", []),
    ],
)
def test_context_accents(cli, tmp_path, body: str, expected: list[tuple[str, str]]) -> None:
    findings, _ = _check(cli, tmp_path, "LQ002", body)
    assert [tuple(_quoted(f["message"])) for f in findings] == expected


def test_context_accent_in_a_heading(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "LQ002", "## Que debe hacer la escuela\n\nTexto.\n\n## Cuando la escuela dice no\n")
    assert [(f["line"], _quoted(f["message"])[1]) for f in findings] == [(12, "Qué")]


def test_rare_unaccented_word_reported_once(cli, tmp_path) -> None:
    # "ultimo" (I finalize) is a word, but a guide means "último": LQ001 reports it with
    # the accent, and LQ002 (which would after "el") does not report it a second time
    findings, _ = _check(cli, tmp_path, "LQ001,LQ002", "El ultimo día es el viernes.")
    assert [(f["code"], _quoted(f["message"])[0]) for f in findings] == [("LQ001", "ultimo")]
    assert "'último'" in findings[0]["hint"]


def test_spanish_word_without_its_accent_is_not_english(cli, tmp_path) -> None:
    # "areas" and "decision" are English words too, but in Spanish text they are
    # "áreas" and "decisión" typed without the accent, even before a bracket
    body = "Revise estas areas (lectura y escritura) y la decision del equipo."
    findings, _ = _check(cli, tmp_path, "LQ001,LQ003", body)
    assert [(f["code"], _quoted(f["message"])[0]) for f in findings] == [("LQ001", "areas"), ("LQ001", "decision")]
    assert "'áreas'" in findings[0]["hint"] and "'decisión'" in findings[1]["hint"]


@pytest.mark.parametrize(
    ("lang", "body", "word", "suggested"),
    [
        # one edit, looked up in the shipped word set (no Hunspell search)
        ("es", "El ojetivo del plan es claro.", "ojetivo", "objetivo"),
        ("es", "Puede recivir los servicios.", "recivir", "recibir"),
        # an edit and an accent, first because the guide uses the word elsewhere
        ("es", "Pida una evaluación. La evaluacon independiente es gratis.", "evaluacon", "evaluación"),
        # two slips of habit
        ("en", "We reccomend a meeting.", "reccomend", "recommend"),
        # the accent on the stressed syllable of a verb with pronouns, not elsewhere
        ("es", "Expliquele el plan.", "Expliquele", "Explíquele"),
    ],
)
def test_suggestions_from_the_word_set(cli, tmp_path, lang: str, body: str, word: str, suggested: str) -> None:
    findings, _ = _check(cli, tmp_path, "LQ001", body, lang=lang)
    assert [_quoted(f["message"])[0] for f in findings] == [word]
    assert _quoted(findings[0]["hint"])[0] == suggested  # the first "did you mean"


def test_wrong_accent_on_a_verb_with_pronouns(tmp_path) -> None:
    from contentlint.language.speller import Speller

    speller = Speller("es")
    assert all(speller.known(word) for word in ("explíquele", "dígaselo", "dárselo", "hablándole", "envíela",
                                                "quítelo", "cuéntele", "obligarle"))
    assert not any(speller.known(word) for word in ("pidale", "explíqueleé", "pidaselo", "obligárle"))


def test_english_inside_spanish(cli, tmp_path) -> None:
    body = ("Lleve su checklist a la reunión.\n\n"
            "Pida el formulario <span lang=\"en\">Prior Written Notice</span>, la *high school* y el stay put "
            "(permanencia).\n\nLa Americans with Disabilities Act protege a su hijo.")
    findings, _ = _check(cli, tmp_path, "LQ003,LQ001", body)
    assert [(f["code"], f["line"], f["message"].split("'")[1]) for f in findings] == [("LQ003", 12, "checklist")]


def test_marked_english_is_spell_checked_as_english(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "LQ001", "Pida el aviso <span lang=\"en\">prior writen notice</span>.")
    assert [f["message"].split("'")[1] for f in findings] == ["writen"]
    assert "English" in findings[0]["message"]


def test_marked_spanish_in_an_english_guide_is_spell_checked_as_spanish(cli, tmp_path) -> None:
    # The generated Glossary quotes each Spanish term inside <span lang="es"> (WCAG
    # 3.1.2): those words are Spanish, checked with the Spanish dictionary.
    body = 'Ask for an evaluation (“<span lang="es">evaluación</span>”) or a “<span lang="es">reunion</span>”.'
    findings, _ = _check(cli, tmp_path, "LQ001", body, lang="en")
    assert [_quoted(f["message"])[0] for f in findings] == ["reunion"]
    assert "Spanish" in findings[0]["message"] and "reunión" in (findings[0]["hint"] or "")


def test_plain_words_both_languages(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "LQ010", "Ask for records prior to the meeting in order to make a decision.",
                         lang="en")
    assert [tuple(_quoted(f["message"])) for f in findings] == [
        ("prior to", "before"), ("in order to", "to"), ("make a decision", "decide")]
    findings, _ = _check(cli, tmp_path, "LQ010", "Con el fin de preparar la reunión, \"a efectos de\" no cuenta.")
    assert [tuple(_quoted(f["message"])) for f in findings] == [("Con el fin de", "para")]


def test_passive_voice_with_a_doer(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "LQ011", "The evaluation is paid by the school. It is due by the deadline.",
                         lang="en")
    assert [_quoted(f["message"])[0] for f in findings] == ["is paid by the school"]
    findings, _ = _check(cli, tmp_path, "LQ011", "La evaluación es pagada por el distrito. Pídala por escrito.")
    assert [_quoted(f["message"])[0] for f in findings] == ["es pagada por el distrito"]


def test_respectful_language_and_exemptions(cli, tmp_path) -> None:
    body = ("Her son suffers from autism and is wheelchair-bound. The Education for All Handicapped Children Act "
            "came first; the old form said \"handicapped\". Emotional disturbance is an IDEA category.")
    findings, _ = _check(cli, tmp_path, "LQ020", body, lang="en")
    assert [tuple(_quoted(f["message"])) for f in findings] == [
        ("suffers from", "has"), ("wheelchair-bound", "uses a wheelchair")]
    findings, _ = _check(cli, tmp_path, "LQ020", "Los discapacitados tienen derechos. Su hijo padece autismo.")
    assert [_quoted(f["message"])[0] for f in findings] == ["Los discapacitados", "padece"]


def test_respectful_language_style_option(cli, tmp_path) -> None:
    body = "An autistic child and a child with autism."
    findings, _ = _check(cli, tmp_path, "LQ020", body, lang="en")
    assert findings == []
    findings, _ = _check(cli, tmp_path, "LQ020", body, lang="en",
                         config='[tool.contentlint.rules.LQ020]\nstyle = "person-first"\n')
    assert [_quoted(f["message"])[0] for f in findings] == ["autistic child"]
    write_project(tmp_path, {}, '[tool.contentlint.rules.LQ020]\nstyle = "both"\n')
    result = cli("check", "--select", "LQ020", cwd=tmp_path)
    assert result.code == 2


def test_spanish_ui_messages(cli, tmp_path) -> None:
    _check(cli, tmp_path, "LQ001,LQ002", "¿Que pasa con la evaluacion?")
    result = cli("check", "--select", "LQ001,LQ002", "--ui-lang", "es", cwd=tmp_path)
    assert "'Que' lleva tilde aquí: 'Qué'" in result.out
    assert "Escriba 'Qué': una palabra interrogativa al comienzo de una pregunta lleva tilde." in result.out
    assert "'evaluacion' no está en el diccionario de Español" in result.out
    assert "¿Quiso decir 'evaluación'?" in result.out


def test_word_memo_is_written_and_reused(cli, tmp_path) -> None:
    findings, _ = _check(cli, tmp_path, "LQ001", "Una evaluacion y un zorblatz.")
    memos = sorted(p.name.split("-")[1] for p in (tmp_path / ".contentlint_cache").glob("words-*.marshal"))
    assert "es" in memos  # the suggestions of the misspellings are kept
    # a damaged memo is an empty memo: the same finding, no error
    for path in (tmp_path / ".contentlint_cache").glob("words-*.marshal"):
        path.write_bytes(b"\x00garbage")
    again, result = _check(cli, tmp_path, "LQ001", "Una evaluacion y un zorblatz.")
    assert [f["message"] for f in again] == [f["message"] for f in findings]
    assert result.code == 0


def test_shipped_word_sets_match_the_dictionaries(tmp_path) -> None:
    """The shipped sets are the expansion of the shipped dictionaries (rebuild them with
    scripts/build_wordsets.py after changing a dictionary)."""
    from contentlint.language.speller import Speller, shipped_set_path
    from contentlint.language.wordset import encode_blocks, expand

    assert shipped_set_path("en").read_bytes() == encode_blocks(expand(Speller("en").engine()))


def test_wordset_forms_are_all_words_spylls_accepts(tmp_path) -> None:
    from contentlint.language.speller import Speller
    from contentlint.language.wordset import WordSet, encode, encode_blocks, expand

    speller = Speller("es")
    forms = expand(speller.engine())
    assert len(forms) > 300_000  # every inflection, not only the stems (55,000)
    words = WordSet(encode(forms))
    sample = random.Random(15).sample(forms, 400)
    assert all(speller.engine().lookup(form) for form in sample)
    assert all(form in words for form in sample)
    assert "evaluacion" not in words and words.accepts("Evaluación") and words.accepts("hablándole")
    # the shipped block layout answers exactly as the plain list does
    blocks = WordSet(encode_blocks(forms))
    probes = [*sample, *(form + "s" for form in sample), *(form[:-1] for form in sample), "", "zzzz", forms[0]]
    assert [probe in blocks for probe in probes] == [probe in words for probe in probes]
    with pytest.raises(ValueError):
        WordSet(b"CLWS1\x05\x00\x00\x00")


def test_language_sets_are_the_size_the_issue_asks(tmp_path) -> None:
    from clitools import ROOT

    data = ROOT / "tests" / "data" / "language"

    def rows(name: str) -> int:
        return sum(1 for line in (data / name).read_text(encoding="utf-8").splitlines() if line and line[0] != "#")

    assert rows("clean-en.txt") >= 3000 and rows("clean-es.txt") >= 3000
    assert rows("defects-en.tsv") >= 300 and rows("defects-es.tsv") >= 300
    assert rows("accents-es.tsv") >= 300
