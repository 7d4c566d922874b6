"""PR024 unusable-counterpart: the translation exists but cannot be read, so the pair is not checked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import LibraryRule

if TYPE_CHECKING:
    from contentlint.content.library import Library
    from contentlint.context import RunContext


class UnusableCounterpart(LibraryRule):
    """A note on a guide whose translation exists but cannot be used: the pair is not checked.

    ## What it does
    When a guide's front matter cannot be read (SC001, SC002, SC003) or names the other
    language than its folder (SC010, such as `lang: en` in `content/es/`), that guide is
    left out of pairing and link checks, and only its root cause is reported on it. This
    note goes on its translation (the guide with the same `id` in the other folder; for
    an unreadable front matter the `id:` line is read leniently) and names the root cause.
    Nothing else is reported on the healthy guide or on the guides linking to the broken
    one for that cause: no "missing translation", no "orphan", no broken `related` id, no
    cross-language link, no language-switch mismatch.

    ## Why is this bad?
    One mistake should give one finding. A YAML slip in the English front matter used to
    make the healthy Spanish guide report "no English guide has id ..." with the hint
    "remove the guide", and every guide listing it in `related` report a broken id:
    advice that would have deleted correct work. This note says instead that the pair
    was not checked (so nothing is silently skipped) and where the one fix is.

    ## Example
    ```yaml
    # content/es/notificacion-previa-por-escrito.md
    id: prior-written-notice
    lang: en        # <- SC010 here (the root cause)
    ```
    `content/en/prior-written-notice.md` gets the PR024 note "not checked against the
    Spanish guide with this id: content/es/notificacion-previa-por-escrito.md cannot be
    used until its SC010 finding (line 3) is fixed".

    ## Options
    None besides `severity` (a note, `info`, by default: it never fails a run).
    """

    code = "PR024"
    name = "unusable-counterpart"
    default_severity = Severity.INFO

    def check(self, target: Library, ctx: RunContext) -> Iterator[Finding]:
        """Report each sound guide whose translation slot holds an unsound guide."""
        library = ctx.library
        for broken in library.unsound:
            reason = broken.unsound_reason()
            healthy = library.counterpart(broken)
            if reason is None or healthy is None or library.unsound_slot(broken.claimed_id, broken.folder_lang) \
                    is not broken:
                continue
            code, line, column = reason
            id_line, id_column = healthy.value_position(("id",))
            yield self.finding(
                healthy,
                id_line,
                id_column,
                _message(broken.folder_lang, broken.display, code, line),
                msg("Fix {code} in {path} first; nothing needs to change in this guide for it. The pair is checked "
                    "again once it is fixed.", code=code, path=broken.display),
                related=(Location(broken.display, line, column, note=msg("root cause: {code}", code=code)),),
            )


def _message(lang: str | None, path: str, code: str, line: int) -> str:
    # One sentence per language: the language name cannot be spliced into the Spanish one.
    if lang == "es":
        return msg("not checked against the Spanish guide with this id: {path} cannot be used until its {code} "
                   "finding (line {line}) is fixed", path=path, code=code, line=line)
    return msg("not checked against the English guide with this id: {path} cannot be used until its {code} "
               "finding (line {line}) is fixed", path=path, code=code, line=line)
