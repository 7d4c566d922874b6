"""Markdown bodies as a flat list of blocks with file line numbers.

A real CommonMark parser does the parsing: markdown-it-pyrs (markdown-it.rs,
about ten times faster) when it is installed, else markdown-it-py; both give
the same blocks (tests/test_markdown_parsers.py).
"""

from __future__ import annotations

from functools import lru_cache

from contentlint.content.markdown.blocks import Block


def parse_blocks(body: str, first_line: int, lines: list[str] | None = None) -> list[Block]:
    """Parse ``body``, whose first line is file line ``first_line``.

    Uses markdown-it-pyrs (about ten times faster) when it is installed, else
    markdown-it-py; both give the same blocks (tests/test_markdown_parsers.py).
    """
    if _use_rust():
        from contentlint.content.markdown import rust

        return rust.parse_blocks(body, first_line)
    from contentlint.content.markdown.python import parse_blocks_py

    return parse_blocks_py(body, first_line, lines)


@lru_cache(maxsize=1)
def _use_rust() -> bool:
    import os

    if os.environ.get("CONTENTLINT_MARKDOWN") == "python":
        return False
    from contentlint.content.markdown import rust

    return rust.available()
