"""Markdown bodies as a flat list of blocks with file line numbers.

A real CommonMark parser does the parsing: markdown-it-pyrs (markdown-it.rs,
about ten times faster) when it is installed, else markdown-it-py; both give
the same blocks (tests/test_markdown_parsers.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.content.markdown.blocks import Block

# Containers (block quotes, list items) nested deeper than this are not parsed by
# markdown-it.rs, which recurses natively (100,000 nested list markers crash the
# process), nor flattened recursively: markdown-it-py, which stops nesting at its
# own limit, reads such a body, and load reports CL006 at the line.
MAX_CONTAINER_DEPTH = 40
_PREFIX_RE = re.compile(r"^[ \t]*(?:(?:>|[-+*](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))[ \t]*)+", re.MULTILINE)
_MARKER_RE = re.compile(r">|[-+*](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")


def too_deep(body: str) -> int | None:
    """The 0-based line of ``body`` where containers nest deeper than
    :data:`MAX_CONTAINER_DEPTH` (a generous estimate from markers and indentation), or None."""
    for found in _PREFIX_RE.finditer(body):
        prefix = found.group()
        if len(prefix) <= MAX_CONTAINER_DEPTH:
            continue
        indent = len(prefix) - len(prefix.lstrip(" \t"))
        if len(_MARKER_RE.findall(prefix)) + indent // 2 > MAX_CONTAINER_DEPTH:
            return body.count("\n", 0, found.start())
    return None


_BACKTICKS_RE = re.compile(r"`+")


def rust_may_panic(body: str) -> bool:
    """Whether ``body`` may crash markdown-it.rs 0.6, which panics ("index out of
    bounds" in its code-span scanner) on a backtick run left open inside a link
    label: ``see [the `form](x.md)``, a writer's typo. Such bodies go to
    markdown-it-py, which reads the same CommonMark.

    The test covers every panicking input found by the fuzz campaign and by
    fuzzing the parser alone (it is wider than they are): a body with a bracket
    and a backtick run that has no closing run of the same length after it, in
    the whole body or within one line or one table cell (code spans end with
    their paragraph, and a link destination or a cell can take a run's partner
    away), or with an escaped backtick (which shortens a run). Panics outside it are still recovered by
    :func:`parse_blocks` and kept off the terminal by :mod:`.rust`."""
    if "`" not in body or "[" not in body:
        return False
    if "\\`" in body or _has_open_run(body):
        return True
    for line in body.split("\n"):
        if "`" in line and not line.lstrip().startswith("```") and any(_has_open_run(cell) for cell in line.split("|")):
            return True
    return False


def _has_open_run(text: str) -> bool:
    """Whether a backtick run of ``text`` has no run of the same length after it."""
    runs = [len(run) for run in _BACKTICKS_RE.findall(text)]
    index = 0
    while index < len(runs):
        try:
            index = runs.index(runs[index], index + 1) + 1  # the closing run; what lies between is code
        except ValueError:
            return True  # a run that never closes
    return False


def parse_blocks(body: str, first_line: int, lines: list[str] | None = None) -> list[Block]:
    """Parse ``body``, whose first line is file line ``first_line``.

    Uses markdown-it-pyrs (about ten times faster) when it is installed, else
    markdown-it-py; both give the same blocks (tests/test_markdown_parsers.py).
    """
    if _use_rust() and too_deep(body) is None and not rust_may_panic(body):
        from contentlint.content.markdown import rust

        try:
            return rust.parse_blocks(body, first_line)
        except BaseException as exc:
            # A panic in markdown-it.rs on input we did not foresee: the Python
            # parser reads the same CommonMark, so the document is still checked.
            if type(exc).__name__ != "PanicException":
                raise
            rust.reset()
    from contentlint.content.markdown.python import parse_blocks_py

    return parse_blocks_py(body, first_line, lines)


@lru_cache(maxsize=1)
def _use_rust() -> bool:
    import os

    if os.environ.get("CONTENTLINT_MARKDOWN") == "python":
        return False
    from contentlint.content.markdown import rust

    return rust.available()
