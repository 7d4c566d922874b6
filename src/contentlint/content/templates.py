"""Starting points for a new guide pair (``contentlint new``): one template per
guide type, in English and US Spanish (usted), block for block, so the new pair
aligns, passes every check as created and shows the writer the shape each type
needs (how-to steps as an ordered list, FAQ questions as headings).

The bodies are instructions to the writer, written as plain sentences a reader
could follow, so nothing in them is a placeholder a check would trip on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass

from contentlint.content.ids import ID_MAX_LENGTH

GUIDE_TYPES = ("how-to", "topic", "faq", "checklist", "index")

_HOW_TO = (
    """\
Say in one or two short sentences who this guide is for and what it helps them do. This guide is general \
information, not legal advice.

## Steps

1. Write the first thing to do, in one short sentence.
2. Write the next thing to do.
3. Write what to do if the answer is no.

## Get free help

Say where a parent can get free help near them.
""",
    """\
Diga en una o dos oraciones cortas para quién es esta guía y en qué le ayuda. Esta guía es información general \
y no constituye asesoramiento legal.

## Pasos

1. Escriba lo primero que hay que hacer, en una oración corta.
2. Escriba lo siguiente que hay que hacer.
3. Escriba qué hacer si la respuesta es no.

## Obtenga ayuda gratuita

Diga dónde puede un padre obtener ayuda gratuita cerca de su casa.
""",
)

_TOPIC = (
    """\
Say in one or two short sentences what this guide explains and why it matters to a parent. This guide is \
general information, not legal advice.

## What it is

Explain the idea in plain words. Use short sentences.

## What you can do

- Write one thing a parent can do.
- Write another thing a parent can do.
""",
    """\
Diga en una o dos oraciones cortas qué explica esta guía y por qué le importa a un padre. Esta guía es \
información general y no constituye asesoramiento legal.

## Qué es

Explique la idea con palabras sencillas. Use oraciones cortas.

## Lo que usted puede hacer

- Escriba algo que un padre puede hacer.
- Escriba otra cosa que un padre puede hacer.
""",
)

_FAQ = (
    """\
Say in one or two short sentences what these questions are about. This guide is general information, not \
legal advice.

## What is the first question a parent asks?

Answer it in two or three short sentences.

## What is the next question?

Answer it in two or three short sentences.
""",
    """\
Diga en una o dos oraciones cortas de qué tratan estas preguntas. Esta guía es información general y no \
constituye asesoramiento legal.

## ¿Cuál es la primera pregunta que hace un padre?

Contéstela en dos o tres oraciones cortas.

## ¿Cuál es la siguiente pregunta?

Contéstela en dos o tres oraciones cortas.
""",
)

_CHECKLIST = (
    """\
Say in one or two short sentences when to use this checklist. This checklist is general information, not \
legal advice.

## Before

- Write one thing to do before.
- Write another thing to do before.

## After

- Write one thing to do after.
- Write another thing to do after.
""",
    """\
Diga en una o dos oraciones cortas cuándo usar esta lista. Esta lista es información general y no constituye \
asesoramiento legal.

## Antes

- Escriba algo que hay que hacer antes.
- Escriba otra cosa que hay que hacer antes.

## Después

- Escriba algo que hay que hacer después.
- Escriba otra cosa que hay que hacer después.
""",
)

_INDEX = (
    """\
Say in one or two short sentences what a parent finds on this page.

## Guides

- List each guide with a link and one short sentence about it.
""",
    """\
Diga en una o dos oraciones cortas qué encuentra un padre en esta página.

## Guías

- Ponga cada guía con un enlace y una oración corta sobre ella.
""",
)

# type -> (English body, Spanish body)
BODIES: dict[str, tuple[str, str]] = {
    "how-to": _HOW_TO,
    "topic": _TOPIC,
    "faq": _FAQ,
    "checklist": _CHECKLIST,
    "index": _INDEX,
}
DESCRIPTIONS = (
    "Say in one sentence who this guide helps and how.",
    "Diga en una oración a quién ayuda esta guía y cómo.",
)
# The language switch's label is in the other language: it is for a reader who
# prefers that language (as in the bundled library).
SWITCH_LABELS = {"en": "¿Prefiere leer en español? Lea esta guía", "es": "Prefer English? Read this guide"}


@dataclass(frozen=True)
class NewGuide:
    """One guide file to create: where (relative to the content folder) and its text."""

    relative: str
    text: str


def slugify(title: str) -> str:
    """A file name from a title: accents folded, lower-case ASCII words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", folded)
    slug = "-".join(words)
    if len(slug) > ID_MAX_LENGTH:
        slug = slug[:ID_MAX_LENGTH].rsplit("-", 1)[0]
    return slug


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value: plain when that reads back as the same string,
    else double-quoted (a JSON string is a valid YAML double-quoted scalar)."""
    plain = re.fullmatch(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*", text) is not None
    reserved = text.lower() in {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}
    if plain and not reserved and text == text.strip() and not re.fullmatch(r"[0-9.+\-e:_ ]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def guide_text(
    *,
    doc_id: str,
    lang: str,
    guide_type: str,
    title: str,
    description: str,
    slug: str,
    today: dt.date,
    counterpart_slug: str | None,
    awaiting_translation: bool = False,
) -> str:
    """The text of a new guide: valid front matter, then its type's body in ``lang``."""
    other = "es" if lang == "en" else "en"
    lines = [
        "---",
        f"id: {doc_id}",
        f"lang: {lang}",
        f"type: {guide_type}",
        f"title: {yaml_scalar(title)}",
        f"description: {yaml_scalar(description)}",
        f"slug: {slug}",
        f"updated: {today.isoformat()}",
        f"last_reviewed: {today.isoformat()}",
        "related: []",
    ]
    if counterpart_slug is not None:
        lines += [
            "language_switch:",
            f"  label: {yaml_scalar(SWITCH_LABELS[lang])}",
            f"  href: ../{other}/{counterpart_slug}.md",
        ]
    if awaiting_translation:
        lines.append("awaiting_translation: true")
    lines.append("---")
    english, spanish = BODIES[guide_type]
    return "\n".join(lines) + "\n\n" + (english if lang == "en" else spanish)
