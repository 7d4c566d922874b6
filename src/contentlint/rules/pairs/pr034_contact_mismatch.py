"""PR034 contact-mismatch: phone numbers or e-mail addresses differ between aligned blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.pairs.parity import mismatch_finding, unmatched_keys

if TYPE_CHECKING:
    from contentlint.bilingual.blocks import BlockInfo
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class ContactMismatch(PairRule):
    """An aligned Spanish block whose phone numbers or e-mail addresses differ from the English block's.

    ## What it does
    Compares US phone numbers by their ten digits (`(800) 555-1234`,
    `800-555-1234`, `1-800-555-1234` and `tel:` links are the same number) and
    e-mail addresses case-insensitively (text and `mailto:` links).

    ## Why is this bad?
    A Spanish-speaking parent who calls the wrong line or writes to a dead
    address gets no help; these must be identical in both languages.

    ## Example
    ```markdown
    English: Call the help line at (800) 555-1234.
    Spanish: Llame a la línea de ayuda al (800) 555-1243.    <- PR034
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR034"
    name = "contact-mismatch"
    default_severity = Severity.ERROR
    groups = ("sync",)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare phones and e-mails block by block."""
        for en, es in ctx.aligned_prose(target):
            if _contacts(en) == _contacts(es):
                continue  # the same phone numbers and addresses (or none)
            ef, sf = ctx.block_facts(target.en, en), ctx.block_facts(target.es, es)
            for label, en_list, es_list in ((msg("phone numbers"), ef.phones, sf.phones),
                                             (msg("e-mail addresses"), ef.emails, sf.emails)):
                if not en_list and not es_list:
                    continue
                en_only, es_only = unmatched_keys(en_list, es_list, lambda f: f.key)
                if not en_only and not es_only:
                    continue
                yield mismatch_finding(
                    self,
                    target,
                    en,
                    es,
                    en_only,
                    es_only,
                    lambda english, spanish: msg(
                        "{what} differ from the English block: English has {english}; Spanish has {spanish}",
                        what=label, english=english, spanish=spanish,
                    ),
                    msg("Copy the phone number or address exactly from the English block."),
                )


def _contacts(info: BlockInfo) -> list[str]:
    return sorted(token for token in info.tokens if token.startswith(("p:", "e:")))
