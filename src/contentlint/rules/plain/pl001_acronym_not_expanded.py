"""PL001 acronym-not-expanded: an acronym used before it is spelled out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
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
        )


def _hint(entry: Any, lang: str) -> str:
    if lang == "en":
        return msg("Write '{words} ({acronym})' the first time.", words=entry.en, acronym=entry.acronym)
    # A Spanish guide's hint has always been in Spanish (it shows the text to write).
    return msg("Escriba '{words} ({acronym}, por sus siglas en inglés)' la primera vez.", words=entry.es,
               acronym=entry.acronym)
