"""The reference parser: markdown-it-py's token stream flattened into blocks.

The fallback of :mod:`.parse` when markdown-it-pyrs is missing, and the
reference the Rust path is tested against (tests/test_markdown_parsers.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Protocol

from contentlint.content.markdown.blocks import Block, InlineLink

_WS_RE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def parse_blocks_py(body: str, first_line: int, lines: list[str] | None = None) -> list[Block]:
    """Parse with markdown-it-py (the fallback, and the reference in tests)."""
    tokens = _parser().parse(body)
    file_lines = lines if lines is not None else body.split("\n")
    offset = 0 if lines is not None else first_line - 1
    return _Flattener(tokens, first_line, file_lines, offset).run()


class _Flattener:
    def __init__(self, tokens: list[Any], first_line: int, lines: list[str], offset: int) -> None:
        self.tokens = tokens
        self.first_line = first_line
        self.lines = lines
        self.offset = offset  # index into ``lines`` of file line 1 minus this
        self.blocks: list[Block] = []
        self.section = ""
        # One entry per open list: [ordered, next number]; one per open item:
        # the collected inline tokens and the item's start line.
        self.lists: list[list[Any]] = []
        self.items: list[dict[str, Any]] = []
        self.quote_depth = 0
        self.row: dict[str, Any] | None = None

    def line_of(self, token: Any) -> tuple[int, int]:
        start, end = token.map or (0, 1)
        first, last = self.first_line + start, self.first_line + max(start, end - 1)
        # A list item's map runs over the blank line after it; the block does not.
        while last > first and not self._line(last).strip():
            last -= 1
        return first, last

    def _line(self, number: int) -> str:
        index = number - 1 - self.offset
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def run(self) -> list[Block]:
        tokens = self.tokens
        for index, token in enumerate(tokens):
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token, tokens, index)
        return self.blocks

    def add(self, kind: str, inline: Any, line: int, end: int, **extra: Any) -> None:
        source = inline.content if inline is not None else ""
        plain, links = _render_inline(inline, line, end, self.lines, self.offset)
        block = Block(kind, source, plain, line, end, section=self.section, links=links, **extra)
        self.blocks.append(block)
        if kind == "heading":
            self.section = plain

    def _heading_open(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        line, end = self.line_of(token)
        self.add("heading", tokens[index + 1], line, end, level=int(token.tag[1]))

    def _paragraph_open(self, token: Any, tokens: list[Any], index: int) -> None:
        inline = tokens[index + 1]
        if self.items and token.level == self.items[-1]["level"] + 1:
            self.items[-1]["inlines"].append(inline)
            return
        line, end = self.line_of(token)
        self.add("quote" if self.quote_depth else "paragraph", inline, line, end)

    def _bullet_list_open(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)
        self._flush_item_text()
        self.lists.append([False, 1])

    def _ordered_list_open(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)
        self._flush_item_text()
        start = token.attrGet("start")
        self.lists.append([True, int(start) if start else 1])

    def _bullet_list_close(self, token: Any, tokens: list[Any], index: int) -> None:
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token: Any, tokens: list[Any], index: int) -> None:
        line, end = self.line_of(token)
        ordered, number = self.lists[-1]
        self.lists[-1][1] = number + 1
        self.items.append(
            {
                "level": token.level,
                "line": line,
                "end": end,
                "ordered": ordered,
                "number": number,
                "depth": len(self.lists),
                "inlines": [],
                "flushed": False,
            }
        )

    def _list_item_close(self, token: Any, tokens: list[Any], index: int) -> None:
        self._flush_item_text()
        self.items.pop()

    def _end_item_before(self, token: Any) -> None:
        # An item's own text ends where its nested list begins.
        if self.items and not self.items[-1]["flushed"] and token.map:
            item = self.items[-1]
            end = max(item["line"], self.first_line + token.map[0] - 1)
            while end > item["line"] and not self._line(end).strip():
                end -= 1
            item["end"] = end

    def _flush_item_text(self) -> None:
        # A list item becomes a block once, with the text before any nested list,
        # so that nested items are blocks of their own.
        if not self.items or self.items[-1]["flushed"]:
            return
        item = self.items[-1]
        item["flushed"] = True
        inlines = item["inlines"]
        merged = _merge_inlines(inlines)
        self.add(
            "list_item",
            merged,
            item["line"],
            item["end"],
            level=item["depth"],
            ordered=item["ordered"],
            number=item["number"],
        )

    def _blockquote_open(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        self.quote_depth += 1

    def _blockquote_close(self, token: Any, tokens: list[Any], index: int) -> None:
        self.quote_depth -= 1

    def _fence(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        line, end = self.line_of(token)
        self.blocks.append(Block("code", token.content, "", line, end, section=self.section))

    _code_block = _fence

    def _html_block(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        line, end = self.line_of(token)
        self.blocks.append(Block("html", token.content, "", line, end, section=self.section))

    def _hr(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        line, end = self.line_of(token)
        self.blocks.append(Block("rule", "", "", line, end, section=self.section))

    def _tr_open(self, token: Any, tokens: list[Any], index: int) -> None:
        self._end_item_before(token)  # a block inside a list item follows the item's own text
        self._flush_item_text()
        line, end = self.line_of(token)
        self.row = {"line": line, "end": end, "cells": []}

    def _inline(self, token: Any, tokens: list[Any], index: int) -> None:
        if self.row is not None:
            self.row["cells"].append(token)

    def _tr_close(self, token: Any, tokens: list[Any], index: int) -> None:
        row, self.row = self.row, None
        if row is None:
            return
        merged = _merge_inlines(row["cells"], separator=" | ")
        self.add("table_row", merged, row["line"], row["end"])


class _Inline(Protocol):
    """What the block builder reads of an inline token (markdown-it's ``Token``) or of merged ones."""

    @property
    def content(self) -> str: ...

    @property
    def children(self) -> list[Any] | None: ...


class _MergedInline:
    """Several inline tokens seen as one (a list item's paragraphs, a table row's cells)."""

    def __init__(self, content: str, children: list[Any]) -> None:
        self.content = content
        self.children = children


def _merge_inlines(inlines: list[_Inline], separator: str = "\n") -> _Inline | None:
    if not inlines:
        return None
    if len(inlines) == 1:
        return inlines[0]
    children: list[Any] = []
    for position, inline in enumerate(inlines):
        if position:
            children.append(_Text(separator))
        children.extend(inline.children or [])
    return _MergedInline(separator.join(i.content for i in inlines), children)


class _Text:
    type = "text"

    def __init__(self, content: str) -> None:
        self.content = content
        self.children = None


def _render_inline(
    inline: Any, line: int, end: int, lines: list[str], offset: int
) -> tuple[str, tuple[InlineLink, ...]]:
    if inline is None:
        return "", ()
    parts: list[str] = []
    links: list[InlineLink] = []
    open_link: dict[str, Any] | None = None
    cursor = {"line": line, "column": 0}
    for child in inline.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
            if open_link is not None:
                open_link["text"].append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "link_open":
            open_link = {"href": child.attrGet("href") or "", "text": []}
        elif kind == "link_close" and open_link is not None:
            text = "".join(open_link["text"])
            links.append(_locate(open_link["href"], text, False, cursor, end, lines, offset))
            open_link = None
        elif kind == "image":
            alt = child.content or ""
            parts.append(alt)
            links.append(_locate(child.attrGet("src") or "", alt, True, cursor, end, lines, offset))
    plain = _WS_RE.sub(" ", "".join(parts)).strip()
    return plain, tuple(links)


def _locate(
    href: str, text: str, image: bool, cursor: dict[str, int], end: int, lines: list[str], offset: int
) -> InlineLink:
    """Find the link's text in the source lines, searching forward from the last link."""
    needles = [("![" if image else "[") + text]
    if href:
        needles.append("<" + href)  # an autolink: <https://...>
    for line_no in range(cursor["line"], end + 1):
        index = line_no - 1 - offset
        if not 0 <= index < len(lines):
            break
        start = cursor["column"] if line_no == cursor["line"] else 0
        hits = [hit for hit in (lines[index].find(n, start) for n in needles) if hit != -1]
        if hits:
            found = min(hits)
            cursor["line"], cursor["column"] = line_no, found + 1
            return InlineLink(href, text, line_no, found + 1, image)
    return InlineLink(href, text, cursor["line"], 1, image)
