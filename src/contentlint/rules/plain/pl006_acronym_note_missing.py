"""PL006 acronym-note-missing: a Spanish guide spells out an English acronym without saying it is English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.plain.acronyms import AcronymFirstUseRule, FirstUse, has_spanish_note

if TYPE_CHECKING:
    from contentlint.content.documents import Document


class AcronymNoteMissing(AcronymFirstUseRule):
    """A Spanish guide spells out an English acronym at first use without "por sus siglas en inglés".

    ## What it does
    In a Spanish guide, where an acronym of the decoder is first used and spelled
    out (PL001 is satisfied), checks that the English letters are explained:
    "notificación previa por escrito (PWN, por sus siglas en inglés)". Using the
    decoder's Spanish acronym instead, where it has one, is fine too.

    ## Why is this bad?
    A Spanish reader sees letters that do not match the Spanish words; the note
    says why (they are the English letters the school's paperwork uses). It is the
    house style of US-Spanish public education material, not a correctness
    problem, so it is a note by default: a professional translation may leave it
    out. Raise it to `warning` to require the house style.

    ## Example
    ```markdown
    Pida una notificación previa por escrito (PWN).                              <- PL006
    Pida una notificación previa por escrito (PWN, por sus siglas en inglés).   <- fine
    ```

    ## Options
    None besides `severity`.
    """

    code = "PL006"
    name = "acronym-note-missing"
    default_severity = Severity.INFO
    extra_groups = ("spanish",)

    languages = ("es",)

    def judge(self, doc: Document, use: FirstUse) -> Iterator[Finding]:
        """Report a spelled-out use that does not mark the English letters."""
        if not use.spelled_out or any(has_spanish_note(text, use.entry) for text in use.texts):
            return  # not spelled out at all: PL001 reports it
        line, column = use.position(doc)
        yield self.finding(
            doc, line, column,
            msg("{acronym} is spelled out but not marked as the English acronym", acronym=use.entry.acronym),
            msg("Escriba '({acronym}, por sus siglas en inglés)' la primera vez.", acronym=use.entry.acronym),
        )
