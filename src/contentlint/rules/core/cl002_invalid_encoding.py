"""CL002 invalid-encoding: A file that is not valid UTF-8 is reported at the first bad byte, with its byte offset."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class InvalidEncoding(LoadProblemRule):
    """A file that is not valid UTF-8 is reported at the first bad byte, with its byte offset.

    ## What it does
    A file that is not valid UTF-8 is reported at the first bad byte, with its byte offset.

    ## Why is this bad?
    Mis-encoded files show mojibake to parents ("educaciÃ³n"); the site expects UTF-8.

    ## Example
    A guide saved as Windows-1252: `CL002 invalid UTF-8 at byte offset 212 (bytes f3 6e)`

    ## Options
    None besides `severity`.
    """

    code = "CL002"
    name = "invalid-encoding"
    default_severity = Severity.ERROR
