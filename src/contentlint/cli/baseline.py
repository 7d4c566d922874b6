"""``contentlint baseline [-o FILE]``: accept the current findings, so a gate fails only on new ones.

Checks like ``check`` (same paths and options) and writes every finding to a
JSON baseline file (default ``contentlint-baseline.json`` in the project), keyed
by a fingerprint that survives line shifts (:mod:`contentlint.pipeline.accepted`).
Commit it, and run ``contentlint check --baseline contentlint-baseline.json``:
the findings it lists are hidden (and counted), new ones are reported. Run this
again after fixing legacy findings, to drop their entries.

Exit codes: 0 written, 2 usage, configuration or write error, or an internal
error during the check (a baseline missing what a crashed rule would find would
hide that rule's findings later).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint baseline``."""
    from contentlint.cli.app import _add_run_options, _add_ui_lang

    _add_run_options(parser)
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE",
        help="the baseline file to write (default: <project>/contentlint-baseline.json)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="ignore and do not write the caches (.contentlint_cache/)"
    )
    _add_ui_lang(parser)


def run(args: argparse.Namespace) -> int:
    """Check, then write the baseline file."""
    from contentlint.cli.app import EXIT_CLEAN, _error, _localized_error, _run, _write_error
    from contentlint.errors import ConfigError, UsageError
    from contentlint.fileio import atomic_write_text
    from contentlint.i18n import localize, msg, ui_language
    from contentlint.pipeline.accepted import DEFAULT_NAME, baseline_text

    lang = ui_language(args.ui_lang)
    try:
        config, report = _run(args, use_cache=True)
    except (ConfigError, UsageError) as exc:
        return _error(_localized_error(exc, args))
    if report.internal_errors:
        return _error(localize(msg("a rule failed during the check (CL900); no baseline written"), lang))
    path = args.output or config.root / DEFAULT_NAME
    try:
        atomic_write_text(path, baseline_text(report.findings, config.root), config.root)
    except OSError as exc:
        return _error(localize(_write_error(path, exc), lang))
    sys.stdout.write(localize(msg("wrote {path} ({count} findings accepted)", path=str(path),
                                  count=len(report.findings)), lang) + "\n")
    return EXIT_CLEAN
