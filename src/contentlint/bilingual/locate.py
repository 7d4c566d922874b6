"""File positions for sync findings: where in a block's source a word is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.findings import Location

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.markdown.blocks import Block


def locate(doc: Document, block: Block, needle: str = "") -> tuple[int, int]:
    """Line and column of ``needle`` in the block's source lines (the block start if absent)."""
    return locate_lines(doc, block.line, block.end_line, needle)


def locate_lines(doc: Document, first: int, last: int, needle: str = "") -> tuple[int, int]:
    """Line and column of ``needle`` in lines ``first``..``last`` of ``doc`` (``first`` if absent)."""
    lines = doc.lines
    candidates = [needle] if needle else []
    if needle and " " in needle.strip():
        candidates.append(needle.split()[0])
    for candidate in candidates:
        if len(candidate) < 2 and not candidate.isdigit():
            continue
        for fold in (False, True):
            for line_no in range(first, last + 1):
                if not 0 < line_no <= len(lines):
                    continue
                text = lines[line_no - 1]
                found = text.lower().find(candidate.lower()) if fold else text.find(candidate)
                if found >= 0:
                    return line_no, found + 1
    return first, _first_column(lines[first - 1] if 0 < first <= len(lines) else "")


def _first_column(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1


def block_location(doc: Document, block: Block, note: str = "", needle: str = "") -> Location:
    """A related location pointing at a block (or a word in it)."""
    line, column = locate(doc, block, needle)
    return Location(doc.display, line, column, note=note)
