"""``contentlint new ID``: start a guide pair (or an English guide awaiting its
translation) from the template of its type.

Writes ``content/en/<slug>.md`` and ``content/es/<slug-es>.md`` with valid front
matter (the slugs from the titles, today's dates, the language switch both
ways), the type's body in both languages block for block, and the pair's sync
mark (the two template bodies are translations of each other). Then it checks
the new files and lists the glossary terms the titles use, with the Spanish the
terminology checks expect. Nothing is overwritten: an existing file or id stops
the command before anything is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.i18n import localize, msg, ui_language

if TYPE_CHECKING:
    from contentlint.bilingual.glossary import GlossaryIndex
    from contentlint.config.settings import Config
    from contentlint.content.templates import NewGuide

EXIT_CLEAN, EXIT_ERROR = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint new``."""
    from contentlint.content.templates import GUIDE_TYPES

    parser.add_argument("id", help="the guide id: lower-case words joined by hyphens (school-denies-iep)")
    parser.add_argument("--title", required=True, help="the English title")
    parser.add_argument("--title-es", help="the Spanish title (needed for a pair)")
    parser.add_argument("--type", choices=GUIDE_TYPES, default="how-to", help="the guide type (default: how-to)")
    parser.add_argument("--slug", help="the English file name without .md (default: from the title)")
    parser.add_argument("--slug-es", help="the Spanish file name without .md (default: from the Spanish title)")
    parser.add_argument(
        "--english-only", action="store_true",
        help="create only the English guide, marked awaiting_translation: true",
    )
    parser.add_argument("--config", type=Path, help="a pyproject.toml or .contentlint.toml to use")
    parser.add_argument(
        "--ui-lang", choices=("en", "es"),
        help="language of messages (default: CONTENTLINT_UI_LANG, then the locale, then en)",
    )


def run(args: argparse.Namespace) -> int:
    """Create the guide files, mark the pair in sync, check them, suggest glossary terms."""
    from contentlint.errors import ConfigError, UsageError
    from contentlint.pipeline.selection import load_resolved

    lang = ui_language(args.ui_lang)
    try:
        config = load_resolved(Path.cwd(), args.config)
        guides = _plan(args, config, _today())
        _refuse_existing(config, args.id, guides)
    except (ConfigError, UsageError) as exc:
        text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        sys.stderr.write(f"contentlint: error: {localize(text, lang)}\n")
        return EXIT_ERROR
    written = _write(config, guides, lang)
    if written is None:
        return EXIT_ERROR
    return _after(config, args, written, lang)


def _today() -> dt.date:
    """Today (SOURCE_DATE_EPOCH makes it reproducible, as for sync marks)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _plan(args: argparse.Namespace, config: Config, today: dt.date) -> list[NewGuide]:
    """The files to write (nothing is written yet); UsageError when an argument is unusable."""
    from contentlint.content.ids import is_valid_id
    from contentlint.content.templates import DESCRIPTIONS, NewGuide, guide_text, slugify
    from contentlint.errors import UsageError

    if not is_valid_id(args.id):
        raise UsageError(msg("{id!r} is not a valid guide id: use lower-case words joined by hyphens", id=args.id))
    english_only = bool(args.english_only)
    if not english_only and not args.title_es:
        raise UsageError(msg("give the Spanish title with --title-es, or use --english-only"))
    if english_only and args.title_es:
        raise UsageError(msg("--title-es and --english-only exclude each other"))
    titles = [args.title] + ([] if english_only else [args.title_es])
    for title in titles:
        if not 3 <= len(title.strip()) <= 120 or title != title.strip() or "\n" in title:
            raise UsageError(msg("a title has 3 to 120 characters on one line: {title!r}", title=title))
    if not english_only and args.title.strip().casefold() == args.title_es.strip().casefold():
        raise UsageError(msg("the Spanish title is the English title; translate it"))
    slug = args.slug or slugify(args.title)
    slug_es = None if english_only else (args.slug_es or slugify(args.title_es))
    for value in (slug, slug_es):
        if value is not None and not is_valid_id(value):
            raise UsageError(msg("{slug!r} is not a valid file name: use lower-case words joined by hyphens",
                                 slug=value))
    common = {"doc_id": args.id, "guide_type": args.type, "today": today}
    english = guide_text(
        lang="en", title=args.title, description=DESCRIPTIONS[0], slug=slug, counterpart_slug=slug_es,
        awaiting_translation=english_only, **common,
    )
    out = [NewGuide(f"en/{slug}.md", english)]
    if slug_es is not None:
        spanish = guide_text(
            lang="es", title=args.title_es, description=DESCRIPTIONS[1], slug=slug_es, counterpart_slug=slug,
            **common,
        )
        out.append(NewGuide(f"es/{slug_es}.md", spanish))
    return out


def _refuse_existing(config: Config, doc_id: str, guides: list[NewGuide]) -> None:
    """UsageError when a file to write exists, or a guide of the library has the id."""
    from contentlint.content.read import display_path
    from contentlint.errors import UsageError

    for guide in guides:
        path = config.content_root / guide.relative
        if path.exists() or path.is_symlink():
            raise UsageError(msg("{path} exists; nothing was written", path=display_path(path, config.root)))
    for lang in ("en", "es"):
        folder = config.content_root / lang
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if _declares_id(path, doc_id):
                raise UsageError(msg(
                    "{path} already has id {id!r}; nothing was written",
                    path=display_path(path, config.root), id=doc_id,
                ))
    sync_mark = config.content_root / "sync" / f"{doc_id}.yaml"
    if sync_mark.exists() or sync_mark.is_symlink():
        raise UsageError(msg("{path} exists; nothing was written", path=display_path(sync_mark, config.root)))


def _declares_id(path: Path, doc_id: str) -> bool:
    """The guide's front matter has ``id: <doc_id>`` (a text test: enough to refuse a duplicate)."""
    from contentlint.content.read import read_text_safely

    try:
        head = read_text_safely(path, 2_000_000)[:4000]
    except (OSError, UnicodeError, ValueError):
        return False
    return any(line.strip() in (f"id: {doc_id}", f'id: "{doc_id}"', f"id: '{doc_id}'") for line in head.splitlines())


def _write(config: Config, guides: list[NewGuide], lang: str) -> list[Path] | None:
    from contentlint.content.read import display_path
    from contentlint.fileio import atomic_write_text

    written: list[Path] = []
    for guide in guides:
        path = config.content_root / guide.relative
        try:
            atomic_write_text(path, guide.text, config.root)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            sys.stderr.write("contentlint: error: " + localize(
                msg("cannot write {path}: {error}", path=display_path(path, config.root), error=reason), lang) + "\n")
            return None
        written.append(path)
        sys.stdout.write(localize(msg("wrote {path}", path=display_path(path, config.root)), lang) + "\n")
    return written


def _after(config: Config, args: argparse.Namespace, written: list[Path], lang: str) -> int:
    """Mark the new pair in sync, list the glossary terms of the titles, check the new files."""
    from contentlint.pipeline.run import load_context

    ctx = load_context(config)
    if len(written) == 2:
        from contentlint.cli.sync import mark_pairs

        pair = next((p for p in ctx.library.pairs if p.doc_id == args.id), None)
        if pair is not None and mark_pairs(ctx, config, [pair]) != EXIT_CLEAN:
            return EXIT_ERROR
    for line in glossary_suggestions(ctx.glossary(), args.title, args.title_es):
        sys.stdout.write(localize(line, lang) + "\n")
    sys.stdout.write(localize(msg(
        "next: write the guide, then run `contentlint check {paths}`",
        paths=" ".join(_shown(config, path) for path in written),
    ), lang) + "\n")
    return EXIT_CLEAN


def _shown(config: Config, path: Path) -> str:
    from contentlint.content.read import display_path

    return display_path(path, config.root)


def glossary_suggestions(index: GlossaryIndex | None, title: str, title_es: str | None) -> list[str]:
    """What the glossary says about the titles: each English term with the Spanish
    the terminology checks expect, and any known mistranslation in the Spanish title."""
    from contentlint.bilingual.glossary import title_terms

    terms, wrong = title_terms(index, title, title_es)
    lines: list[str] = [
        msg("glossary: '{en}' is '{es}' in Spanish", en=term.en, es=term.es)
        for term in terms
    ]
    lines += [
        msg("glossary: the Spanish title uses '{wrong}', a known mistranslation of '{en}'; use '{es}'",
            wrong=item.text, en=item.term.en, es=item.term.es)
        for item in wrong
    ]
    return lines
