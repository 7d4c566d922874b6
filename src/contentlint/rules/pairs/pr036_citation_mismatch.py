"""PR036 citation-mismatch: legal citations differ between aligned blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import PairRule
from contentlint.rules.pairs.parity import mismatch_finding, unmatched_keys

if TYPE_CHECKING:
    from contentlint.content.library import Pair
    from contentlint.context import RunContext


class CitationMismatch(PairRule):
    """An aligned Spanish block that cites other regulations than the English block.

    ## What it does
    Compares legal citations by section and paragraph: `34 CFR 300.503`,
    `34 C.F.R. § 300.503`, `§300.503` and `§ 300.503` are the same citation;
    `300.503(b)` is not `300.503(c)`. Ranges (`§§300.151–300.153`) and U.S. Code
    citations (`20 U.S.C. 1415(b)`) are compared too.

    ## Why is this bad?
    Citations let parents and advocates check a claim; a wrong section in one
    language points them at another rule.

    ## Example
    ```markdown
    English: ... within 60 days (34 CFR 300.152(a)).
    Spanish: ... en un plazo de 60 días (34 CFR 300.153(a)).    <- PR036
    ```

    ## Options
    None besides `severity`.
    """

    code = "PR036"
    name = "citation-mismatch"
    default_severity = Severity.ERROR
    groups = ("sync",)

    def check(self, target: Pair, ctx: RunContext) -> Iterator[Finding]:
        """Compare citations block by block."""
        for en, es in ctx.aligned_prose(target):
            if sorted(t for t in en.tokens if t.startswith("c:")) == sorted(t for t in es.tokens if t.startswith("c:")):
                continue  # the same citations (or none)
            en_cites = ctx.block_facts(target.en, en).citations
            es_cites = ctx.block_facts(target.es, es).citations
            en_only, es_only = unmatched_keys(en_cites, es_cites, lambda f: f.key)
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
                    "citations differ from the English block: English has {english}; Spanish has {spanish}",
                    english=english, spanish=spanish,
                ),
                msg("Cite the same sections as the English block."),
            )
