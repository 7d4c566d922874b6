"""Helpers of the LK rule tests (a module with a unique name, importable from every test file)."""

from __future__ import annotations

from typing import Any

from clitools import guide_text

GLOSSARY = """\
type: glossary
id: glossary
updated: 2026-11-20
title: {en: Glossary, es: Glosario}
terms:
  - id: prior-written-notice
    en:
      term: Prior Written Notice
      definition: A letter from the school. See {url} for a sample.
    es:
      term: notificación previa por escrito
      definition: Una carta de la escuela.
    cite: 34 CFR 300.503
"""

EN_TARGET = """
## How to ask for it

Write a letter.

## What it must say

Five things.
"""

ES_TARGET = """
## ¿Cómo pedirla?

Escriba una carta.

## Niños y niñas

Cinco cosas.
"""


def library_files(
    en_body: str = "", es_body: str = "", en_front: dict[str, str] | None = None,
    es_front: dict[str, str] | None = None, glossary_url: str = "https://www.example.org/sample",
) -> dict[str, str | bytes]:
    """A project: a sample guide pair under test, a target guide pair, an English-only guide, a glossary."""
    return {
        "content/en/sample-guide.md": guide_text(**(en_front or {})) + en_body,
        "content/es/guia-de-muestra.md": guide_text(lang="es", slug="guia-de-muestra", **(es_front or {})) + es_body,
        "content/en/prior-written-notice.md": guide_text(doc_id="pwn", slug="prior-written-notice") + EN_TARGET,
        "content/es/notificacion-previa-por-escrito.md": (
            guide_text(doc_id="pwn", lang="es", slug="notificacion-previa-por-escrito") + ES_TARGET
        ),
        "content/en/english-only.md": guide_text(doc_id="english-only", slug="english-only"),
        "content/data/glossary.yaml": GLOSSARY.replace("{url}", glossary_url),
        "content/en/images/steps.png": b"\x89PNG\r\n\x1a\n",
    }


def found(result: Any) -> list[tuple[str, str, int, int]]:
    """(code, language folder, line, column) of every finding, in report order."""
    return [(f["code"], f["path"].split("/")[1], f["line"], f["column"]) for f in result.findings()]
