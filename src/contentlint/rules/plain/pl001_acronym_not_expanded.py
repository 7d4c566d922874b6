"""PL001 acronym-not-expanded: an acronym used before it is spelled out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Fix, Severity
from contentlint.i18n import msg
from contentlint.rules.fixing import replace_at
from contentlint.rules.plain.acronyms import AcronymFirstUseRule, FirstUse

if TYPE_CHECKING:
    from contentlint.content.documents import Document

class AcronymNotExpanded(AcronymFirstUseRule):
    """An acronym from the decoder whose first use in a guide is not spelled out.

    ## What it does
    For every acronym in `content/data/acronyms.yaml`, finds its first use in the
    body of each guide (headings and legal citations skipped). That paragraph or
    list item, or the heading just above it, must spell it out: in English, the
    English expansion ("Prior Written Notice (PWN)"); in Spanish, the Spanish
    expansion ("notificación previa por escrito (PWN)") or an accepted variant of
    its glossary term ("aviso previo por escrito (PWN)"). Punctuation and word
    order do not matter ("a free, appropriate public education (FAPE)",
    "una educación pública, adecuada y gratuita (FAPE)"). A Spanish expansion
    without "por sus siglas en inglés" is PL006's milder house-style note.

    ## Why is this bad?
    Parents meet "IEE" or "PWN" for the first time in these guides. Plain-language
    guidance (and the regulations' demand for language understandable to the
    general public, 34 CFR 300.503(c)) asks for every acronym to be expanded at
    first use. In Spanish, the English acronym stays because it is what school
    paperwork uses, and the note tells the reader why the letters don't match.

    ## Example
    ```markdown
    Ask for a PWN.                                          <- reported
    Ask for Prior Written Notice (PWN).                     <- fine
    Pida una notificación previa por escrito (PWN, por sus siglas en inglés).
    ```

    ## Fix
    `contentlint fix` writes the decoder's expansion before the acronym, in the
    guide's language: "Prior Written Notice (PWN)", "notificación previa por escrito
    (PWN, por sus siglas en inglés)" (lower case mid-sentence unless it is a name).

    ## Options
    None besides `severity`.
    """

    code = "PL001"
    name = "acronym-not-expanded"
    default_severity = Severity.ERROR

    def judge(self, doc: Document, use: FirstUse) -> Iterator[Finding]:
        """Report the use when neither its block nor the heading above spells it out."""
        if use.spelled_out:
            return
        line, column = use.position(doc)
        yield self.finding(
            doc, line, column,
            msg("first use of {acronym} is not spelled out", acronym=use.entry.acronym),
            _hint(use.entry, doc.lang or "en"),
            fix=_expand(doc, line, column, use.entry),
        )


_SENTENCE_END = (".", "!", "?", ":", "¿", "¡")


def _expand(doc: Document, line: int, column: int, entry: Any) -> Fix | None:
    """The acronym's first use written as "words (ACRONYM)" in the guide's language
    (Spanish: "palabras (ACRONYM, por sus siglas en inglés)"); an English "a"/"an"
    just before it is made to agree with the words."""
    acronym: str = entry.acronym
    if not 1 <= line <= len(doc.lines):
        return None
    text = doc.lines[line - 1]
    before = text[: column - 1]
    after = text[column - 1 + len(acronym) : column + len(acronym)]
    if after.isalnum() or after in ("'", "’", "-", "/", "`", "_", "]") or before[-1:].isalnum():
        return None  # "IEPs", "IEP's", "IEP-based": the words would not fit there
    if before[-1:] in ("/", "`", "#", "=", "_", "-", "[", "(") or "](" in before[-2:]:
        return None  # in code, an address or a link's label alone: not running text
    if doc.lang == "es":
        words = _spanish_case(entry.es, before)
        return replace_at(doc, line, column, acronym, f"{words} ({acronym}, por sus siglas en inglés)",
                          msg("Spell out {acronym}", acronym=acronym))
    expansion = f"{entry.en} ({acronym})"
    article = re.search(r"\b([Aa]n?) $", before)
    if article is None:
        return replace_at(doc, line, column, acronym, expansion, msg("Spell out {acronym}", acronym=acronym))
    written = article.group(1)
    wanted = "an" if entry.en[:1].lower() in "aeiou" else "a"
    wanted = wanted.capitalize() if written[0].isupper() else wanted
    return replace_at(doc, line, article.start(1) + 1, f"{written} {acronym}", f"{wanted} {expansion}",
                      msg("Spell out {acronym}", acronym=acronym))


def _spanish_case(words: str, before: str) -> str:
    """A Spanish expansion lower-cased mid-sentence unless it is a name ("Ley de ...":
    more than one capitalized word)."""
    capitals = sum(1 for word in words.split() if word[:1].isupper())
    at_start = not before.strip() or before.rstrip().endswith(_SENTENCE_END)
    if capitals > 1 or at_start:
        return words
    return words[:1].lower() + words[1:]


def _hint(entry: Any, lang: str) -> str:
    if lang == "en":
        return msg("Write '{words} ({acronym})' the first time.", words=entry.en, acronym=entry.acronym)
    # A Spanish guide's hint has always been in Spanish (it shows the text to write).
    return msg("Escriba '{words} ({acronym}, por sus siglas en inglés)' la primera vez.", words=entry.es,
               acronym=entry.acronym)
