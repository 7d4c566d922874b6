"""LQ003 english-in-spanish: an English word in Spanish text, not marked as English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.language.common import unknown_words
from contentlint.rules.language.lq001_misspelled_word import MisspelledWord

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class EnglishInSpanish(FileRule):
    """An English word inside a Spanish guide's text that is not marked as English.

    ## What it does
    Reports each word of a Spanish guide's prose that the Spanish dictionary and the
    library's vocabulary do not know but the English dictionary does ("checklist",
    "meeting"), unless it is inside an element marked `lang="en"` or set apart the way
    Spanish style sets a kept foreign word apart: in quotation marks, in italics, or
    followed by its translation in brackets ("la *high school* (escuela secundaria)"). Capitalized words
    inside a sentence are names and are left alone, as in LQ001; project words (LQ001
    option `words`) and the guide's `spelling_ignore` are accepted.

    ## Why is this bad?
    A screen reader reads an unmarked English word with Spanish sounds, and a parent
    who reads little English may not know it (WCAG 3.1.2, Language of Parts). An
    English word the parent needs (the name of a form) is kept and marked; any other
    is translated.

    ## Example
    ```markdown
    Lleve su checklist a la reunión.                     <- reported
    Pida el formulario <span lang="en">Prior Written Notice</span>.   <- checked as English
    ```

    ## Options
    None besides `severity`; the words of LQ001's `words` option are accepted here too.
    """

    code = "LQ003"
    name = "english-in-spanish"
    default_severity = Severity.WARNING
    extra_groups = ("spanish", "accessibility")
    # One project word list serves both rules: LQ003 reads LQ001's options.
    options_of = "LQ001"
    Options = MisspelledWord.Options

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each unmarked English word of a Spanish guide."""
        if target.kind != "guide" or target.lang != "es":
            return
        for word, english in unknown_words(target, ctx, self.options.words):
            if not english:
                continue
            yield self.finding(
                target, word.line, word.column,
                msg("'{word}' is English inside the Spanish text", word=word.text),
                msg("Translate it, or mark it as English so screen readers pronounce it right: "
                    "<span lang=\"en\">{word}</span>.", word=word.text),
                end=(word.line, word.column + len(word.text)),
                context={"word": word.text},
            )
        ctx.speller("es").save()
        ctx.speller("en").save()

