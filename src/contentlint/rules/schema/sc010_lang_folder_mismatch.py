"""SC010 lang-folder-mismatch: ``lang`` disagrees with the folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class LangFolderMismatch(FileRule):
    """A guide whose `lang` is not the language of the folder it is in.

    ## What it does
    Compares the front matter's `lang` with the `en/` or `es/` folder holding the file.

    ## Why is this bad?
    Pairing, terminology and readability all follow `lang`: a Spanish guide saved
    under `en/` with `lang: en` would be scored with English formulas and paired wrongly.

    ## Example
    `content/es/guia.md` with `lang: en` is reported at the `lang` value.

    ## Options
    None besides `severity`.
    """

    code = "SC010"
    name = "lang-folder-mismatch"
    default_severity = Severity.ERROR

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report a declared language that differs from the folder's."""
        declared = target.front.get("lang")
        if target.kind != "guide" or target.folder_lang is None or declared not in ("en", "es"):
            return
        if declared != target.folder_lang:
            line, column = target.value_position(("lang",))
            yield self.finding(
                target, line, column,
                msg("lang is {declared!r} but the file is in the {folder!r} folder", declared=declared,
                    folder=target.folder_lang),
                msg("Set lang: {folder}, or move the file to the {declared}/ folder.", folder=target.folder_lang,
                    declared=declared),
            )
