"""PR023 invalid-sync-file: a sync file that cannot be used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.findings import Location, Severity
from contentlint.i18n import msg
from contentlint.rules.kinds import SyncStateRule

if TYPE_CHECKING:
    from contentlint.bilingual.staleness import SyncState
    from contentlint.content.library import Pair


class InvalidSyncFile(SyncStateRule):
    """A `content/sync/<id>.yaml` that cannot be read, is not valid YAML, or records another guide.

    ## What it does
    Reports the Spanish guide of the pair (the sync file is not a content file,
    so it is the related location) with the reason. Staleness is not checked for
    the pair until the file is rewritten.

    A sync file must be `contentlint sync mark`'s own output: a mapping of the
    keys it writes, with their types. A foreign key, a value of the wrong type,
    or YAML that front matter may not hold either (anchors and aliases, tags,
    nesting too deep to read safely, integers of more than 100 digits) makes the
    file unusable. `contentlint sync mark` rewrites it from scratch and keeps
    nothing of the old file; comments are allowed, but not kept.

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

    status = "invalid"

    def message(self, state: SyncState, shown: str) -> str:
        """The sync file and why it cannot be used."""
        return msg("{path} cannot be used: {error}", path=shown, error=state.error)

    def hint(self, pair: Pair) -> str:
        """Re-mark; never repair by hand."""
        return msg("Review the translation, then run `contentlint sync mark {id}` to rewrite the file "
                   "(it is generated; resolve merge conflicts by re-marking, not by hand).", id=pair.doc_id)

    def related(self, pair: Pair, shown: str) -> Location:
        """The sync file."""
        return Location(shown, 1, 1, note=msg("sync file"))
