"""Rule kinds: rules that differ only in their data are declared, not written.

As proselint's checks are values of a few check types, a rule of one of these
kinds is a class that sets the kind's attributes (which facts, how two facts
are the same, its message and hint) and keeps its own code, name, severity and
documentation. The loop that every such rule shares lives here once.

* :class:`FactParityRule`: one kind of fact (dates, phone numbers, e-mail
  addresses, URLs, citations) compared between aligned English and Spanish
  blocks; PR031, PR034, PR035, PR036.
* :class:`SyncStateRule`: a pair whose sync mark is in one state (``never``,
  ``invalid``); PR022, PR023.

The links family has its own kind, beside its network settings:
:class:`contentlint.rules.links.online.ExternalOutcomeRule` (LK101-LK103).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from contentlint.findings import Finding, Location
from contentlint.rules.base import PairRule
from contentlint.rules.parity import mismatch_finding, unmatched

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.bilingual.staleness import SyncState
    from contentlint.content.library import Pair
    from contentlint.context import RunContext
    from contentlint.facts.extract import Fact, Facts

# One comparison of a block pair: a label ("phone numbers"; "" when the rule
# compares one kind), the English facts and the Spanish facts.
Comparison = tuple[str, list["Fact"], list["Fact"]]


class FactParityRule(PairRule):
    """A pair rule comparing one kind of fact between aligned prose blocks.

    Set ``facts`` (the :class:`~contentlint.facts.extract.Facts` attributes to
    compare, with a label each when there are several), ``token_prefix`` (the
    hard-token kind that lets equal blocks be skipped without extracting facts),
    and override :meth:`message` and :meth:`hint`; :meth:`same` compares by key
    unless overridden.
    """

    facts: ClassVar[tuple[tuple[str, str], ...]] = ()  # (attribute, label)
    token_prefix: ClassVar[str | tuple[str, ...] | None] = None  # "c:" citations, "u:" URLs ...

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare the facts of every aligned prose block pair."""
        for en, es in ctx.aligned_prose(target):
            if self.token_prefix is not None and _tokens(en, self.token_prefix) == _tokens(es, self.token_prefix):
                continue  # the same facts of this kind (or none)
            if not self.may_differ(ctx, target, en, es):
                continue
            en_facts = self.block_facts(ctx, target.en, en, "en")
            es_facts = self.block_facts(ctx, target.es, es, "es")
            for label, en_list, es_list in self.comparisons(en_facts, es_facts):
                if not en_list and not es_list:
                    continue
                en_only, es_only = unmatched(en_list, es_list, self.same)
                if en_only or es_only:
                    yield mismatch_finding(
                        self, target, en, es, en_only, es_only, partial(self.message, label), self.hint()
                    )

    def comparisons(self, en: Facts, es: Facts) -> Iterator[Comparison]:
        """The lists to compare, one per entry of ``facts``."""
        for attribute, label in self.facts:
            yield label, getattr(en, attribute), getattr(es, attribute)

    def block_facts(self, ctx: RunContext, doc: Any, info: BlockInfo, lang: str) -> Facts:
        """A block's facts (in the locale the rule's options name, if any)."""
        return ctx.block_facts(doc, info, getattr(self.options, f"{lang}_locale", None))

    def may_differ(self, ctx: RunContext, pair: Pair, en: BlockInfo, es: BlockInfo) -> bool:
        """A cheap test before the facts are extracted (True: compare)."""
        return True

    def same(self, en: Fact, es: Fact) -> bool:
        """Whether an English and a Spanish fact say the same."""
        return bool(en.key == es.key)

    def message(self, label: str, english: str, spanish: str) -> str:
        """The finding's message, naming what only each side has."""
        raise NotImplementedError

    def hint(self) -> str:
        """How to fix it."""
        raise NotImplementedError


def _tokens(info: BlockInfo, prefix: str | tuple[str, ...]) -> list[str]:
    return sorted(token for token in info.tokens if token.startswith(prefix))


class SyncStateRule(PairRule):
    """A pair rule reporting, on the Spanish guide's id, a sync mark in one ``status``."""

    status: ClassVar[str]

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Report the pair when its sync state is this rule's."""
        from contentlint.content.read import display_path

        state = ctx.sync_state(target)
        if state.status != self.status:
            return
        line, column = target.es.value_position(("id",))
        shown = display_path(state.path, ctx.project.root)
        yield self.finding(
            target.es, line, column, self.message(state, shown), self.hint(target),
            related=(self.related(target, shown),),
        )

    def message(self, state: SyncState, shown: str) -> str:
        """The finding's message (``shown``: the sync file's path as shown)."""
        raise NotImplementedError

    def hint(self, pair: Pair) -> str:
        """How to fix it."""
        raise NotImplementedError

    def related(self, pair: Pair, shown: str) -> Location:
        """The other place the finding names."""
        raise NotImplementedError
