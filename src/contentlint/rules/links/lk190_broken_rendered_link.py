"""LK190 broken-rendered-link: what ``contentlint links --engine linkchecker`` reports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class BrokenRenderedLink(LibraryRule):
    """A broken link found by LinkChecker in the rendered site (`contentlint links`).

    ## What it does
    Reported only by `contentlint links --engine linkchecker DIR_OR_URL`, which
    crawls the *rendered* HTML (a build folder or a running site) with
    LinkChecker, run as a separate program (optional extra:
    `pip install 'contentlint[linkchecker]'`). Each invalid link, warning or
    permanent redirect LinkChecker finds is mapped back to the source guide
    (a page `<slug>.html` or `<slug>/index.html` is the guide with that slug)
    and, when the link can be matched to one written in the guide, to its
    line and column. `contentlint check` never reports it.

    ## Why is this bad?
    The site generator can break links the Markdown got right: templates,
    menus, asset paths, slugs rewritten on publication. Only the rendered
    site shows them.

    ## Example
    ```text
    content/en/prior-written-notice.md:12:5: LK190 'missing.html' is broken in the rendered page en/prior-written-notice.html: ...
    ```

    ## Options
    None; `contentlint links --help` lists the command's flags.
    """  # noqa: E501 - the example is one line of real output, which cannot be wrapped

    code = "LK190"
    name = "broken-rendered-link"
    default_severity = Severity.ERROR
    enabled_by_default = False
    extra_groups = ("online", "linkchecker")

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Nothing: the `contentlint links` command reports this code."""
        return iter(())
