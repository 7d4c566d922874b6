"""``contentlint fix``: show the safe mechanical fixes as a diff; write them with ``--apply``.

The rules attach the fixes to their findings (:mod:`contentlint.rules.fixing`);
:mod:`contentlint.fixes` checks and writes them. Without ``--apply`` nothing is
written: the unified diff goes to standard output and the exit code is 1 when
there is something to fix (as ``ruff check --diff``). With ``--apply`` the files
are written atomically and the check runs again, up to a few passes, so fixes
that touched the same text are made one after the other. Exit 2 on a usage or
configuration error, or a file that could not be written.

The external-link fixes (https, a permanent redirect's target) read the link
cache that an earlier ``check --links external`` filled; ``fix`` never uses the
network.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.i18n import localize, msg

if TYPE_CHECKING:
    from contentlint.config.settings import Config
    from contentlint.fixes import FilePlan

EXIT_CLEAN, EXIT_FIXABLE, EXIT_ERROR = 0, 1, 2
MAX_PASSES = 4
# LK103 (a permanent redirect) is off by default because it needs the network;
# ``fix`` answers it from the link cache, so it is always asked for.
_CACHE_ONLY_RULES = ["LK103"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint fix``."""
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to fix (default: the content folder)")
    parser.add_argument("--apply", action="store_true", help="write the fixes (default: only show the diff)")
    parser.add_argument("--select", action="append", default=None, help="only the fixes of these codes/prefixes/names")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply fixes that may need a reader (a Spanish term whose gender differs)")
    parser.add_argument("--config", type=Path, help="a pyproject.toml or .contentlint.toml to use")
    parser.add_argument("--ui-lang", choices=("en", "es"), help="language of the messages (default: as check)")


def run(args: argparse.Namespace) -> int:
    """Show or apply the fixes; see the module docstring for the exit codes."""
    from contentlint.errors import ConfigError, UsageError
    from contentlint.i18n import ui_language

    lang = ui_language(args.ui_lang)
    try:
        config = _config(args)
    except (ConfigError, UsageError) as exc:
        text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        sys.stderr.write(f"contentlint: error: {localize(text, lang)}\n")
        return EXIT_ERROR
    if not args.apply:
        plans = _plans(args, config)
        _show(plans, lang)
        return EXIT_FIXABLE if plans else EXIT_CLEAN
    return _apply(args, config, lang)


def _config(args: argparse.Namespace) -> Config:
    from contentlint.pipeline.selection import load_resolved

    overrides: dict[str, Any] = {}
    if args.select:
        overrides["select"] = [code for item in args.select for code in item.split(",") if code]
    else:
        overrides["extend-select"] = _CACHE_ONLY_RULES
    return load_resolved(Path.cwd(), args.config, overrides)


def _plans(args: argparse.Namespace, config: Config) -> list[FilePlan]:
    from contentlint.fixes import plan_fixes
    from contentlint.pipeline.run import run_check

    report = run_check(list(args.paths), config, cached_links=True)
    return plan_fixes(report.findings, config.root, config.content_root, unsafe=args.unsafe_fixes,
                      max_bytes=config.settings.max_file_bytes)


def _show(plans: list[FilePlan], lang: str) -> None:
    from contentlint.fixes import unified_diff

    for plan in plans:
        sys.stdout.write(unified_diff(plan))
    fixes = sum(len(plan.fixed) for plan in plans)
    if fixes:
        line = msg("{count} fixes in {files} files; run `contentlint fix --apply` to write them",
                   count=fixes, files=len(plans))
    else:
        line = msg("nothing to fix")
    sys.stdout.write(localize(line, lang) + "\n")


def _apply(args: argparse.Namespace, config: Config, lang: str) -> int:
    from contentlint.fixes import apply_plans

    fixed: set[str] = set()
    count = 0
    for _ in range(MAX_PASSES):
        plans = _plans(args, config)
        if not plans:
            break
        failed = apply_plans(plans, config.root)
        for plan, reason in failed:
            sys.stderr.write("contentlint: error: " + localize(
                msg("cannot write {path}: {reason}", path=plan.display, reason=reason), lang) + "\n")
        if failed:
            return EXIT_ERROR
        for plan in plans:
            fixed.add(plan.display)
            count += len(plan.fixed)
            for finding in plan.fixed:
                where = f"{finding.location.path}:{finding.location.line}:{finding.location.column}"
                title = localize(finding.fix.title, lang) if finding.fix is not None else ""
                sys.stdout.write(f"{where}: {finding.code} {title}\n")
    sys.stdout.write(localize(msg("fixed {count} findings in {files} files", count=count, files=len(fixed)), lang)
                     + "\n")
    return EXIT_CLEAN
