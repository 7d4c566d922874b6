"""The block type both Markdown parsers produce: what every check compares.

Headings, paragraphs, list items (steps when ordered), quotes, table rows,
code and HTML, each with its file lines, rendered text and links.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class InlineLink:
    """A link or image inside a block, at its file position."""

    href: str
    text: str
    line: int
    column: int
    image: bool = False


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a body. ``line``/``end_line`` are 1-based file lines."""

    kind: str  # heading | paragraph | list_item | quote | table_row | code | html | rule
    source: str  # the block's own inline Markdown (a list item's own text only)
    plain: str  # rendered text: markup dropped, link and image text kept
    line: int
    end_line: int
    level: int = 0  # heading level, or list depth starting at 1
    ordered: bool = False
    number: int = 0  # 1-based position within its list
    section: str = ""  # plain text of the nearest heading above
    links: tuple[InlineLink, ...] = field(default=(), compare=False)

    @property
    def is_question(self) -> bool:
        """A heading that asks a question is an FAQ entry."""
        return self.kind == "heading" and self.plain.rstrip().endswith("?")

    @property
    def is_step(self) -> bool:
        """An item of an ordered list."""
        return self.kind == "list_item" and self.ordered
