"""LQ011 passive-voice: a passive sentence that names who acts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.language.common import GUIDE_LANGUAGES

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class PassiveVoice(FileRule):
    """A passive phrase whose doer is named: write the active sentence.

    ## What it does
    Finds "be + participle + by + someone" in English ("is paid by the school",
    "was signed by the team") and "ser + participio + por + alguien" in Spanish
    ("es pagada por el distrito", "fue firmado por el equipo"), where the sentence
    itself names who acts, so the active form always exists. Phrases of time and
    manner ("by the deadline", "por escrito", "por la tarde") are left alone, and so
    are quoted text, citations and code.

    ## Why is this bad?
    Plain-language guidelines and easy-to-read Spanish both ask for the active
    voice: "the school pays" tells a parent who does what in fewer words, and the
    Spanish "ser + participio" passive reads as translated from English.

    ## Example
    ```markdown
    The evaluation is paid for by the school.   <- "The school pays for the evaluation."
    La evaluación es pagada por el distrito.     <- "El distrito paga la evaluación."
    ```

    ## Options
    None besides `severity`: `info` by default, because a passive with its doer is
    sometimes the clearer sentence (4 of 64 professional pairs of the
    translator-variation corpus used one well); set it to `warning` to report each.
    """

    code = "LQ011"
    name = "passive-voice"
    default_severity = Severity.INFO

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each passive with a named doer."""
        if target.kind != "guide" or target.lang not in GUIDE_LANGUAGES:
            return
        from contentlint.language.voice import passive_spans

        for line in ctx.prose_lines(target):
            for start, end in passive_spans(line.text, target.lang):
                if any(a <= start < b for a, b in line.foreign) or _quoted(line.text, start):
                    continue
                phrase = line.text[start:end]
                yield self.finding(
                    target, line.number, start + 1,
                    msg("passive voice with a named doer: '{phrase}'", phrase=phrase),
                    msg("Put the doer first and use the active verb ('the school pays', 'el distrito paga')."),
                    end=(line.number, end + 1),
                    context={"text": phrase},
                )


def _quoted(text: str, at: int) -> bool:
    from contentlint.language.lexicon import is_quoted

    return is_quoted(text, at)
