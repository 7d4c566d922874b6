"""strip_markdown_inline: keep the prose, drop the syntax."""

from __future__ import annotations

import pytest

from contentlint.readability import strip_markdown_inline as strip


@pytest.mark.parametrize(
    "md,plain",
    [
        ("plain text stays as it is", "plain text stays as it is"),
        ("Ask for a [Prior Written Notice](prior-written-notice.md).", "Ask for a Prior Written Notice."),
        ('Read [the rule](https://sites.ed.gov/idea/regs/b/e/300.503 "34 CFR").', "Read the rule."),
        ("See [cómo pedirlo](guide:prior-written-notice#cómo-pedirlo) hoy.", "See cómo pedirlo hoy."),
        ("A [link](https://en.wikipedia.org/wiki/Due_process_(law)) with parens.", "A link with parens."),
        ("Use the [form][pwn-form] and [this][].", "Use the form and this."),
        ("Run `contentlint check` first.", "Run first."),
        ("Run ``a ` tick`` now.", "Run now."),
        ("Keep this <!-- contentlint: quote --> text.", "Keep this text."),
        ("**Get the denial in writing.** Then *ask* why.", "Get the denial in writing. Then ask why."),
        ("__Bold__ and _italic_ and ~~old~~ words.", "Bold and italic and old words."),
        ("snake_case_name stays", "snake_case_name stays"),
        ("An ![icon](img/icon.png) picture.", "An picture."),
        ("Go to <https://example.org> now.", "Go to now."),
        ("Visit https://sites.ed.gov/idea. Then call.", "Visit. Then call."),
        ("Visit www.parentcenterhub.org today.", "Visit today."),
        ("Write to parent@example.org today.", "Write to today."),
        ("Line one<br>line two <span class='x'>kept</span>.", "Line one line two kept."),
        (r"Literal \*stars\* and \[brackets\].", "Literal *stars* and [brackets]."),
        ("Fish &amp; chips &mdash; yes.", "Fish & chips — yes."),
        ("A footnote[^1] here.", "A footnote here."),
        ("¿Prefieres español? [Lee esta guía](../es/guia.md) →", "¿Prefieres español? Lee esta guía →"),
    ],
)
def test_strip(md: str, plain: str) -> None:
    assert strip(md) == plain


def test_multiline_comment_keeps_newlines() -> None:
    assert strip("one <!-- a\nb --> two").count("\n") == 1


def test_idempotent_on_its_output() -> None:
    once = strip("**Ask** for [the notice](x.md) at `code` <!-- c --> https://a.b/c.")
    assert strip(once) == once
