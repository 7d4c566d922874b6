"""CL003 binary-file: A file with a NUL byte in its first 8 KiB is treated as binary and reported."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import LoadProblemRule


class BinaryFile(LoadProblemRule):
    """A file with a NUL byte in its first 8 KiB is treated as binary and reported.

    ## What it does
    A file with a NUL byte in its first 8 KiB is treated as binary and reported.

    ## Why is this bad?
    A binary file under content/ is almost always a mistake (an image saved with a .md name, a corrupted save).

    ## Example
    `content/en/photo.md:1:1: CL003 file looks binary (NUL byte at offset 4)`

    ## Options
    None besides `severity`.
    """

    code = "CL003"
    name = "binary-file"
    default_severity = Severity.ERROR
