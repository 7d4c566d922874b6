"""LK001 broken-guide-link: a link to a guide that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.links.extract import GUIDE_LIKE_SUFFIXES
from contentlint.rules.base import FileRule
from contentlint.rules.fixing import link_fix
from contentlint.rules.links.common import closest_guide, language_name, relative_href

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.links.extract import LinkSite

# The language switch is PR060's (language-switch-mismatch); related ids are LK004's.
_ORIGINS = frozenset({"body", "html", "card"})


class BrokenGuideLink(FileRule):
    """A link to another guide (a `.md` path or `guide:<id>`) that leads to no guide.

    ## What it does
    Resolves every link of a guide's body (Markdown and raw HTML) and card
    `href`s, offline: a relative path is looked up from the guide's folder, a
    `guide:<id>` link by id in the guide's own language. A path ending in `.md`
    (or `.html`, or nothing) that names no file, a `guide:` id with no guide in
    this language, and a link with an empty target (`[text]()`) are reported.
    The hint names the guide the link most likely meant.

    ## Why is this bad?
    A parent who follows "read the Prior Written Notice guide" and lands on a
    "page not found" loses the next step, often at a stressful moment.

    ## Example
    ```markdown
    Ask for [Prior Written Notice](prior-writen-notice.md).   <- LK001; hint: prior-written-notice.md
    Ask for [Prior Written Notice](prior-written-notice.md).  <- fine
    See [the IEE guide](guide:independent-educational-evaluation).  <- fine (by id)
    ```

    ## Fix
    `contentlint fix` writes the guide of the hint in place of the broken path or
    id (the `#part` kept), when no other guide is as close.

    ## Options
    None besides `severity`. Missing images and other files are LK005; the
    `language_switch` link is checked by PR060, `related` ids by LK004.
    """

    code = "LK001"
    name = "broken-guide-link"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report guide links that resolve to nothing."""
        index = ctx.link_index()
        for site, where in index.resolved(target):
            if site.origin not in _ORIGINS:
                continue
            if where.kind == "empty":
                yield self.finding(
                    target, site.line, site.column,
                    msg("link '{text}' has no target", text=site.text),
                    msg("Put the guide's path in the parentheses: [text](other-guide.md)."),
                )
            elif where.kind == "unknown-id":
                yield self._unknown_id(target, ctx, site, where.detail, where.doc)
            elif where.kind == "missing" and PurePosixPath(site.shown.split("#", 1)[0]).suffix.lower() in (
                GUIDE_LIKE_SUFFIXES
            ) and site.origin != "image":
                yield self._missing(target, ctx, site)

    def _missing(self, doc: Document, ctx: RunContext, site: LinkSite) -> Finding:
        shown, fix = site.shown, None
        guess = closest_guide(ctx.library, doc, shown)
        if guess is not None:
            href = relative_href(doc, guess)
            hint = msg("Did you mean {href}?", href=href)
            if closest_guide(ctx.library, doc, shown, single=True) is guess:
                fix = link_fix(doc, site, href + _fragment(shown), msg("Link to {href}", href=href))
        else:
            hint = msg("Link to an existing guide's .md file (relative to this guide), or to guide:<id>.")
        return self.finding(doc, site.line, site.column, msg("link '{href}' leads to no guide", href=shown), hint,
                            fix=fix)

    def _unknown_id(
        self, doc: Document, ctx: RunContext, site: LinkSite, guide_id: str, other: Document | None
    ) -> Finding:
        line, column, fix = site.line, site.column, None
        lang = language_name(doc.lang)
        if other is not None:
            message = msg("no {lang} guide has id '{id}' (only the {other} one)", lang=lang, id=guide_id,
                          other=language_name(other.lang))
            hint = msg("Link to a {lang} guide, or translate {path} first.", lang=lang, path=other.display)
        else:
            message = msg("no {lang} guide has id '{id}'", lang=lang, id=guide_id)
            guess = closest_guide(ctx.library, doc, guide_id)
            if guess is not None and guess.doc_id:
                hint = msg("Did you mean guide:{id}?", id=guess.doc_id)
                if closest_guide(ctx.library, doc, guide_id, single=True) is guess:
                        fix = link_fix(doc, site, f"guide:{guess.doc_id}{_fragment(site.shown)}",
                                   msg("Link to guide:{id}", id=guess.doc_id))
            else:
                hint = msg("Use the id: of an existing guide.")
        return self.finding(doc, line, column, message, hint, fix=fix)


def _fragment(shown: str) -> str:
    """The ``#part`` of a link as written, kept when the path is corrected."""
    return "#" + shown.split("#", 1)[1] if "#" in shown else ""
