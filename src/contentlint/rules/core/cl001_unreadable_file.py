"""CL001 unreadable-file: A file that cannot be read (permissions, a FIFO, a vanished file) is reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class UnreadableFile(LoadProblemRule):
    """A file that cannot be read (permissions, a FIFO, a vanished file) is reported.

    ## What it does
    A file that cannot be read (permissions, a FIFO, a vanished file) is reported.

    ## Why is this bad?
    A guide that cannot be read is a guide nobody checked; the run must say so instead of skipping it silently.

    ## Example
    A guide with mode 000: `content/en/guide.md:1:1: CL001 cannot read file: Permission denied`

    ## Options
    None besides `severity`.
    """

    code = "CL001"
    name = "unreadable-file"
    default_severity = Severity.ERROR
