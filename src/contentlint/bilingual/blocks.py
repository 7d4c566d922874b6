"""The blocks the sync checks compare, with their normalized text and fingerprints.

A guide's body blocks come from :mod:`contentlint.content.markdown.parse`; HTML comments
(suppression directives, editor notes) are left out because they are never
translated. Each block gets its normalized text and hard tokens once per run
(kept for the run by :meth:`contentlint.context.RunContext.blocks`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from contentlint.bilingual.text import normalize
from contentlint.bilingual.tokens import hard_tokens
from contentlint.facts.grammar import any_digit

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.markdown.blocks import Block

# Kinds whose text is prose (judged for language, terminology and parity).
PROSE_KINDS = frozenset({"heading", "paragraph", "list_item", "quote", "table_row"})


@dataclass(frozen=True, slots=True)
class BlockInfo:
    """One comparable block: its index among the sync blocks, text and tokens."""

    index: int
    block: Block
    text: str  # normalized rendered text (code: the code itself)
    tokens: tuple[str, ...]  # hard tokens, including link targets, in text order
    links: tuple[str, ...]  # link and image targets, in order
    word_count: int
    has_digits: bool = False
    # Copied from the block: read in every inner loop of alignment and parity.
    kind: str = field(init=False)  # heading, paragraph, list_item, ...
    level: int = field(init=False)  # heading level, or list depth

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", self.block.kind)
        object.__setattr__(self, "level", self.block.level)

    def text_fingerprint(self) -> str:
        """Fingerprint of the words and the block's shape; markup never enters it."""
        block = self.block
        shape = f"{block.kind}|{block.level}|{int(block.ordered)}|"
        return _digest(shape + self.text)

    def token_fingerprint(self) -> str:
        """Fingerprint of the sorted hard tokens (numbers, links, citations, ...)."""
        return _digest("\x1f".join(sorted(self.tokens)))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def is_comment(block: Block) -> bool:
    """An HTML block holding only a comment."""
    source = block.source.strip()
    return block.kind == "html" and source.startswith("<!--") and source.endswith("-->")


def make_info(index: int, block: Block) -> BlockInfo:
    """Normalize one block."""
    hrefs = tuple(link.href for link in block.links)
    if block.kind in ("code", "html"):
        text = "\n".join(line.rstrip() for line in block.source.strip("\n").split("\n"))
        return BlockInfo(index, block, text, ("x:" + _digest(text),), hrefs, 0)
    text = normalize(block.plain)
    return BlockInfo(
        index, block, text, tuple(hard_tokens(text, hrefs)), hrefs, len(text.split()), any_digit(text)
    )


def block_infos(doc: Document) -> list[BlockInfo]:
    """The document's comparable blocks (the run context keeps them: ``ctx.blocks``)."""
    blocks = [b for b in doc.blocks if not is_comment(b)]
    return [make_info(i, b) for i, b in enumerate(blocks)]
