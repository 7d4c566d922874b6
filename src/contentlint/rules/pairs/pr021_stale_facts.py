"""PR021 stale-facts: numbers, links or citations changed in the English since the last sync."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.bilingual.describe import describe
from contentlint.bilingual.staleness import Change, token_summary
from contentlint.findings import Severity
from contentlint.i18n import msg
from contentlint.rules.pairs.pr020_stale_translation import StaleTranslation

if TYPE_CHECKING:
    from contentlint.content.library import Pair


class StaleFacts(StaleTranslation):
    """A Spanish block whose English block changed a number, date, link, citation, phone or e-mail since the last sync.

    ## What it does
    Like PR020, but for English blocks whose hard tokens changed: numbers,
    URLs and link targets, legal citations, acronyms, e-mail addresses and phone
    numbers (the sync file keeps a separate fingerprint of them). The message
    names the tokens that changed and the detail shows the English word diff.

    ## Why is this bad?
    A deadline, a phone line or a regulation that changed in English and not in
    Spanish sends Spanish-speaking parents to the wrong place or the wrong date.
    That is why this is an error while a reworded sentence (PR020) is a warning.

    ## Example
    ```text
    content/es/guia.md:31:1: PR021 the English step 4 of “Step by step” changed facts since the last sync: [-60-] {+90+}
        | English since the sync: … decide a state complaint within [-60-] {+90+} days …
    ```

    ## Options
    - `context-words` (default 6): words of unchanged text shown around each change.
    """

    code = "PR021"
    name = "stale-facts"
    default_severity = Severity.ERROR
    kinds = ("facts",)

    def message(self, change: Change, pair: Pair) -> str:
        """Which facts changed."""
        assert change.info is not None
        summary = token_summary(change)
        block = describe(change.info, with_text=False)
        if summary:
            return msg("the English {block} changed facts since the last sync: {summary}", block=block,
                       summary=summary)
        return msg("the English {block} changed facts since the last sync", block=block)
