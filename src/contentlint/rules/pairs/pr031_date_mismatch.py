"""PR031 date-mismatch: dates differ between aligned blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.facts.extract import Fact
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.pairs.parity import mismatch_finding, unmatched

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


def _compatible(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    (ya, ma, da), (yb, mb, db) = a, b
    return ma == mb and (ya is None or yb is None or ya == yb) and (da is None or db is None or da == db)


def same_date(a: Fact, b: Fact) -> bool:
    """Two written dates name the same day (a missing year or day matches any)."""
    return any(_compatible(x, y) for x in (a.key, a.alt) for y in (b.key, b.alt))


class DateMismatch(PairRule):
    """An aligned Spanish block whose dates differ from the English block's.

    ## What it does
    Reads dates as each language writes them, with month and weekday names
    from babel's locale data: "January 15, 2026", "Jan. 15", "15 January 2026",
    "2026-01-15", "1/15/2026" in English; "15 de enero de 2026", "el 1.º de
    julio", "enero de 2026", "15/1/2026" in Spanish. A date without a year
    matches the same day and month with any year. Impossible dates are PR032.

    ## Why is this bad?
    A deadline or a meeting date that differs between the two pages misleads one
    group of parents.

    ## Example
    ```markdown
    English: Comments are due by January 15, 2026.
    Spanish: Los comentarios vencen el 16 de enero de 2026.    <- PR031
    ```

    ## Options
    - `en-locale` (default `en_US`), `es-locale` (default `es_US`).
    """

    code = "PR031"
    name = "date-mismatch"
    default_severity = Severity.ERROR
    groups = ("sync",)

    class Options(NoOptions):
        """Options of PR031."""

        en_locale: str = "en_US"
        es_locale: str = "es_US"

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare dates block by block."""
        for en, es in ctx.aligned_prose(target):
            if not (
                ctx.block_may_have_dates(target.en, en, self.options.en_locale)
                or ctx.block_may_have_dates(target.es, es, self.options.es_locale)
            ):
                continue
            en_dates = ctx.block_facts(target.en, en, self.options.en_locale).dates
            es_dates = ctx.block_facts(target.es, es, self.options.es_locale).dates
            en_only, es_only = unmatched(en_dates, es_dates, same_date)
            if not en_only and not es_only:
                continue
            yield mismatch_finding(
                self,
                target,
                en,
                es,
                en_only,
                es_only,
                lambda english, spanish: msg(
                    "dates differ from the English block: English has {english}; Spanish has {spanish}",
                    english=english, spanish=spanish,
                ),
                msg("Write the same dates as the English block."),
            )
