"""SC009 yaml11-boolean: an unquoted yes/no/on/off in a text field."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Fix, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule
from contentlint.rules.fixing import replace_at

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.yamlload import Loc
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
    awaiting_translation: yes    # reported: write true
    ```

    ## Fix
    `contentlint fix` writes `true`/`false` in a boolean field (`awaiting_translation`)
    and quotes the value (`"no"`) anywhere else: both mean what YAML 1.2 already read.

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
                fix=_fix(target, loc, line, column, value),
            )


_TRUE = frozenset({"y", "yes", "on"})


def _fix(doc: Document, loc: Loc, line: int, column: int, value: str) -> Fix | None:
    """``true``/``false`` in a boolean field of a guide, else the value quoted."""
    if doc.kind == "guide" and len(loc) == 1 and loc[0] in _boolean_fields():
        new = "true" if value.lower() in _TRUE else "false"
        return replace_at(doc, line, column, value, new, msg("Write {new}", new=new))
    return replace_at(doc, line, column, value, f'"{value}"', msg('Quote it: "{value}"', value=value))


@functools.cache
def _boolean_fields() -> frozenset[str]:
    from contentlint.schema.models import GuideFrontMatter

    return frozenset(name for name, field in GuideFrontMatter.model_fields.items() if field.annotation is bool)
