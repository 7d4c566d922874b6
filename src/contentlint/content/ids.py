"""Guide ids: the one pattern every id must match before it names anything.

An id comes from a front matter a pull request can write, and it names the
pair's sync mark (``content/sync/<id>.yaml``) and appears in suggested
commands (``contentlint sync mark <id>``). Only an id that matches
:data:`ID_PATTERN` (lower-case ASCII words joined by hyphens, at most
:data:`ID_MAX_LENGTH` characters) ever builds a path or a command; the schema
(:mod:`contentlint.schema.models`) reports any other as SC008.
"""

from __future__ import annotations

import re

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_valid_id(value: object) -> bool:
    """``value`` is a guide id that may name a file or appear in a command."""
    return isinstance(value, str) and len(value) <= ID_MAX_LENGTH and _ID_RE.fullmatch(value) is not None
