"""LK006 link-outside-content: a link that leaves the content folder or the project."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.findings import Finding, Severity
from contentlint.i18n import msg
from contentlint.links.localpaths import inside
from contentlint.rules.base import FileRule

if TYPE_CHECKING:
    from contentlint.content.documents import Document
    from contentlint.context import RunContext


class LinkOutsideContent(FileRule):
    """A link that points outside the content folder: `../../etc/passwd`, `/home/...`, `file:`.

    ## What it does
    Places every relative link of a guide (body, images, raw HTML, cards,
    language switch) against the guide's folder *without touching the file
    system*, and reports one that climbs out of the content folder
    (`../../README.md`, `../../../etc/passwd`), an absolute file-system path
    (`/etc/passwd`, `C:\\Users\\...`), a `file:` URL, or a path through a
    symbolic link that points outside. Such a target is never opened, and
    never even looked up: contentlint stays inside the content folder.

    ## Why is this bad?
    The published site contains only the content folder, so such a link is
    broken for every reader. It can also be a path-traversal attempt in a
    contributed guide, or leak a local path (`/Users/maria/...`) into the site.

    ## Example
    ```markdown
    ![Form](../../../etc/passwd)        <- LK006 (leaves the project)
    [Notes](/Users/maria/notes.md)      <- LK006 (absolute path)
    [Glossary](../data/glossary.yaml)   <- fine
    ```

    ## Options
    None besides `severity`.
    """

    code = "LK006"
    name = "link-outside-content"
    default_severity = Severity.ERROR
    extra_groups = ("security",)

    def check(self, target: Document, ctx: RunContext) -> Iterator[Finding]:
        """Report links whose target leaves the content folder."""
        index = ctx.link_index()
        project = os.path.realpath(ctx.project.root)
        for site, where in index.resolved(target):
            if where.kind != "escape":
                continue
            if where.detail == "absolute-path":
                message = msg("link '{href}' is an absolute path", href=site.shown)
            elif where.detail == "file-url":
                message = msg("link '{href}' is a file: URL", href=site.shown)
            elif where.detail == "symlink":
                message = msg("link '{href}' goes through a symbolic link that points outside the content folder",
                              href=site.shown)
            elif where.detail == "nul":
                message = msg("link '{href}' contains a NUL character", href=site.shown.replace("\x00", "\\0"))
            elif where.path is not None and inside(where.path, project):
                message = msg("link '{href}' leaves the content folder", href=site.shown)
            else:
                message = msg("link '{href}' leaves the project", href=site.shown)
            hint = msg("Link only to files inside the content folder, with a path relative to this guide "
                       "(e.g. images/steps.png or ../data/glossary.yaml). The target was not opened.")
            yield self.finding(target, site.line, site.column, message, hint)
