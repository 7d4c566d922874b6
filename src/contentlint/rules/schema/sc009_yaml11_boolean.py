"""SC009 yaml11-boolean: an unquoted yes/no/on/off in a text field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class Yaml11Boolean(FileRule):
    """An unquoted `yes`, `no`, `on`, `off`, `y` or `n` used as a value.

    ## What it does
    Reports plain (unquoted) scalars that YAML 1.1 reads as booleans.

    ## Why is this bad?
    contentlint reads YAML 1.2, where `no` is the text "no", but many site
    generators and tools still read YAML 1.1, where it is `false`: an answer
    "no" in a FAQ, or the Norwegian language code, silently becomes a boolean.

    ## Example
    ```yaml
    short_answer: no      # reported: write "no"
    short_answer: "no"    # fine
    ```

    ## Options
    None besides `severity`.
    """

    code = "SC009"
    name = "yaml11-boolean"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report each YAML 1.1 boolean the loader saw."""
        if target.yaml is None:
            return
        for loc, value in sorted(target.yaml.yaml11_booleans.items(), key=lambda item: str(item[0])):
            line, column = target.value_position(loc)
            yield self.finding(
                target,
                line,
                column,
                msg("unquoted {value!r} is read as a boolean by YAML 1.1 tools", value=value),
                msg('Quote it: "{value}" (or use true/false if a boolean is meant).', value=value),
            )
