"""SC005 unknown-field: A key the schema does not know is reported, with the closest known key as a suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from contentlint.findings import Finding, Fix, Severity
from contentlint.i18n import Message, msg
from contentlint.rules.base import LoadProblemRule
from contentlint.rules.fixing import replace_at

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.content.read import LoadProblem
    from contentlint.context import RunContext


class UnknownField(LoadProblemRule):
    """A key the schema does not know is reported, with the closest known key as a suggestion.

    ## What it does
    A key the schema does not know is reported, with the closest known key as a suggestion.

    ## Why is this bad?
    A misspelt key (`descripton`) is ignored by the site: the guide silently loses its description.

    ## Example
    `descripton: ...` gives `unknown key 'descripton'` with the hint `Did you mean 'description'?`

    ## Fix
    `contentlint fix` renames the key to the suggestion, unless the mapping already
    has that key (the two values would then need a person to merge them).

    ## Options
    None besides `severity`.
    """

    code = "SC005"
    name = "unknown-field"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report unknown keys, with the did-you-mean rename as the fix."""
        for problem in (*target.problems, *target.schema_problems):
            if problem.code == self.code:
                yield self.finding(target, problem.line, problem.column, problem.message, problem.hint,
                                   fix=_rename(target, problem))


def _rename(doc: Document, problem: LoadProblem) -> Fix | None:
    hint = problem.hint
    if not isinstance(hint, Message) or not problem.loc or not isinstance(problem.loc[-1], str):
        return None
    suggestion = hint.params.get("key")
    if not isinstance(suggestion, str) or suggestion in _mapping_at(doc.front, problem.loc[:-1]):
        return None
    return replace_at(doc, problem.line, problem.column, problem.loc[-1], suggestion,
                      msg("Rename {old!r} to {new!r}", old=problem.loc[-1], new=suggestion))


def _mapping_at(data: Any, loc: tuple[str | int, ...]) -> dict[str, Any]:
    """The mapping that holds the unknown key (empty when the path leads elsewhere)."""
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return {}
    return data if isinstance(data, dict) else {}
