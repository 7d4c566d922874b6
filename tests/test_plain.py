"""PL rules: acronyms, link text, alt text, heading levels, usted/tú, in both languages."""

from __future__ import annotations

import pytest

from clitools import guide_text, write_project

ACRONYMS = """\
type: acronyms
id: acronym-decoder
updated: 2026-11-20
title: {en: Acronym Decoder, es: Decodificador de siglas}
acronyms:
  - acronym: PWN
    en: Prior Written Notice
    es: notificación previa por escrito
  - acronym: "504"
    en: Section 504
    es: Sección 504
"""


def _run(cli, tmp_path, code: str, en_body: str = "", es_body: str = ""):
    write_project(
        tmp_path,
        {
            "content/data/acronyms.yaml": ACRONYMS,
            "content/en/sample-guide.md": guide_text() + en_body,
            "content/es/guia.md": guide_text(lang="es", slug="guia") + es_body,
        },
    )
    result = cli("check", "--select", code, "--format", "json", cwd=tmp_path)
    return [(f["path"].split("/")[1], f["line"], f["column"]) for f in result.findings()], result


@pytest.mark.parametrize(
    ("en", "es", "expected"),
    [
        ("\nAsk for Prior Written Notice (PWN). Then read the PWN.\n",
         "\nPida una notificación previa por escrito (PWN, por sus siglas en inglés).\n", []),
        ("\nAsk for a PWN. It is Prior Written Notice.\n", "", [("en", 19, 11)]),
        ("", "\nPida la PWN hoy.\n", [("es", 19, 9)]),
        # Spelled out without "por sus siglas en inglés": PL006's milder note, not PL001.
        ("", "\nPida una notificación previa por escrito (PWN).\n", []),
        # Punctuation, word order and the heading just above are how translators write it.
        ("\nAsk for a prior, written notice (PWN).\n", "\nPida una notificación por escrito previa (PWN).\n", []),
        ("\n## Prior Written Notice\n\nAsk for the PWN.\n", "", []),
        ("\n## What is a PWN?\n\nPrior Written Notice (PWN) is a letter.\n", "", []),  # headings skipped
        ("\nSee 34 CFR 300.504 for details.\n", "", []),  # a citation is not an acronym
    ],
)
def test_acronym_expanded_at_first_use(cli, tmp_path, en, es, expected):
    found, _ = _run(cli, tmp_path, "PL001", en, es)
    assert found == expected


@pytest.mark.parametrize(
    ("es", "expected"),
    [
        ("\nPida una notificación previa por escrito (PWN).\n", [("es", 19, 43)]),
        ("\nPida una notificación previa por escrito (PWN, por sus siglas en inglés).\n", []),
        ("\nPida la PWN hoy.\n", []),  # not spelled out at all: PL001's error, not this note
    ],
)
def test_spanish_acronym_note(cli, tmp_path, es, expected):
    found, result = _run(cli, tmp_path, "PL006", "", es)
    assert found == expected
    assert all(f["severity"] == "info" for f in result.findings())


@pytest.mark.parametrize(
    ("en", "es", "expected"),
    [
        ("\n[Find your Parent Center](https://example.org/).\n", "\n[Busque su Centro de Padres](https://example.org/).\n", []),
        ("\nTo find help, [click here](https://example.org/).\n", "", [("en", 19, 15)]),
        ("\nMore is [here](x.md).\n", "\nPara más detalles, [haga clic aquí](x.md).\n", [("en", 19, 9), ("es", 19, 20)]),
        ("", "\n[Más información](x.md)\n", [("es", 19, 1)]),
    ],
)
def test_vague_link_text(cli, tmp_path, en, es, expected):
    found, result = _run(cli, tmp_path, "PL002", en, es)
    assert found == expected
    if expected:
        assert "does not say where the link goes" in result.findings()[0]["message"]


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        ("\n![The five steps, in order](steps.png)\n", []),
        ("\n![](steps.png)\n", [("en", 19, 1)]),
        ("\nSee ![steps.png](steps.png) here.\n", [("en", 19, 5)]),
    ],
)
def test_missing_alt_text(cli, tmp_path, en, expected):
    found, _ = _run(cli, tmp_path, "PL003", en)
    assert found == expected


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        ("\n### A sub-section\n", []),
        ("\n#### Too deep\n", [("en", 19, 1)]),
        ("\n# A second title\n", [("en", 19, 1)]),
    ],
)
def test_heading_level_skip(cli, tmp_path, en, expected):
    found, _ = _run(cli, tmp_path, "PL004", en)
    assert found == expected


@pytest.mark.parametrize(
    ("es", "expected"),
    [
        ("\nUsted puede pedir una evaluación. La escuela le pide su firma. Esto se llama consentimiento.\n", []),
        ("\nUsted puede pedir una evaluación. Usted decide. Si no estás de acuerdo, habla con tu escuela.\n",
         [("es", 19, 55), ("es", 19, 83)]),
        ("\nTú puedes pedir una evaluación. Puedes hablar con tu escuela. Usted también.\n", [("es", 19, 63)]),
        # Imperatives: a usted guide with a step in tú (issue 14) ...
        ("\nUsted tiene derechos. Siga estos pasos.\n\n1. Pida la decisión por escrito.\n"
         "2. **Guarda una copia** y anota la fecha.\n3. Si no responde, llame a la escuela.\n",
         [("es", 22, 6), ("es", 22, 27)]),
        # ... and the reverse, with an attached pronoun ...
        ("\nTú decides.\n\n1. Pide la decisión por escrito.\n2. Guárdala en un lugar seguro.\n"
         "3. Llame a la escuela.\n", [("es", 23, 4)]),
        # ... while the same spellings as third person or nouns say nothing.
        ("\nUsted decide.\n\n- La escuela pide una copia.\n- Firma del padre o de la madre.\n"
         "- Copia de la carta.\n- Programa de educación individualizada.\n\n"
         "Si la escuela acepta una evaluación externa, paga el costo total. Comió tomate.\n", []),
    ],
)
def test_mixed_forms_of_address(cli, tmp_path, es, expected):
    found, _ = _run(cli, tmp_path, "PL005", "", es)
    assert found == expected
