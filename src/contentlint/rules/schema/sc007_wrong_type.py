"""SC007 wrong-type: A value of the wrong type (a number where text is expected, a string where a list is
expected) is reported at the value."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class WrongType(LoadProblemRule):
    """A value of the wrong type (a number where text is expected, a string where a list
    is expected) is reported at the value.

    ## What it does
    A value of the wrong type (a number where text is expected, a string where a list is
    expected) is reported at the value.

    ## Why is this bad?
    The site generator would fail or show the wrong thing.

    ## Example
    `related: prior-written-notice` (text, where a list is expected).

    ## Options
    None besides `severity`.
    """

    code = "SC007"
    name = "wrong-type"
    default_severity = Severity.ERROR
