"""CL005 file-too-large: A file over `max-file-bytes` (default 2 MB) is reported and not parsed."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class FileTooLarge(LoadProblemRule):
    """A file over `max-file-bytes` (default 2 MB) is reported and not parsed.

    ## What it does
    A file over `max-file-bytes` (default 2 MB) is reported and not parsed.

    ## Why is this bad?
    No guide is that long; a huge file is a mistake, and parsing it would slow every commit.

    ## Example
    `content/en/dump.md:1:1: CL005 file is 52,428,800 bytes, over the 2,000,000-byte limit; not checked`

    ## Options
    None besides `severity`.
    """

    code = "CL005"
    name = "file-too-large"
    default_severity = Severity.ERROR
