"""CL011 unused-suppression: a suppression that suppressed nothing."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class UnusedSuppression(LoadProblemRule):
    """A suppression comment that no finding needed.

    ## What it does
    After all checks ran, reports each suppression that matched no finding.

    ## Why is this bad?
    Stale suppressions pile up and will hide the next real problem on that line
    (ruff's RUF100, sqlfluff's unused noqa).

    ## Example
    `<!-- contentlint-disable-next-line LK001 -- old link -->` above a line whose
    link was fixed.

    ## Options
    None besides `severity`.
    """

    code = "CL011"
    name = "unused-suppression"
    default_severity = Severity.WARNING
