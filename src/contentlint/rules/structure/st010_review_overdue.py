"""ST010 review-overdue: a guide whose `last_reviewed` date is too old."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule, NoOptions

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when ``later`` is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def review_date(value: object) -> dt.date | None:
    """A front-matter date (YAML gives ``YYYY-MM-DD`` as text), None when it is not one."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class ReviewOverdue(FileRule):
    """A guide whose `last_reviewed` date is older than the review period.

    ## What it does
    Compares the front matter's `last_reviewed` date with today's date and reports
    a guide last reviewed more than `max-age-months` whole months ago (12 by
    default), at the `last_reviewed` value. Both languages are checked: each
    translation is reviewed on its own. A missing or invalid date is left to the
    schema rules (SC006 missing, SC008 invalid). `SOURCE_DATE_EPOCH` fixes "today" for reproducible runs.

    ## Why is this bad?
    Legal facts change: regulations are amended, state timelines move, phone
    numbers and addresses of parent centers change. A guide nobody has re-read
    for a year may still say what was true then. The HTML report shows such a
    guide as "Needs review".

    ## Example
    ```yaml
    last_reviewed: 2024-03-01   # <- ST010 in December 2026: re-check the facts, then update the date
    ```

    ## Options
    - `max-age-months` (default 12): the longest time, in months, between reviews.
    """

    code = "ST010"
    name = "review-overdue"
    default_severity = Severity.WARNING

    class Options(NoOptions):
        """Options of ST010."""

        max_age_months: int = Field(default=12, ge=1, le=120)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report a `last_reviewed` date older than the review period."""
        from contentlint.content.clock import today

        if not target.usable or target.kind != "guide":
            return
        reviewed = review_date(target.front.get("last_reviewed"))
        if reviewed is None:
            return
        now = today()
        age = months_between(reviewed, now)
        if age <= self.options.max_age_months:
            return
        line, column = target.value_position(("last_reviewed",))
        yield self.finding(
            target,
            line,
            column,
            msg("last reviewed on {date}, {months} months ago (the review period is {limit} months)",
                date=reviewed.isoformat(), months=age, limit=self.options.max_age_months),
            msg("Re-check the guide's facts (deadlines, citations, contacts) against the current rules, "
                "then set last_reviewed to the date of that review."),
        )
