"""Safe HTML for the HTML report: every text and attribute value escaped.

:func:`h` builds an element from a tag, attributes and children. Text children
and every attribute value go through :func:`esc` (``html.escape`` with
``quote=True``); :class:`Markup` marks what this package built and is passed
through. The builder refuses event-handler attributes (``on*``) and any link
target that is not a fragment of the page itself, so content can never become
a script or a link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any


class Markup(str):
    """HTML built by this module (never text taken from content)."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """``value`` as HTML text: ``& < > " '`` escaped (Markup is passed through)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


_TAG = re.compile(r"[a-z][a-z0-9]*\Z")
_ATTR = re.compile(r"[a-zA-Z][a-zA-Z0-9:_-]*\Z")
_VOID = frozenset({"meta", "link", "br", "col", "input", "hr"})


def _safe_href(value: str) -> bool:
    """Only fragments of this page (and the empty data: icon) are link targets."""
    return value == "data:," or re.fullmatch(r"#[A-Za-z][A-Za-z0-9_-]*", value) is not None


def h(tag: str, attrs: dict[str, Any] | None = None, *children: Any) -> Markup:
    """An element; text children and every attribute value are escaped."""
    if not _TAG.match(tag):
        raise ValueError(f"bad tag {tag!r}")
    parts = ["<", tag]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if not _ATTR.match(name) or name.lower().startswith("on"):
            raise ValueError(f"attribute {name!r} is not allowed")
        if name in ("href", "xlink:href", "src", "action", "formaction") and not _safe_href(str(value)):
            raise ValueError(f"{name}={value!r}: only fragments of this page are link targets")
        if value is True:
            parts.append(" " + name)
        else:
            parts.append(f' {name}="{esc(value)}"')
    parts.append(">")
    if tag in _VOID:
        return Markup("".join(parts))
    parts.append(_join(children))
    parts.append(f"</{tag}>")
    return Markup("".join(parts))


def _join(children: Iterable[Any]) -> str:
    out: list[str] = []
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, (str, int, float)):
            out.append(esc(child))  # Markup passes through unchanged
        else:
            out.append(_join(child))
    return "".join(out)


def join(*children: Any) -> Markup:
    """Several children as one piece of markup."""
    return Markup(_join(children))


def fmt1(value: float) -> str:
    """One decimal, never ``-0.0`` (what RD001 compares)."""
    return f"{round(value, 1) + 0.0:.1f}"


def svg_num(value: float) -> str:
    """SVG coordinates: fixed precision, so output is byte-stable."""
    return f"{value:.1f}"


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_WORD_AT = re.compile(r"\S+")


def mark_column(line: str, loc: Any) -> Markup:
    """The line with the finding's columns (or the word at its column) marked."""
    start = loc.column - 1
    if not line or not 0 <= start < len(line):
        return esc(line or " ")
    if loc.end_line == loc.line and loc.end_column and loc.end_column - 1 > start:
        end = min(loc.end_column - 1, len(line))
    else:
        word = _WORD_AT.match(line, start)
        end = word.end() if word else start + 1
    return join(line[:start], h("mark", {"class": "col"}, line[start:end]), line[end:])


_DIFF = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


def render_diff(text: str) -> Markup:
    """A wdiff-style word diff (``[-old-] {+new+}``) as ``<del>``/``<ins>``; all text escaped."""
    out: list[Any] = []
    position = 0
    for found in _DIFF.finditer(text):
        out.append(text[position : found.start()])
        removed, added = found.group(1), found.group(2)
        if removed is not None:
            out.append(h("del", None, h("span", {"class": "mark"}, "[-"), removed, h("span", {"class": "mark"}, "-]")))
        else:
            out.append(h("ins", None, h("span", {"class": "mark"}, "{+"), added, h("span", {"class": "mark"}, "+}")))
        position = found.end()
    out.append(text[position:])
    return join(*out)


# What a finding's message quotes: “values” (facts, terms) and ('the start of a
# sentence…') (hard and long sentences).
_QUOTED = re.compile(r"“([^”\n]{1,200})”|\('([^'\n]{2,200}?)…?'\)")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def quoted_spans(text: str, message: str) -> list[tuple[int, int]]:
    """Where the values a message quotes occur in ``text`` (first occurrence of
    each); a quoted sentence start extends to the end of its sentence."""
    spans: list[tuple[int, int]] = []
    for found in _QUOTED.finditer(message):
        value, sentence = found.group(1), found.group(2)
        needle = (value or sentence or "").strip()
        if len(needle) < 2:
            continue
        start = text.find(needle)
        if start < 0:
            continue
        end = start + len(needle)
        if sentence:
            stop = _SENTENCE_END.search(text, end)
            end = stop.end() if stop else len(text)
        spans.append((start, end))
    return spans


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """``text`` with each (start, end, css class) span in a ``<mark>``; overlapping
    spans are merged into the first (all text escaped)."""
    out: list[Any] = []
    position = 0
    for start, end, css in sorted(spans):
        if start < position:
            continue
        out.append(text[position:start])
        out.append(h("mark", {"class": css}, text[start:end]))
        position = end
    out.append(text[position:])
    return join(*out)
