"""PR032 impossible-date: a date that does not exist, or a wrong weekday."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.blocks import PROSE_KINDS
from contentlint.bilingual.locate import locate
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class ImpossibleDate(FileRule):
    """A date in a guide's body that cannot exist ("31 de junio", "February 30, 2026"), or whose weekday is wrong.

    ## What it does
    Finds dates in every English and Spanish guide (as PR031 reads them) and
    reports a day past the end of its month (February 29 only in leap years,
    any year when none is written), a month 13 in a numeric date, and a weekday
    that does not match the date ("Monday, January 15, 2026" is a Thursday).

    ## Why is this bad?
    A deadline that does not exist cannot be met; usually a digit or a month
    name was mistyped, in one language only.

    ## Example
    ```markdown
    Presente la queja antes del 31 de junio de 2026.    <- PR032: June has 30 days
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR032"
    name = "impossible-date"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Check every date of every prose block."""
        if target.kind != "guide" or target.lang not in ("en", "es"):
            return
        for info in ctx.blocks(target):
            if info.kind not in PROSE_KINDS or not ctx.block_may_have_dates(target, info):
                continue
            for fact in ctx.block_facts(target, info).dates:
                if not fact.problem:
                    continue
                line, column = locate(target, info.block, fact.text)
                yield self.finding(
                    target,
                    line,
                    column,
                    msg("impossible date “{text}”: {problem}", text=fact.text, problem=fact.problem),
                    msg("Check the date against the source (and the other language's guide)."),
                )
