"""``contentlint generate pages``: write the Glossary and Acronym Decoder guide pages.

The pages (``content/en/glossary.md``, ``content/es/glosario.md``,
``content/en/acronym-decoder.md``, ``content/es/decodificador-de-siglas.md``) are
rendered from ``content/data/glossary.yaml`` and ``content/data/acronyms.yaml`` by
:mod:`contentlint.schema.pages`. Only this command writes them (atomically, never
through a symbolic link), and only a page whose text changes. Both languages come
from the same entries, so the pairs it rewrites are marked in sync as
``contentlint sync mark`` would. ST020 reports a page that no longer matches its data.
Exit codes: 0 written or already up to date, 2 the data cannot be read or a page
cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.i18n import msg

if TYPE_CHECKING:
    from contentlint.config.settings import Config
    from contentlint.context import RunContext

EXIT_CLEAN, EXIT_ERROR = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint generate``."""
    sub = parser.add_subparsers(dest="generate_command", metavar="WHAT", required=True)
    sub.add_parser(
        "pages",
        help="write the Glossary and Acronym Decoder pages (English and Spanish) from content/data",
    )


def run(args: argparse.Namespace) -> int:
    """Render every generated page, write the changed ones, and mark their pairs in sync."""
    from contentlint.errors import ConfigError, UsageError
    from contentlint.pipeline.run import load_context
    from contentlint.pipeline.selection import load_resolved

    try:
        config = load_resolved(Path.cwd())
        ctx = load_context(config)
    except (ConfigError, UsageError) as exc:
        return _fail(exc.args[0] if exc.args else str(exc))
    rendered = _render(ctx)
    if rendered is None:
        return EXIT_ERROR
    changed = _write(ctx, rendered)
    if changed is None:
        return EXIT_ERROR
    if not changed:
        sys.stdout.write(_t(msg("Generated pages are up to date.")) + "\n")
        return EXIT_CLEAN
    return _mark(config, changed)


def _render(ctx: RunContext) -> dict[Path, str] | None:
    """Path -> text of every generated page (what ST020 compares with, through the same
    ``ctx.generated_page``); None, after saying why, when a data file is unusable."""
    from contentlint.schema.pages import LANGUAGES, PAGES, page_path

    for spec in PAGES:
        if ctx.library.data(spec.source) is None:
            _fail(msg("{path} is missing or not valid; `contentlint check` says why", path=spec.data_path))
            return None
    rendered: dict[Path, str] = {}
    for spec in PAGES:
        for lang in LANGUAGES:
            text = ctx.generated_page(spec.source, lang)
            if text is None:  # unreachable after the test above; never write a partial set
                return None
            rendered[ctx.project.content_root / page_path(spec, lang)] = text
    return rendered


def _write(ctx: RunContext, rendered: dict[Path, str]) -> list[str] | None:
    """Write the pages whose text differs; the ids of the pages written (None on a write error)."""
    from contentlint.content.read import display_path, read_text_safely
    from contentlint.fileio import atomic_write_text
    from contentlint.schema.pages import PAGES, page_path

    ids = {ctx.project.content_root / page_path(spec, lang): spec.doc_id for spec in PAGES for lang in ("en", "es")}
    changed: list[str] = []
    for path, text in rendered.items():
        shown = display_path(path, ctx.project.root)
        try:
            current: str | None = read_text_safely(path, 4 * 1024 * 1024, follow=False)
        except (OSError, UnicodeDecodeError):
            current = None  # missing, unreadable or not a regular file: written anew
        if current == text:
            continue
        try:
            atomic_write_text(path, text, ctx.project.root)
        except OSError as exc:
            _fail(msg("cannot write {path}: {error}", path=shown, error=exc.strerror or str(exc)))
            return None
        sys.stdout.write(_t(msg("wrote {path}", path=shown)) + "\n")
        if ids[path] not in changed:
            changed.append(ids[path])
    return changed


def _mark(config: Config, ids: list[str]) -> int:
    """Mark the rewritten pairs in sync: both sides were just generated from the same entries."""
    from contentlint.cli.sync import mark_pairs
    from contentlint.pipeline.run import load_context

    ctx = load_context(config)  # reloaded: the library now holds the pages just written
    pairs = [pair for pair in ctx.library.pairs if pair.doc_id in ids]
    return mark_pairs(ctx, config, pairs)


def _fail(text: str) -> int:
    sys.stderr.write("contentlint: error: " + _t(text) + "\n")
    return EXIT_ERROR


def _t(text: str) -> str:
    from contentlint.i18n import localize, ui_language

    return localize(text, ui_language())
