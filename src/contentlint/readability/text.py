"""Inline Markdown -> plain prose for counting (:func:`strip_markdown_inline`)."""

from __future__ import annotations

import re

__all__ = ["strip_markdown_inline"]

# Characters/substrings whose absence means there is nothing to strip.
_TRIGGERS = re.compile(r"[`<\[*_~\\&@!]|://|www\.", re.IGNORECASE)

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CODE = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_DEST = r"(?:<[^<>\n]*>|(?:[^()\s\\]|\\.|\((?:[^()\s\\]|\\.)*\))*)"
_TITLE = r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?"""
_LINK_TEXT = r"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"
_IMAGE = re.compile(r"!\[" + _LINK_TEXT + r"\](?:\(\s*" + _DEST + _TITLE + r"\s*\)|\[[^\]]*\])", re.DOTALL)
_LINK = re.compile(r"\[" + _LINK_TEXT + r"\]\(\s*" + _DEST + _TITLE + r"\s*\)", re.DOTALL)
_REF_LINK = re.compile(r"\[" + _LINK_TEXT + r"\]\[[^\]\n]*\]", re.DOTALL)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>@\s]+@[^<>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bmailto:|\bwww\.)[^\s<>\[\]]*[^\s<>\[\].,;:!?'\"”’)]",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_EMPH = re.compile(r"\*+|~~+|(?<!\w)_+|_+(?!\w)")
_HARD_BREAK = re.compile(r"\\\n")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HSPACE = re.compile(r"[ \t\u00a0]{2,}")
_SPACE_PUNCT = re.compile(r"[ \t]+(?=[.,;:!?)](?:\s|$))")
# Escaped punctuation is parked on private-use code points while the rest is parsed,
# so that ``\*`` is not emphasis and ``\[`` is not a link.
_PARK_BASE = 0xE000
_UNPARK = {_PARK_BASE + c: chr(c) for c in range(0x21, 0x7F)}


def _park(m: re.Match[str]) -> str:
    return chr(_PARK_BASE + ord(m.group(1)))


def _keep_newlines(m: re.Match[str]) -> str:
    return "\n" * m.group(0).count("\n")


def strip_markdown_inline(text: str) -> str:
    """Strip inline Markdown syntax from ``text`` so that only the prose is counted.

    * HTML comments (``<!-- ... -->``) and code spans are dropped, as are images,
      footnote references, autolinks, bare URLs and e-mail addresses;
    * links keep their text and lose their destination (``[the notice](pwn.md)`` ->
      ``the notice``), inline and reference style;
    * emphasis markers (``*``, ``_``, ``~~``) and HTML tags are removed, their text kept;
    * backslash escapes and HTML entities are resolved.

    Newlines inside ``text`` are kept (removed constructs that spanned lines leave
    their newlines), so a sentence's line can still be located in a multi-line
    paragraph. Block syntax (list markers, ``#``, ``>``, table pipes) is the caller's
    job: pass the inline content of one block.
    """
    if not _TRIGGERS.search(text):
        return text
    t = text
    parked = "\\" in t
    if parked:
        t = _HARD_BREAK.sub("\n", t)
        t = _ESCAPE.sub(_park, t)
    if "<!--" in t:
        t = _COMMENT.sub(_keep_newlines, t)
    if "`" in t:
        t = _CODE.sub(_keep_newlines, t)
    if "[" in t:
        if "![" in t:
            t = _IMAGE.sub(_keep_newlines, t)
        if "[^" in t:
            t = _FOOTNOTE.sub("", t)
        t = _LINK.sub(r"\1", t)
        t = _REF_LINK.sub(r"\1", t)
    if "<" in t:
        t = _AUTOLINK.sub("", t)
        t = _BR.sub(" ", t)
        t = _TAG.sub("", t)
    t = _URL.sub("", t)
    if "@" in t:
        t = _EMAIL.sub("", t)
    if "*" in t or "_" in t or "~" in t:
        t = _EMPH.sub("", t)
    if parked:
        t = t.translate(_UNPARK)
    if "&" in t:
        import html  # deferred: rarely needed

        t = html.unescape(t)
    t = _HSPACE.sub(" ", t)
    t = _SPACE_PUNCT.sub("", t)
    return t.strip(" \t")
