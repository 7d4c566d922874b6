"""ST020 stale-generated-page: a generated page that no longer matches its data file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext

_ENTRY_RE = re.compile(r"^## .*\{#([^\s{}]+)\}[ \t]*$")
_MAX_NAMED = 5


class StaleGeneratedPage(FileRule):
    """A Glossary or Acronym Decoder page that no longer says what its data file says.

    ## What it does
    A guide whose front matter has `generated_from: glossary` (or `acronyms`) was
    written by `contentlint generate pages` from `content/data/glossary.yaml` (or
    `content/data/acronyms.yaml`). This rule renders the page again from the data
    and reports the page when the two differ: a term whose wording or definition
    changed, a new term or acronym, a removed one, or a hand edit of the page. The
    message names the entries (their anchors) and the finding sits on the first line
    that differs. When the data file is missing or not valid, the page cannot be
    checked, and that is reported too.

    ## Why is this bad?
    Parents read the pages, not the YAML. A definition corrected in the data (after a
    legal review, say) but not on the page keeps the old, wrong text in front of
    parents; a hand edit of the page is lost at the next generation.

    ## Example
    ```yaml
    # content/data/acronyms.yaml: a new acronym added
      - acronym: SST
        en: Student Study Team
    ```
    `content/en/acronym-decoder.md` and `content/es/decodificador-de-siglas.md` are
    reported ("new: sst") until `contentlint generate pages` is run.

    ## Options
    None besides `severity`.
    """

    code = "ST020"
    name = "stale-generated-page"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Compare a generated page with the page its data renders now."""
        from contentlint.schema.pages import GENERATE_COMMAND, SPEC_BY_SOURCE

        source = target.front.get("generated_from")
        if target.kind != "guide" or not target.usable or not isinstance(source, str):
            return
        spec = SPEC_BY_SOURCE.get(source)
        if spec is None or target.lang not in ("en", "es"):
            return  # an unknown source is SC008's; a guide without a language, SC010's
        line, column = target.value_position(("generated_from",))
        data = ctx.library.data(spec.source)
        expected = ctx.generated_page(spec.source, target.lang)
        if data is None or expected is None:
            # Each page reads both files (the Glossary names short forms, the Decoder links terms).
            missing = [s.data_path for s in SPEC_BY_SOURCE.values() if ctx.library.data(s.source) is None]
            yield self.finding(
                target, line, column,
                msg("generated page cannot be checked: {data} is missing or not valid",
                    data=", ".join(missing) or spec.data_path),
                msg("Fix the data file (see its own findings), then run `{command}`.", command=GENERATE_COMMAND),
            )
            return
        actual = (target.text or "").replace("\r\n", "\n")
        if actual == expected:
            return
        yield self.finding(
            target, _first_difference(actual, expected), 1,
            msg("generated page no longer matches {data}: {changes}", data=data.display,
                changes=_changes(actual, expected)),
            msg("Run `{command}` to write it again from {data}; edit the data file, not the page.",
                command=GENERATE_COMMAND, data=data.display),
            related=(Location(data.display, 1, 1, note=msg("data file")),),
        )


def _first_difference(actual: str, expected: str) -> int:
    """The 1-based line of the page where it first differs from the expected text."""
    ours, theirs = actual.split("\n"), expected.split("\n")
    for number, (line, wanted) in enumerate(zip(ours, theirs, strict=False), start=1):
        if line != wanted:
            return min(number, max(1, len(actual.rstrip("\n").split("\n"))))
    # One text is the other plus lines at the end: the page's last line.
    return max(1, len(actual.rstrip("\n").split("\n")))


def _entries(text: str) -> dict[str, str]:
    """Anchor -> the entry's text (its heading and everything up to the next entry)."""
    out: dict[str, str] = {}
    anchor: str | None = None
    for line in text.split("\n"):
        found = _ENTRY_RE.match(line)
        if found:
            anchor = found.group(1)
            out[anchor] = ""
        if anchor is not None:
            out[anchor] += line + "\n"
    return out


def _changes(actual: str, expected: str) -> str:
    """What differs, by entry anchor: new, changed, removed; else the text around them."""
    have, want = _entries(actual), _entries(expected)
    new = [a for a in want if a not in have]
    changed = [a for a in want if a in have and have[a] != want[a]]
    removed = [a for a in have if a not in want]
    parts = []
    if new:
        parts.append(msg("new: {anchors}", anchors=_named(new)))
    if changed:
        parts.append(msg("changed: {anchors}", anchors=_named(changed)))
    if removed:
        parts.append(msg("removed: {anchors}", anchors=_named(removed)))
    return "; ".join(parts) if parts else msg("the text around the entries changed")


def _named(anchors: list[str]) -> str:
    shown = ", ".join(anchors[:_MAX_NAMED])
    return shown + (f", … (+{len(anchors) - _MAX_NAMED})" if len(anchors) > _MAX_NAMED else "")
