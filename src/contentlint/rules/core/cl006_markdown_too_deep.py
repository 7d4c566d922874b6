"""CL006 markdown-too-deep: Block quotes or lists nested absurdly deep are reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class MarkdownTooDeep(LoadProblemRule):
    """Block quotes or lists nested absurdly deep are reported.

    ## What it does
    Reports a body whose block quotes or list items nest more than 40 levels deep
    (`>>>>>>...` or `- - - - ...`), at the first such line. The body is read with a
    parser that stops nesting at its own limit, so the deeper text is not checked.

    ## Why is this bad?
    No guide needs more than a few levels; thousands of nested quotes are a mistake
    or an attack, and would exhaust a recursive parser.

    ## Example
    `content/en/guide.md:12:1: CL006 block quotes or lists nested more than 40 levels deep; ...`

    ## Options
    None besides `severity`.
    """

    code = "CL006"
    name = "markdown-too-deep"
    default_severity = Severity.ERROR
