"""LK003 broken-anchor: a ``#part`` link that matches no heading of its target."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Fix, Location, Severity
from contentlint.i18n import msg
from contentlint.links.anchors import unaccented
from contentlint.rules.base import FileRule
from contentlint.rules.fixing import address_position, replace_at
from contentlint.rules.links.common import only_one_closest

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext
    from contentlint.links.extract import LinkSite

_SHOWN_HEADINGS = 6


class BrokenAnchor(FileRule):
    """A `#part` link whose part matches no heading of the guide it points to.

    ## What it does
    For every link with a fragment to a guide (`#part` in the same guide,
    `other.md#part`, `guide:<id>#part`), computes the anchors of the target:
    each heading's slug (lower case, punctuation dropped, spaces as hyphens,
    accents kept, as GitHub and most site generators do: `## ¿Cómo pedirlo?`
    is `#cómo-pedirlo`; a repeated heading gets `-1`, `-2`), `{#custom}` ids
    and HTML `id`/`name` attributes. The accent-free form (`#como-pedirlo`) is
    accepted too. The hint names the closest existing anchor.

    ## Why is this bad?
    A broken anchor opens the right page at the wrong place: the parent lands
    at the top of a long guide instead of the step they were sent to.

    ## Example
    ```markdown
    ## ¿Cómo pedirlo?
    ...
    Vea [cómo pedirlo](#cómo-pedirlo).   <- fine
    Vea [cómo pedirlo](#como-pedirlo).   <- fine (accent-free form)
    Vea [cómo pedirlo](#como-pedir).     <- LK003; hint: #cómo-pedirlo
    ```

    ## Fix
    `contentlint fix` writes the anchor of the hint in place of the broken one, when
    no other anchor is as close.

    ## Options
    None besides `severity`. Fragments of external URLs are not checked.
    """

    code = "LK003"
    name = "broken-anchor"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report fragments that name no anchor."""
        index = ctx.link_index()
        for site, where in index.resolved(target):
            if where.kind != "guide" or where.doc is None or not where.fragment:
                continue
            anchors = index.anchors(where.doc)
            if where.fragment in anchors:
                continue
            same = where.doc is target
            place = msg("this guide") if same else where.doc.display
            message = msg("anchor '#{fragment}' matches no heading in {place}", fragment=where.fragment,
                          place=place)
            closest = anchors.closest(where.fragment)
            fix = None
            if closest is not None:
                hint = msg("Did you mean #{anchor}?", anchor=closest)
                if _single(anchors.slugs, where.fragment, closest):
                    fix = _anchor_fix(target, site, closest)
            elif anchors.slugs:
                shown = ", ".join("#" + slug for slug in anchors.slugs[:_SHOWN_HEADINGS])
                hint = msg("Its anchors are: {anchors}", anchors=shown)
            else:
                hint = msg("The guide has no headings; link to the page without '#...'.")
            related = () if same else (Location(where.doc.display, 1, 1, note=msg("the linked guide")),)
            yield self.finding(target, site.line, site.column, message, hint, related=related, fix=fix)


def _single(slugs: Sequence[str], fragment: str, closest: str) -> bool:
    """No other anchor is as near to the fragment as ``closest`` (a fix takes one guess)."""
    written = unaccented(fragment)
    others = [(unaccented(slug), slug) for slug in slugs if slug != closest]
    return only_one_closest(written, [(unaccented(closest), closest), *others])


def _anchor_fix(doc: Document, site: LinkSite, anchor: str) -> Fix | None:
    """The link's address with the closest anchor in place of its ``#part``."""
    where = address_position(doc, site)
    if where is None or "#" not in where[2]:
        return None
    line, column, written = where
    path = written.split("#", 1)[0]
    return replace_at(doc, line, column, written, f"{path}#{anchor}", msg("Link to #{anchor}", anchor=anchor))
