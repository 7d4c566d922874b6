"""PR023 invalid-sync-file: a sync file that cannot be used."""

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


class InvalidSyncFile(PairRule):
    """A `content/sync/<id>.yaml` that cannot be read, is not valid YAML, or records another guide.

    ## What it does
    Reports the Spanish guide of the pair (the sync file is not a content file,
    so it is the related location) with the reason. Staleness is not checked for
    the pair until the file is rewritten.

    ## Why is this bad?
    The file is generated and never edited by hand; a broken one usually comes
    from a merge conflict or a hand edit, and hides every English change.

    ## Example
    ```text
    content/es/guia.md:2:5: PR023 content/sync/guide.yaml cannot be used: blocks[3].text_fp is not a fingerprint
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR023"
    name = "invalid-sync-file"
    default_severity = Severity.ERROR
    groups = ("sync",)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report an unusable sync file."""
        state = ctx.sync_state(target)
        if state.status != "invalid":
            return
        line, column = target.es.value_position(("id",))
        shown = display_path(state.path, ctx.project.root)
        yield self.finding(
            target.es,
            line,
            column,
            msg("{path} cannot be used: {error}", path=shown, error=state.error),
            msg("Review the translation, then run `contentlint sync mark {id}` to rewrite the file "
                "(it is generated; resolve merge conflicts by re-marking, not by hand).", id=target.doc_id),
            related=(Location(shown, 1, 1, note=msg("sync file")),),
        )
