"""PR033 duration-mismatch: durations (number and unit) differ between aligned blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.facts.extract import Fact, extract_durations, may_have_durations
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.parity import unmatched_keys

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class DurationMismatch(PairRule):
    """An aligned Spanish block whose durations (60 days, 3 business days, 1 year) differ from the English block's.

    ## What it does
    Reads a number (digits or words: "one", "three", "un", "tres") followed by a
    unit in each language and compares value and unit: days / días (calendar
    days, días calendario and días naturales count as days, 34 CFR 300.11),
    business days / días hábiles (laborables), school days / días escolares
    (lectivos), weeks / semanas, months / meses, years / años, hours / horas.
    "60 days" and "60 días" agree; "60 business days" and "60 días" do not.
    An article is not always a count ("fijar una hora" is "set a time"), so an
    English "a year" or a Spanish "un año" / "una hora" is never required on
    the other side, but it does answer a "1 year" / "one hour" there.

    ## Why is this bad?
    Timelines are the facts parents act on: a "business" dropped in translation
    shortens a deadline.

    ## Example
    ```markdown
    English: You can void the agreement within 3 business days.
    Spanish: Puede anular el acuerdo dentro de 3 días.    <- PR033: business days vs days
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR033"
    name = "duration-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare durations block by block."""
        for en, es in ctx.aligned_prose(target):
            if not (may_have_durations(en.text, "en") or may_have_durations(es.text, "es")):
                continue
            en_durations, en_vague = extract_durations(en.text, "en")
            es_durations, es_vague = extract_durations(es.text, "es")
            if not en_durations and not es_durations:
                continue
            en_only, es_only = unmatched_keys(en_durations, es_durations, lambda f: f.key)
            # "a year" / "un año" are never required, but they do answer "1 year" on the other side
            es_only = [f for f in es_only if f.key not in {v.key for v in en_vague}]
            en_only = [f for f in en_only if f.key not in {v.key for v in es_vague}]
            if not en_only and not es_only:
                continue
            line, column = locate(target.es, es.block, es_only[0].text if es_only else "")
            yield self.finding(
                target.es,
                line,
                column,
                msg("durations differ from the English block: {difference}", difference=_describe(en_only, es_only)),
                msg("Use the same number and the same kind of days as the English block."),
                related=(block_location(target.en, en.block, english_note(en), en_only[0].text if en_only else ""),),
            )


def _describe(en_only: list[Fact], es_only: list[Fact]) -> str:
    en_text = ", ".join(f"“{f.text}”" for f in en_only) or msg("nothing more")
    es_text = ", ".join(f"“{f.text}”" for f in es_only) or msg("nothing in their place")
    return msg("English has {english}; Spanish has {spanish}", english=en_text, spanish=es_text)
