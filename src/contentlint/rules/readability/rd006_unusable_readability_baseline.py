"""RD006 unusable-readability-baseline: RD005's baseline cannot be read, so nothing was compared."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.readability.baseline import BaselineError
from contentlint.rules.base import LibraryRule
from contentlint.rules.readability.common import document_position
from contentlint.rules.readability.rd005_readability_regression import (
    ReadabilityRegression,
)

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class UnusableReadabilityBaseline(LibraryRule):
    """The readability baseline configured for RD005 cannot be read.

    ## What it does
    Opens the baseline named by RD005's `baseline` option (a JSON file or
    `git:REF`) and, when it cannot be used (missing file, bad JSON, unknown git
    ref), reports one error for the run, on the title of the first guide
    checked, naming the problem. It reads RD005's options
    (`[tool.contentlint.rules.readability-regression]`) and does nothing when no
    baseline is set.

    ## Why is this bad?
    A ratchet that silently compares nothing passes every change: RD005 would
    report no regression because it had nothing to compare with. The error is
    about the run, not about a guide, so it is reported once, whatever the
    number of guides, processes or cached targets.

    ## Example
    ```text
    content/en/x.md:5:8: RD006 readability baseline cannot be used, no guide was compared: baseline reports/base.json not found
    ```

    ## Options
    None of its own: it reads RD005's `baseline` and `include-headings`.
    """  # noqa: E501 - the example is one line of real output, which cannot be wrapped

    code = "RD006"
    name = "unusable-readability-baseline"
    default_severity = Severity.ERROR
    Options = ReadabilityRegression.Options
    options_of = "RD005"

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """One error when the configured baseline cannot be opened."""
        if not self.options.baseline:
            return
        baseline = ctx.baseline(self.options.baseline, self.options.include_headings)
        if not isinstance(baseline, BaselineError):
            return
        guides = [d for d in ctx.checked if d.kind == "guide" and d.usable and d.lang in ("en", "es")]
        if not guides:
            return
        doc = guides[0]
        line, column = document_position(doc)
        yield self.finding(
            doc, line, column,
            msg("readability baseline cannot be used, no guide was compared: {error}",
                error=baseline.args[0] if baseline.args else str(baseline)),
            msg("Fix `baseline` in [tool.contentlint.rules.readability-regression]: write the file with "
                "`python scripts/readability_baseline.py`, or fetch the git ref."),
        )
