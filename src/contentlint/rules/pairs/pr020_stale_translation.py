"""PR020 stale-translation: the English words changed since the last sync."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.bilingual.describe import describe, english_note
from contentlint.bilingual.locate import block_location, locate
from contentlint.bilingual.staleness import Change, spanish_index
from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import NoOptions, PairRule
from contentlint.rules.pairs.confirm import confirmations

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class StaleTranslation(PairRule):
    """A Spanish block whose English block's words changed since the pair was last marked in sync.

    ## What it does
    `contentlint sync mark <id>` records a fingerprint of each English block's
    normalized text in `content/sync/<id>.yaml`. This rule compares the current
    English with those fingerprints and reports the Spanish block aligned with
    each English block whose words changed, with a word diff of the English
    since the mark (`[-removed-] {+added+}`). An English block added after the
    mark is reported at its Spanish counterpart when there is one (otherwise
    PR010 reports it missing); a removed one shows up as PR011.

    Cosmetic edits change nothing: reflowing, whitespace, `*x*` vs `_x_`,
    `**x**` vs `__x__`, `-`/`*`/`+` list markers, `1.` vs `1)`, reference vs
    inline links, trailing spaces and typographic quotes, because the
    fingerprint is computed from the parsed text. Editing only the Spanish
    never clears the finding; only `sync mark` does. Changed numbers, links or
    citations are PR021 instead. When the mark recorded the Spanish block too and
    the Spanish changed along with the English, with no fact-parity finding on the
    two blocks, the block is PR025 (a warning asking for a confirmation) instead.

    ## Why is this bad?
    The Spanish says what the English used to say.

    ## Example
    ```text
    content/es/guia.md:40:1: PR020 the English paragraph of “Stay calm” changed since the last sync ...
        | Keep every [-email-] {+email, text message,+} and notice in one place.
    ```

    ## Options
    - `context-words` (default 6): words of unchanged text shown around each change.
    """

    code = "PR020"
    name = "stale-translation"
    default_severity = Severity.WARNING
    kinds: tuple[str, ...] = ("text", "added")

    class Options(NoOptions):
        """Options of PR020 and PR021."""

        context_words: int = 6

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report the Spanish blocks made stale by English changes."""
        state = ctx.sync_state(target)
        if state.status != "stale":
            return
        alignment = ctx.alignment(target)
        confirm = confirmations(target, ctx) if any(change.kind in self.kinds for change in state.changes) else {}
        for change in state.changes:
            if change.kind not in self.kinds or change.info is None:
                continue
            if change.en_index in confirm:
                continue  # the Spanish changed too and agrees: PR025 asks for a confirmation
            es_index = spanish_index(change, alignment)
            if es_index is None:
                continue  # no Spanish block: PR010 reports the English block as missing
            es = alignment.es[es_index].block
            line, column = locate(target.es, es)
            yield self.finding(
                target.es,
                line,
                column,
                self.message(change, target),
                msg("Update this Spanish block, then run `contentlint sync mark {id}`.", id=target.doc_id),
                related=(block_location(target.en, change.info.block,
                                        msg("{note} (now)", note=english_note(change.info))),),
                detail=self.detail(change),
                context={"change": change.kind, "synced": state.synced},
            )

    def message(self, change: Change, pair: Pair) -> str:
        """What happened to the English block."""
        assert change.info is not None
        if change.kind == "added":
            return msg("the English {block} was added after the last sync; check this translation",
                       block=describe(change.info))
        return msg("the English {block} changed since the last sync", block=describe(change.info, with_text=False))

    def detail(self, change: Change) -> str:
        """The word diff of the English since the mark."""
        if change.kind == "added":
            return ""
        return msg("English since the sync: {diff}", diff=change.diff(self.options.context_words))
