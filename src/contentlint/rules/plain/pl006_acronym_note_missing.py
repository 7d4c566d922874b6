"""PL006 acronym-note-missing: a Spanish guide spells out an English acronym without saying it is English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.plain.acronyms import expansions, first_uses, has_spanish_note, spelled_out

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class AcronymNoteMissing(FileRule):
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

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report spelled-out first uses without the English-acronym note."""
        if target.kind != "guide" or target.lang != "es":
            return
        by_name = {entry.acronym: (entry, pattern) for entry, pattern in ctx.acronyms().words}
        for name, use in sorted(first_uses(target, ctx).items()):
            entry, pattern = by_name[name]
            phrases = expansions(entry, "es", ctx)
            texts = [use.block.plain, *([use.heading.plain] if use.heading is not None else [])]
            if not any(spelled_out(text, name, pattern, phrases) for text in texts):
                continue  # PL001 reports it
            if any(has_spanish_note(text, entry) for text in texts):
                continue
            line = use.block.line
            column = 1
            for number in range(use.block.line, min(use.block.end_line, len(target.lines)) + 1):
                found = pattern.search(target.lines[number - 1])
                if found:
                    line, column = number, found.start() + 1
                    break
            yield self.finding(
                target, line, column,
                msg("{acronym} is spelled out but not marked as the English acronym", acronym=name),
                msg("Escriba '({acronym}, por sus siglas en inglés)' la primera vez.", acronym=name),
            )
