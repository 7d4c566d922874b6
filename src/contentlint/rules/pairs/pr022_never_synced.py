"""PR022 never-synced: a pair with no sync file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.findings import Location, Severity
from contentlint.i18n import msg
from contentlint.rules.kinds import SyncStateRule

if TYPE_CHECKING:
    from contentlint.bilingual.staleness import SyncState
    from contentlint.content.library import Pair


class NeverSynced(SyncStateRule):
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

    status = "never"

    def message(self, state: SyncState, shown: str) -> str:
        """The sync file that does not exist."""
        return msg("never marked in sync: {path} does not exist, so English changes cannot be tracked", path=shown)

    def hint(self, pair: Pair) -> str:
        """Review, then mark."""
        return msg("Check the translation against the English, then run `contentlint sync mark {id}`.",
                   id=pair.doc_id)

    def related(self, pair: Pair, shown: str) -> Location:
        """The English guide."""
        return Location(pair.en.display, 1, 1, note=msg("English guide"))
