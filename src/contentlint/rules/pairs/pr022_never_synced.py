"""PR022 never-synced: a pair with no sync file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.content.read import display_path
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class NeverSynced(PairRule):
    """An English/Spanish pair that was never marked in sync, so English changes cannot be tracked.

    ## What it does
    Reports a Spanish guide whose id has no `content/sync/<id>.yaml`. The file
    is written by `contentlint sync mark <id>` once someone has checked that the
    Spanish matches the English; until then, PR020/PR021 cannot say what changed.

    ## Why is this bad?
    Without a sync point every later English edit goes unnoticed in Spanish.

    ## Example
    ```text
    content/es/guia.md:2:5: PR022 never marked in sync: content/sync/guide.yaml does not exist
    ```
    Fix: review the translation, then `contentlint sync mark guide`.

    ## Options
    None besides `severity` (turn it up to `error` to require a sync mark for every pair).
    """

    code = "PR022"
    name = "never-synced"
    default_severity = Severity.WARNING
    groups = ("sync",)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report a missing sync file."""
        state = ctx.sync_state(target)
        if state.status != "never":
            return
        line, column = target.es.value_position(("id",))
        shown = display_path(state.path, ctx.project.root)
        yield self.finding(
            target.es,
            line,
            column,
            msg("never marked in sync: {path} does not exist, so English changes cannot be tracked", path=shown),
            msg("Check the translation against the English, then run `contentlint sync mark {id}`.",
                id=target.doc_id),
            related=(Location(target.en.display, 1, 1, note=msg("English guide")),),
        )
