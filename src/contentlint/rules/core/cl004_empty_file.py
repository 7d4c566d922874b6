"""CL004 empty-file: An empty (or whitespace-only) content file is reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class EmptyFile(LoadProblemRule):
    """An empty (or whitespace-only) content file is reported.

    ## What it does
    An empty (or whitespace-only) content file is reported.

    ## Why is this bad?
    An empty guide publishes a blank page.

    ## Example
    `content/es/guia.md:1:1: CL004 file is empty`

    ## Options
    None besides `severity`.
    """

    code = "CL004"
    name = "empty-file"
    default_severity = Severity.ERROR
