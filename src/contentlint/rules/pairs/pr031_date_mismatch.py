"""PR031 date-mismatch: dates differ between aligned blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from contentlint.facts.extract import Fact
from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions
from contentlint.rules.kinds import FactParityRule

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
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


class DateMismatch(FactParityRule):
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

    class Options(NoOptions):
        """Options of PR031."""

        en_locale: str = "en_US"
        es_locale: str = "es_US"

    facts = (("dates", ""),)

    def may_differ(self, ctx: RunContext, pair: Pair, en: BlockInfo, es: BlockInfo) -> bool:
        """Only blocks that may hold a date are read for dates."""
        return ctx.block_may_have_dates(pair.en, en, self.options.en_locale) or ctx.block_may_have_dates(
            pair.es, es, self.options.es_locale
        )

    def same(self, en: Fact, es: Fact) -> bool:
        """The same day, or a weekday-less date equal to a full one."""
        return same_date(en, es)

    def message(self, label: str, english: str, spanish: str) -> str:
        """Name the dates only one side has."""
        return msg("dates differ from the English block: English has {english}; Spanish has {spanish}",
                   english=english, spanish=spanish)

    def hint(self) -> str:
        """How to fix it."""
        return msg("Write the same dates as the English block.")
