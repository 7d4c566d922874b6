"""The fast path of :mod:`contentlint.content.markdown.parse`: markdown-it.rs through markdown-it-pyrs.

markdown-it-py costs about 1.5 ms per guide, which is most of a 2,000-file run;
markdown-it-pyrs (by markdown-it-py's maintainer, a binding of the Rust port of
the same parser) parses the same guide in about 0.15 ms and gives every node a
byte range, so positions are exact rather than searched for. It yields the same
blocks as the markdown-it-py flattener (a differential test holds them equal
on the bundled library, the fixtures and random Markdown); that flattener stays
as the fallback where no wheel exists.
"""

from __future__ import annotations

import _thread
import bisect
import contextlib
import os
import re
from functools import lru_cache
from typing import Any

from contentlint.content.markdown.blocks import Block, InlineLink

_WS_RE = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])[ \t]?")
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
_INDENT = re.compile(r"^[ \t]+")
_ATX_OPEN = re.compile(r"^[ \t]*#{1,6}[ \t]*")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_BLOCKS_IN_ITEM = frozenset(
    {
        "bullet_list", "ordered_list", "blockquote", "fence", "code_block", "html_block", "table", "hr", "heading",
        "lheading",
    }
)


@lru_cache(maxsize=1)
def _parser() -> Any:
    import markdown_it_pyrs

    return markdown_it_pyrs.MarkdownIt("commonmark").enable("table")


def available() -> bool:
    """True when the Rust parser can be imported."""
    try:
        _parser()
    except ImportError:
        return False
    return True


class _Positions:
    """Byte offsets of the body -> file line and character column."""

    def __init__(self, body: str, first_line: int) -> None:
        self.data = body.encode("utf-8")
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in re.finditer(b"\n", self.data)]

    def line(self, offset: int) -> int:
        return self.first_line + bisect.bisect_right(self.starts, offset) - 1

    def end_line(self, end: int, start: int = 0) -> int:
        """The last non-blank line of the range ending at ``end`` (exclusive)."""
        index = bisect.bisect_right(self.starts, max(end - 1, 0)) - 1
        first = bisect.bisect_right(self.starts, start) - 1
        while index > first and not self.data[self.starts[index] : self._line_end(index)].strip():
            index -= 1
        return self.first_line + index

    def _line_end(self, index: int) -> int:
        return self.starts[index + 1] if index + 1 < len(self.starts) else len(self.data)

    def column(self, offset: int) -> int:
        index = bisect.bisect_right(self.starts, offset) - 1
        return len(self.data[self.starts[index] : offset].decode("utf-8", "replace")) + 1

    def text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", "replace")


def _tree_off_the_terminal(body: str) -> Any:
    """``_parser().tree(body)``, with a panic's message kept off the terminal.

    Rust's panic hook writes "thread '<unnamed>' panicked at ..." straight to file
    descriptor 2, past Python's ``sys.stderr``: a writer would see it although the
    caller recovers (the Python parser reads the body instead). So descriptor 2
    points at a private scratch file during the call; whatever else was written
    there meanwhile (another thread's output) is passed on afterwards, and only
    the panic hook's lines are dropped.
    """
    # One parse at a time swaps the descriptor (the language server may parse in more
    # than one thread): interleaved swaps could leave descriptor 2 on the scratch file.
    with _SWAP_LOCK:
        scratch = _scratch().fileno()
        try:
            saved = os.dup(2)
        except OSError:  # no descriptor 2 at all: nothing can reach a terminal
            return _parser().tree(body)
        os.dup2(scratch, 2)
        panicked = True
        try:
            tree = _parser().tree(body)
            panicked = False
            return tree
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            if os.lseek(scratch, 0, os.SEEK_CUR):
                _pass_on(scratch, drop_panic=panicked)


_SWAP_LOCK = _thread.allocate_lock()  # _thread: built in, nothing more to import


@lru_cache(maxsize=1)
def _scratch() -> Any:
    """An unnamed temporary file (unlinked at once) that stands in for descriptor 2."""
    import tempfile

    return tempfile.TemporaryFile(buffering=0)


def _pass_on(scratch: int, *, drop_panic: bool) -> None:
    """Write what the scratch file caught to the real descriptor 2, then empty it."""
    size = os.lseek(scratch, 0, os.SEEK_CUR)
    os.lseek(scratch, 0, os.SEEK_SET)
    caught = os.read(scratch, min(size, 1 << 20))
    os.ftruncate(scratch, 0)
    os.lseek(scratch, 0, os.SEEK_SET)  # or the next write would leave a hole of NULs
    if drop_panic:
        caught = _PANIC_REPORT.sub(b"", caught, count=1)
    if caught:
        with contextlib.suppress(OSError):  # a closed terminal: nothing more to do
            os.write(2, caught)


# The panic hook's report: "thread '<unnamed>' panicked at src/...:87:33:", the
# message, and the note about RUST_BACKTRACE (or, with RUST_BACKTRACE set, the
# backtrace to the end of what was caught).
_PANIC_REPORT = re.compile(
    rb"thread '[^'\n]*' panicked at .*?(?:note: run with `RUST_BACKTRACE[^\n]*\n?|\Z)", re.DOTALL
)


def reset() -> None:
    """Drop the parser after a panic; the next call builds a fresh one."""
    _parser.cache_clear()


def parse_blocks(body: str, first_line: int) -> list[Block]:
    """Blocks of ``body`` (whose first line is file line ``first_line``)."""
    tree = _tree_off_the_terminal(body)
    flattener = _Flattener(_Positions(body, first_line))
    for child in tree.children:
        flattener.block(child, depth=0, quote=False, ordered=False, number=0)
    return flattener.blocks


class _Flattener:
    def __init__(self, positions: _Positions) -> None:
        self.pos = positions
        self.blocks: list[Block] = []
        self.section = ""

    def add(
        self, kind: str, node_range: tuple[int, int], inlines: list[Any], source: str = "", **extra: Any
    ) -> None:
        start, end = node_range
        plain, links = self.render(inlines)
        line, end_line = self.pos.line(start), self.pos.end_line(end, start)
        block = Block(kind, source, plain, line, end_line, section=self.section, links=tuple(links), **extra)
        self.blocks.append(block)
        if kind == "heading":
            self.section = plain

    def block(self, node: Any, depth: int, quote: bool, ordered: bool, number: int) -> None:
        name = node.name
        if name == "paragraph":
            source = self.source_of(node.srcmap, quote)
            self.add("quote" if quote else "paragraph", node.srcmap, list(node.children), source)
        elif name in ("heading", "lheading"):  # lheading: a setext (underlined) heading
            source = self.heading_source(node, quote)
            self.add("heading", node.srcmap, list(node.children), source, level=node.meta["level"])
        elif name in ("bullet_list", "ordered_list"):
            self.list_block(node, depth + 1, quote)
        elif name == "blockquote":
            for child in node.children:
                self.block(child, depth, True, False, 0)
        elif name in ("fence", "code_block"):
            self.raw("code", node, node.meta.get("content", ""))
        elif name == "html_block":
            self.raw("html", node, node.meta.get("content", ""))
        elif name == "hr":
            self.raw("rule", node, "")
        elif name == "table":
            for section in node.children:
                for row in section.children:
                    self.row(row)

    def raw(self, kind: str, node: Any, content: str) -> None:
        start, end = node.srcmap
        self.blocks.append(
            Block(kind, content, "", self.pos.line(start), self.pos.end_line(end, start), section=self.section)
        )

    def list_block(self, node: Any, depth: int, quote: bool) -> None:
        ordered = node.name == "ordered_list"
        number = int(node.meta.get("start", 1)) if ordered else 1
        for item in node.children:
            self.item(item, depth, ordered, number, quote)
            number += 1

    def item(self, item: Any, depth: int, ordered: bool, number: int, quote: bool) -> None:
        inlines: list[Any] = []
        nested: list[Any] = []
        sources: list[str] = []
        tight: list[Any] = []
        for child in item.children:
            if nested or child.name in _BLOCKS_IN_ITEM:
                nested.append(child)
            elif child.name == "paragraph":
                if inlines:
                    inlines.append(_Break())
                inlines.extend(child.children)
                sources.append(self.source_of(child.srcmap, quote))
            else:
                inlines.append(child)  # a tight list's inline nodes sit in the item itself
                tight.append(child)
        start, end = item.srcmap
        if nested:
            # The item's own text ends on the line before its first nested block.
            end = self.pos.starts[bisect.bisect_right(self.pos.starts, nested[0].srcmap[0]) - 1]
        end = max(end, start + 1)
        if tight:
            sources.insert(0, _LIST_MARKER.sub("", self.source_of((start, end), quote), count=1).strip())
        source = "\n".join(sources)
        self.add("list_item", (start, end), inlines, source, level=depth, ordered=ordered, number=number)
        for child in nested:
            self.block(child, depth, quote, ordered, number)

    def row(self, row: Any) -> None:
        inlines: list[Any] = []
        for index, cell in enumerate(row.children):
            if index:
                inlines.append(_Text(" | "))
            inlines.extend(cell.children)
        cells = [self.source_of(cell.srcmap, False).strip() for cell in row.children]
        self.add("table_row", row.srcmap, inlines, " | ".join(cells))

    def source_of(self, node_range: tuple[int, int] | None, quote: bool) -> str:
        """A block's raw text without continuation-line indentation or quote markers."""
        if not node_range:
            return ""
        lines = self.pos.text(*node_range).rstrip("\n").split("\n")
        strip = _QUOTE_PREFIX if quote else _INDENT
        return "\n".join([lines[0], *(strip.sub("", line, count=1) for line in lines[1:])])

    def heading_source(self, node: Any, quote: bool) -> str:
        text = self.source_of(node.srcmap, quote)
        if node.name == "lheading":
            return text.rsplit("\n", 1)[0]  # drop the ==== or ---- underline
        return _ATX_CLOSE.sub("", _ATX_OPEN.sub("", text, count=1)).strip()

    def source(self, inlines: list[Any]) -> str:
        """The inline Markdown, with line breaks as bare newlines.

        A break's range also covers the next line's indentation or ``>`` marker,
        which is not content (markdown-it-py's ``content`` drops them too).
        """
        parts = []
        for node in inlines:
            if node.srcmap is None:
                parts.append(node.meta.get("content", ""))
            elif node.name == "softbreak":
                parts.append("\n")
            elif node.name == "hardbreak":
                parts.append("\\\n" if self.pos.text(*node.srcmap).startswith("\\") else "\n")
            else:
                parts.append(self.pos.text(*node.srcmap))
        return "".join(parts)

    def render(self, inlines: list[Any]) -> tuple[str, list[InlineLink]]:
        parts: list[str] = []
        links: list[InlineLink] = []
        for node in inlines:
            self.inline(node, parts, links)
        return _WS_RE.sub(" ", "".join(parts)).strip(), links

    def inline(self, node: Any, parts: list[str], links: list[InlineLink]) -> None:
        name = node.name
        if name in ("text", "text_special"):  # text_special: entities and escapes, decoded
            parts.append(node.meta.get("content", ""))
        elif name == "code_inline":
            parts.append("".join(c.meta.get("content", "") for c in node.children))
        elif name in ("softbreak", "hardbreak", "break"):
            parts.append(" ")
        elif name in ("link", "image", "autolink"):
            inner: list[str] = []
            for child in node.children:
                self.inline(child, inner, links if name == "link" else [])
            text = _WS_RE.sub(" ", "".join(inner)).strip() if name == "image" else "".join(inner)
            parts.append(text)
            start = node.srcmap[0]
            links.append(
                InlineLink(
                    _autolink_href(node) if name == "autolink" else node.meta.get("url", ""),
                    text,
                    self.pos.line(start),
                    self.pos.column(start),
                    name == "image",
                )
            )
        elif name == "html_inline":
            return
        else:
            for child in node.children:
                self.inline(child, parts, links)


def _autolink_href(node: Any) -> str:
    url: str = node.meta.get("url", "")
    # markdown-it writes an e-mail autolink's target with its mailto: scheme.
    if "@" in url and "://" not in url and not url.startswith("mailto:"):
        return "mailto:" + url
    return url


class _Text:
    name = "text"
    srcmap = None
    children: tuple[Any, ...] = ()

    def __init__(self, content: str) -> None:
        self.meta = {"content": content}


class _Break(_Text):
    def __init__(self) -> None:
        super().__init__("\n")
