"""Text from untrusted input made safe for human formats.

File names, ids and quoted text come from the library, which in CI is a pull
request (possibly from a fork). Shown raw, a control character in them can
start a new line (a GitHub Actions workflow command such as ``::warning``),
move the cursor, clear the screen, set the window title or plant an OSC 8
link in a terminal, reorder what a reader sees (bidi controls), or make an
XML document invalid. These helpers show such characters as visible escapes
(``\\x1b``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (U+0085 NEL included),
# bidi embeddings/overrides/isolates and marks, line/paragraph separators, and
# other invisible format characters that change how a line is shown.
_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
)
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_LINE_RE = re.compile(f"[{_UNSAFE}\n]")
# Characters XML 1.0 cannot hold (surrogates from undecodable file names,
# U+FFFE/U+FFFF), and everything above, apart from tab and newline.
_NOT_XML_RE = re.compile(f"[{_UNSAFE}\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line with every control character shown as an escape (tab kept)."""
    return _UNSAFE_LINE_RE.sub(_escape, str(text))


def visible_lines(text: str) -> str:
    """Like :func:`visible`, but newlines stay (for multi-line text a format escapes itself)."""
    return _UNSAFE_RE.sub(_escape, str(text))


def xml_text(text: str) -> str:
    """``text`` with only characters valid in XML 1.0 (newlines kept)."""
    return _NOT_XML_RE.sub(_escape, str(text).replace("\r\n", "\n").replace("\r", "\n"))


def code_span(text: str) -> str:
    """A Markdown code span that holds ``text`` whatever backticks it contains."""
    text = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ") and text.strip()):
        text = f" {text} "
    return f"{fence}{text}{fence}"
