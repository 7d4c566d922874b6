"""SC002 unterminated-front-matter: Front matter opened with `---` but never closed is reported at line 1."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class UnterminatedFrontMatter(LoadProblemRule):
    """Front matter opened with `---` but never closed is reported at line 1.

    ## What it does
    Front matter opened with `---` but never closed is reported at line 1.

    ## Why is this bad?
    The whole guide would be read as YAML and its body lost.

    ## Example
    `---` on line 1 and no closing `---`.

    ## Options
    None besides `severity`.
    """

    code = "SC002"
    name = "unterminated-front-matter"
    default_severity = Severity.ERROR
