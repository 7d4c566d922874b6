"""LK010 pending-card-link: a card whose link is not known yet (or missing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class PendingCardLink(FileRule):
    """A card at the foot of a guide whose address is marked pending, or that has none.

    ## What it does
    A card may say `pending: <what the link waits for>` instead of `href:` while
    its address is not known yet (an app not yet published, say). This rule
    names every such card, with its title and the reason, so the page is not
    published with it. A card with neither `href` nor `pending` is reported too.

    ## Why is this bad?
    A placeholder address (`https://example.org/...`) looks like a real link to
    every other check and reaches parents as a dead or wrong page. Marking the
    link as pending says so in the content model; this warning keeps it visible
    on every run until the real address replaces it, while the library still
    passes at the error level.

    ## Example
    ```yaml
    cards:
      - title: Get the free app
        text: ...
        label: Get IEP Compass
        pending: The app's address is not known yet.   # <- LK010 (warning)
    ```

    ## Options
    None besides `severity`.
    """

    code = "LK010"
    name = "pending-card-link"
    default_severity = Severity.WARNING

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each card that says ``pending`` or has no ``href``."""
        cards = target.front.get("cards") if target.kind == "guide" and target.usable else None
        if not isinstance(cards, list):
            return
        for index, card in enumerate(cards):
            if isinstance(card, dict):
                yield from self._card(target, index, card)

    def _card(self, doc: Document, index: int, card: dict[str, Any]) -> Iterator[Finding]:
        title = card.get("title") if isinstance(card.get("title"), str) else f"#{index + 1}"
        pending = card.get("pending")
        if isinstance(pending, str) and pending.strip():
            line, column = doc.value_position(("cards", index, "pending"))
            yield self.finding(
                doc, line, column,
                msg("card “{title}” has no address yet (pending: {reason})", title=title, reason=pending.strip()),
                msg("Replace `pending` with `href` and the real address before publishing this guide."),
            )
        elif not isinstance(card.get("href"), str):
            line, column = doc.position(("cards", index))
            yield self.finding(
                doc, line, column,
                msg("card “{title}” has no link", title=title),
                msg("Add `href` with a guide path or an https:// address, or `pending` with what the link waits for."),
            )
