"""How sync findings name blocks: "step 3 of “Step by step”", "FAQ entry “Is that final?”"."""

from __future__ import annotations

from contentlint.sync.blocks import BlockInfo
from contentlint.sync.text import snippet

_KIND_NAMES = {
    "paragraph": "paragraph",
    "quote": "quoted paragraph",
    "table_row": "table row",
    "code": "code block",
    "html": "HTML block",
    "rule": "horizontal rule",
}


def describe(info: BlockInfo, with_text: bool = True) -> str:
    """A short human name for a block, with its first words."""
    block = info.block
    if block.kind == "heading":
        if block.is_question:
            return f"FAQ entry “{block.plain}”"
        return f"{'section' if block.level <= 2 else 'subsection'} “{block.plain}”"
    if block.kind == "list_item":
        name = f"step {block.number}" if block.ordered else "list item"
    else:
        name = _KIND_NAMES.get(block.kind, block.kind)
    if block.section:
        name += f" of “{block.section}”"
    if with_text and info.text and block.kind not in ("code", "html"):
        name += f" (“{snippet(info.text)}”)"
    return name


def english_note(info: BlockInfo) -> str:
    """The note on a related English location."""
    return "English " + describe(info, with_text=False)

