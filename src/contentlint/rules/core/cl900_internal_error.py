"""CL900 internal-error: a rule crashed on a file."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class InternalError(LoadProblemRule):
    """A rule raised an exception: a bug in contentlint, not in the content.

    ## What it does
    The engine catches any exception a rule raises on a file, reports it here with
    the rule and the file, keeps checking everything else, and exits with code 2.

    ## Why is this bad?
    A crash must never hide the other findings, nor pass silently.

    ## Example
    `content/en/x.md:1:1: CL900 rule LK001 failed: KeyError: 'href'`

    ## Options
    None; it cannot be disabled.
    """

    code = "CL900"
    name = "internal-error"
    default_severity = Severity.ERROR
