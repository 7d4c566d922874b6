"""How sync findings name blocks: "step 3 of “Step by step”", "FAQ entry “Is that final?”"."""

from __future__ import annotations

from contentlint.bilingual.blocks import BlockInfo
from contentlint.bilingual.text import snippet
from contentlint.i18n import msg

_KIND_NAMES = {
    "paragraph": msg("paragraph"),
    "quote": msg("quoted paragraph"),
    "table_row": msg("table row"),
    "code": msg("code block"),
    "html": msg("HTML block"),
    "rule": msg("horizontal rule"),
}


def describe(info: BlockInfo, with_text: bool = True) -> str:
    """A short human name for a block, with its first words."""
    block = info.block
    if block.kind == "heading":
        if block.is_question:
            return msg("FAQ entry “{text}”", text=block.plain)
        if block.level <= 2:
            return msg("section “{text}”", text=block.plain)
        return msg("subsection “{text}”", text=block.plain)
    name: str
    if block.kind == "list_item":
        name = msg("step {number}", number=block.number) if block.ordered else msg("list item")
    else:
        name = _KIND_NAMES.get(block.kind, block.kind)
    if block.section:
        name = msg("{name} of “{section}”", name=name, section=block.section)
    if with_text and info.text and block.kind not in ("code", "html"):
        name = msg("{name} (“{text}”)", name=name, text=snippet(info.text))
    return name


def english_note(info: BlockInfo) -> str:
    """The note on a related English location."""
    return msg("English {block}", block=describe(info, with_text=False))

