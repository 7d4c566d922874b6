"""The fast parser (markdown-it-pyrs) and the fallback (markdown-it-py) agree.

Compared on every guide of the bundled library, every fixture, and a set of the
constructs guides use. Whitespace inside a block's raw source may differ (it is
not content); kinds, text, lines, levels, numbering and links may not.
"""

from __future__ import annotations

import re

import pytest

from clitools import FIXTURES, ROOT
from contentlint.content.markdown import python as markdown
from contentlint.content.markdown import rust as markdown_rs

pytestmark = pytest.mark.skipif(not markdown_rs.available(), reason="markdown-it-pyrs is not installed")

CONSTRUCTS = [
    "Intro with [a link](x.md#anchor), **bold**, _em_, `code` and <https://example.org>.",
    "## A heading\n\nText.\n\n### A question?\n\nAn answer.",
    "1. **Step one.** Do it.\n   More about it.\n2. Step two.\n   - nested\n   - items\n3. Step three.",
    "- one\n- two\n\n- loose three\n\n  with a second paragraph",
    "> A quoted letter,\n> on two lines.\n>\n> Thank you,\n> Name",
    "| a | b |\n|---|---|\n| [c](c.md) | d |",
    "```\ncode\n```\n\n<!-- contentlint-disable-next-line PL002 -- reason -->\n[here](x.md)",
    "Title\n=====\n\nSub\n---\n\n![Alt text](img.png) and ![](empty.png)",
    "Reference [style][ref] link.\n\n[ref]: guide.md#part",
    "Ñandú, ¿qué? ¡Sí! Educación &amp; evaluación.\nSecond line  \nhard break\\\nend",
]


def _normal(blocks):
    return [
        (b.kind, re.sub(r"\s+", " ", b.source).strip(), b.plain, b.line, b.end_line, b.level, b.ordered, b.number, b.section, b.links)
        for b in blocks
    ]


def _bodies():
    files = sorted((ROOT / "content").glob("e[ns]/*.md")) + sorted(FIXTURES.rglob("*.md"))
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
            end = lines.index("---", 1) if lines[0] == "---" else None
        except (UnicodeDecodeError, ValueError):
            continue
        if end is not None:
            yield str(path.relative_to(ROOT)), "\n".join(lines[end + 1 :]), end + 2


@pytest.mark.parametrize(("name", "body", "first"), list(_bodies()), ids=lambda v: v if isinstance(v, str) and "/" in v else "")
def test_parsers_agree_on_real_guides(name, body, first):
    lines = ["---"] * (first - 1) + body.split("\n")
    assert _normal(markdown_rs.parse_blocks(body, first)) == _normal(markdown.parse_blocks_py(body, first, lines))


@pytest.mark.parametrize("body", CONSTRUCTS)
def test_parsers_agree_on_constructs(body):
    lines = ["x"] * 4 + body.split("\n")
    assert _normal(markdown_rs.parse_blocks(body, 5)) == _normal(markdown.parse_blocks_py(body, 5, lines))


PIECES = [
    "# H", "## Q?", "### Sub", "1. step", "2. step", "3) x", "- item", "* item", "+ item", "  - nested",
    "    - deeper", "> quote", "> > deep", "```", "~~~", "    code", "<!-- c -->", "<div>x</div>",
    "[link](x.md#a)", "![img](p.png)", "![](p.png)", "[ref][r]", "[r]: u.md", "| a | b |", "|---|---|",
    "| c | d |", "**bold**", "_em_", "`code`", "text words here", "", " ", "---", "***", "Setext", "====",
    "ñandú ¿qué?", "a  ", "b\\", "<https://a.b>", "x\ty",
]


def test_parsers_agree_on_random_markdown():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    line = st.tuples(st.sampled_from(PIECES), st.sampled_from(["", *PIECES])).map(lambda p: " ".join(x for x in p if x))

    # derandomize: the same examples on every run, so CI can never meet a new one by chance.
    @settings(max_examples=300, deadline=None, derandomize=True, database=None)
    @given(st.lists(line, min_size=1, max_size=15))
    def check(lines):
        from hypothesis import assume

        body = "\n".join(lines)
        # Known difference of the parsers themselves, not of our flatteners: after a
        # quoted paragraph, "2. step" is a lazy continuation for markdown-it.rs (as
        # CommonMark says: only a list starting at 1 may interrupt a paragraph) and a
        # new list for markdown-it-py. Guides don't write that; leave it out.
        assume(not (re.search(r"^\s*>", body, re.M) and re.search(r"^\s*([2-9]|\d\d+)[.)]", body, re.M)))
        # The other known parser difference: markdown-it-py starts a table whose
        # header row is a quoted line ("> a | b" over "|---|"); markdown-it.rs keeps
        # the quote, as CommonMark's lazy continuation says.
        assume(not (re.search(r"^\s*>", body, re.M) and "|---" in body))
        padded = ["x"] * 4 + body.split("\n")
        fast, slow = _normal(markdown_rs.parse_blocks(body, 5)), _normal(markdown.parse_blocks_py(body, 5, padded))
        if "`" in body:
            # The fallback finds link positions by searching the source, so a
            # link-like text inside a code span can mislead it; the fast parser's
            # positions are exact. Compare those links without their positions.
            fast = [(*b[:-1], [(x.href, x.text) for x in b[-1]]) for b in fast]
            slow = [(*b[:-1], [(x.href, x.text) for x in b[-1]]) for b in slow]
        assert fast == slow

    check()
