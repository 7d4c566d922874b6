"""The command line: ``contentlint check | rules | explain | schema``.

Imports are deferred into each command so ``contentlint --version`` and a
pre-commit run pay only for what they use.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "full", "concise", "json", "sarif", "github", "junit", "summary", "html")
# The text formats: "text" is "full" (each finding with its source line, as ruff
# shows by default); "concise" keeps the one-line form for scripts and grep.
TEXT_FORMATS = ("text", "full", "concise")
# Commands that live with their feature. Each module has ``add_arguments(parser)``
# and ``run(args) -> int``, and keeps its own imports lazy.
FEATURE_COMMANDS: dict[str, tuple[str, str]] = {
    "sync": ("contentlint.cli.sync", "record and list English/Spanish sync state"),
    "links": ("contentlint.cli.links", "crawl a rendered site with LinkChecker (optional engine)"),
    "baseline": ("contentlint.cli.baseline", "write the current findings to a baseline file (check --baseline)"),
    "fix": ("contentlint.cli.fix", "show the safe mechanical fixes as a diff; write them with --apply"),
    "lsp": ("contentlint.cli.lsp", "the language server for editors (stdio; needs the 'lsp' extra)"),
    "generate": ("contentlint.cli.generate", "write the Glossary and Acronym Decoder pages from content/data"),
    "new": ("contentlint.cli.new", "start a guide pair (or an English guide) from its type's template"),
    "daemon": ("contentlint.cli.daemon", "a warm background process for check --daemon (start, stop, status)"),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of every command.

    ``argv``: the arguments about to be parsed. A feature command's module (and its
    arguments) is imported only when ``argv`` names that command, so ``check`` does
    not pay for ``sync``, ``links`` and ``new``; without ``argv`` every one is built.
    """
    from contentlint import __version__

    parser = argparse.ArgumentParser(
        prog="contentlint",
        description="Check a bilingual (English/Spanish) library of parent guides.",
    )
    parser.add_argument("--version", action="version", version=f"contentlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check content files (default: the content folder)")
    _add_run_options(check)
    _add_narrowing_options(check)
    check.add_argument(
        "--format", choices=FORMATS, default="text",
        help="output format (default: text, each finding with its source line; concise: one line each)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="show how many findings each rule has instead of the findings"
    )
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour the text output (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it)",
    )
    check.add_argument("--output", "-o", type=Path, help="write the report to this file")
    check.add_argument(
        "--no-cache", action="store_true", help="ignore and do not write the caches (.contentlint_cache/)"
    )
    check.add_argument(
        "--daemon", action="store_true",
        help="run in a warm background process (started on first use; never in CI): for pre-commit hooks",
    )
    _add_ui_lang(check)

    report = commands.add_parser("report", help="check and write the reports (JSON, SARIF, ...) to reports/")
    _add_run_options(report)
    _add_narrowing_options(report)
    report.add_argument("--out", type=Path, help="folder for the reports (default: <project>/reports)")
    report.add_argument(
        "--no-cache", action="store_true", help="ignore and do not write the caches (.contentlint_cache/)"
    )
    _add_ui_lang(report)

    commands.add_parser("rules", help="list every rule")
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", help="a code (SC005) or name (unknown-field)")

    schema = commands.add_parser("schema", help="print or write the JSON Schema files")
    schema.add_argument("--write", action="store_true", help="write schema/*.schema.json")
    schema.add_argument("--check", action="store_true", help="exit 1 if schema/ is out of date")
    schema.add_argument("--dir", type=Path, help="schema folder (default: <project>/schema)")

    import importlib

    wanted = None if argv is None else _command_in(argv)
    for name, (module_name, help_text) in FEATURE_COMMANDS.items():
        command = commands.add_parser(name, help=help_text)
        if wanted is None or wanted == name:
            importlib.import_module(module_name).add_arguments(command)
    return parser


def _command_in(argv: Sequence[str]) -> str:
    """The command ``argv`` names: its first argument that is not an option ("" if none)."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    # pydantic scans every installed distribution's entry points for plugins at
    # import (about 20 ms); contentlint uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _skip_pydantic_plugin_loader()
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    handlers = {"check": _check, "report": _report, "rules": _rules, "explain": _explain, "schema": _schema}
    handler: Callable[[argparse.Namespace], int]  # a feature module's ``run`` has this signature too
    if args.command in FEATURE_COMMANDS:
        import importlib

        handler = importlib.import_module(FEATURE_COMMANDS[args.command][0]).run
    else:
        handler = handlers[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except BaseException as exc:  # the last line of defence: one line on stderr, exit 2
        from contentlint.errors import is_crash

        if not is_crash(exc):
            raise
        return internal_error(exc)


def _skip_pydantic_plugin_loader() -> None:
    """With every pydantic plugin disabled, stand in for pydantic's plugin loader.

    Its module imports ``importlib.metadata`` (and through it ``email``, ``zipfile``,
    ``csv``, ``socket``: about 15 % of a pre-commit run's imports) only to find
    plugins that ``PYDANTIC_DISABLE_PLUGINS=__all__`` then ignores: its
    ``get_plugins()`` returns ``()``, and so does this stand-in. Only when the
    variable says so and pydantic is not imported yet (an embedding program keeps
    its own pydantic untouched).

    The module is private to pydantic, so the stand-in is built to fail safe: any
    other name asked of it (a later pydantic importing more from its loader) loads
    the real module and answers from it, at the old cost, never an ImportError.
    tests/test_pydantic_loader_standin.py checks the names pydantic's own source
    imports from the loader against the stand-in.
    """
    import types

    name = PYDANTIC_PLUGIN_LOADER
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__" or "pydantic" in sys.modules or name in sys.modules:
        return
    loader = types.ModuleType(name, "contentlint: pydantic plugins disabled (PYDANTIC_DISABLE_PLUGINS=__all__)")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    loader.__getattr__ = _real_pydantic_loader_attribute  # type: ignore[method-assign]
    sys.modules[name] = loader


PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"
# The names the stand-in answers itself; tests compare them with pydantic's source.
PYDANTIC_LOADER_NAMES = frozenset({"get_plugins"})


def _real_pydantic_loader_attribute(attribute: str) -> object:
    """Anything but ``get_plugins``: replace the stand-in with the real module."""
    import importlib

    if attribute.startswith("__"):  # copy, pickle and friends probe dunders: not a request for the loader
        raise AttributeError(attribute)
    sys.modules.pop(PYDANTIC_PLUGIN_LOADER, None)
    return getattr(importlib.import_module(PYDANTIC_PLUGIN_LOADER), attribute)


def internal_error(exc: BaseException) -> int:
    """Report an unexpected exception as one line on stderr (the traceback only with
    ``CONTENTLINT_DEBUG=1``) and return exit code 2: never 1, the code for findings."""
    import traceback

    if os.environ.get("CONTENTLINT_DEBUG") not in (None, "", "0"):
        traceback.print_exception(exc, file=sys.stderr)
    text = " ".join(str(exc).split()) or "(no message)"
    if len(text) > 500:
        text = text[:500] + "..."
    try:
        sys.stderr.write(
            f"contentlint: internal error: {type(exc).__name__}: {text} (set CONTENTLINT_DEBUG=1 for the traceback)\n"
        )
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return EXIT_ERROR


def _localized_error(exc: Exception, args: argparse.Namespace) -> str:
    """An error's text in the UI language (a Message argument is translated)."""
    from contentlint.i18n import localize, ui_language

    text = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return localize(text, ui_language(getattr(args, "ui_lang", None)))


class OutputError(Exception):
    """A report that cannot be written (exit 2, naming the path)."""


def _error(message: str) -> int:
    sys.stderr.write(f"contentlint: error: {message}\n")
    return EXIT_ERROR


def _add_ui_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ui-lang",
        choices=("en", "es"),
        help="language of messages, hints and reports (default: CONTENTLINT_UI_LANG, then the locale, then en)",
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails")
    parser.add_argument("--select", action="append", default=None, help="only these codes/prefixes/names")
    parser.add_argument("--ignore", action="append", default=None, help="skip these codes/prefixes/names")
    parser.add_argument("--config", type=Path, help="a pyproject.toml or .contentlint.toml to use")
    parser.add_argument("--jobs", type=int, help="processes for large libraries (0 automatic, 1 none)")
    parser.add_argument(
        "--links",
        choices=("internal", "external"),
        help="'external' also checks external URLs over the network (cached); default: internal only",
    )
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help=(
            "check only content files changed since a git ref"
            " (with their translations and the guides linking to them)"
        ),
    )


def _add_narrowing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline", type=Path, metavar="FILE",
        help="hide the findings this baseline file accepts (written by `contentlint baseline`)",
    )
    parser.add_argument(
        "--only-changed-lines", nargs="?", const="", default=None, metavar="REF",
        help=(
            "annotate only findings on lines changed since REF (default: the --changed-since ref);"
            " the others are still counted and listed in the summary. Write it as --only-changed-lines=REF"
        ),
    )


def _narrow(args: argparse.Namespace, config: Any, report: Any) -> tuple[Any, Any]:
    """Apply ``--baseline`` and ``--only-changed-lines`` to a finished (or cached) report."""
    baseline, focus = getattr(args, "baseline", None), getattr(args, "only_changed_lines", None)
    if baseline is None and focus is None:
        return config, report
    from contentlint.pipeline.scope import narrow

    since = (focus or args.changed_since) if focus is not None else None
    return config, narrow(report, config.root, baseline=baseline, changed_since=since)


def _run(args: argparse.Namespace, use_cache: bool = False, views: bool = False) -> tuple[Any, Any]:
    """Load the config and check (or answer from the result cache).

    Raises ConfigError or UsageError.
    """
    overrides: dict[str, Any] = {}
    if args.select:
        overrides["select"] = [c for item in args.select for c in item.split(",") if c]
    if args.ignore:
        overrides["ignore"] = [c for item in args.ignore for c in item.split(",") if c]
    if getattr(args, "links", None):
        overrides["links"] = args.links
    if getattr(args, "jobs", None) is not None:
        overrides["jobs"] = args.jobs
    if getattr(args, "only_changed_lines", None) == "" and not getattr(args, "changed_since", None):
        from contentlint.errors import UsageError
        from contentlint.i18n import msg

        raise UsageError(msg("--only-changed-lines needs a REF (--only-changed-lines=REF) or --changed-since REF"))
    cache = None
    caching = use_cache and not getattr(args, "no_cache", False) and not os.environ.get("CONTENTLINT_NO_CACHE")
    if caching and not getattr(args, "changed_since", None):
        from contentlint.cache.run import RunCache

        cache = RunCache.open(Path.cwd(), args.config, overrides, list(args.paths), views)
        hit = cache.lookup() if cache is not None else None
        if hit is not None:
            return _narrow(args, *hit)
    from contentlint.pipeline.run import run_check
    from contentlint.pipeline.selection import load_resolved as load_config

    config = load_config(Path.cwd(), args.config, overrides, list(args.paths))
    paths = list(args.paths)
    mentioned: list[str] = []
    if getattr(args, "changed_since", None):
        from contentlint.pipeline.changed import changed_files

        paths, mentioned = changed_files(config.root, config.content_root, args.changed_since)
    report = run_check(
        paths,
        config,
        mentioning=mentioned,
        changed_only=bool(getattr(args, "changed_since", None)),
        target_cache=caching,
        views=views,
    )
    if cache is not None:
        cache.store(config.fail_on, report)
    return _narrow(args, config, report)


def _exit_code(report: Any, config: Any, args: argparse.Namespace) -> int:
    from contentlint.findings import Severity

    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    if report.internal_errors:
        return EXIT_ERROR
    worst = report.worst()
    return EXIT_FINDINGS if worst is not None and worst >= fail_on else EXIT_CLEAN


def _check(args: argparse.Namespace) -> int:
    from contentlint.errors import ConfigError, UsageError

    if args.statistics and args.format not in TEXT_FORMATS:
        return _error(f"--statistics works with the text formats ({', '.join(TEXT_FORMATS)}), not {args.format}")
    try:
        config, report = _run(args, use_cache=True, views=args.format in ("html", "json"))
    except (ConfigError, UsageError) as exc:
        return _error(_localized_error(exc, args))
    options = {**_render_options(config, args), "concise": args.format == "concise", "statistics": args.statistics}
    try:
        _emit(report, args.format, args.output, options, config.root)
    except OutputError as exc:
        return _error(_localized_error(exc, args))
    _write_step_summary(report, options)
    return _exit_code(report, config, args)


def _render_options(config: Any, args: argparse.Namespace) -> dict[str, Any]:
    from contentlint.findings import Severity
    from contentlint.i18n import ui_language

    fail_on = Severity.parse(args.fail_on) if getattr(args, "fail_on", None) else config.fail_on
    return {
        "color": _use_color(getattr(args, "color", "never")),
        "fail_on": fail_on,
        "full_report": os.environ.get("CONTENTLINT_FULL_REPORT"),
        "ui_lang": ui_language(getattr(args, "ui_lang", None)),
        "run_url": _run_url(),
        "annotate": getattr(args, "format", "") == "github",
    }


def _run_url() -> str:
    """This GitHub Actions run's page (its artifacts hold the reports), or "" outside one."""
    import re

    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
    repository, run_id = os.environ.get("GITHUB_REPOSITORY", ""), os.environ.get("GITHUB_RUN_ID", "")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not re.fullmatch(r"https://[A-Za-z0-9.-]+(?::\d+)?", server):
        return ""
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repository) or not (run_id.isascii() and run_id.isdigit()):
        return ""
    return f"{server}/{repository}/actions/runs/{run_id}"


def write_reason(exc: BaseException) -> str:
    """Why a write failed, in words the UI language can translate."""
    from contentlint.fileio import NOT_FOLDER, SYMLINK, UnsafeWriteError
    from contentlint.i18n import msg

    if isinstance(exc, UnsafeWriteError):
        if exc.reason == SYMLINK:
            return msg("{name}: a symbolic link; not written through", name=exc.shown)
        if exc.reason == NOT_FOLDER:
            return msg("{name}: not a folder", name=exc.shown)
        return msg("{name}: not a regular file; not written", name=exc.shown)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc.args[0]) if exc.args else exc.__class__.__name__


def _write_error(path: Path | None, exc: OSError) -> str:
    from contentlint.i18n import msg

    return msg("cannot write {path}: {error}", path=str(path), error=write_reason(exc))


def _emit(report: Any, fmt: str, output: Path | None, options: dict[str, Any], root: Path | None = None) -> None:
    """Render ``report``; to ``output`` through the safe file layer (``root``: the
    project, whose folders and files are never written through a symbolic link)."""
    from contentlint.reporters import get_reporter

    render = get_reporter(fmt)
    if output:
        import io

        from contentlint.fileio import atomic_write_text

        buffer = io.StringIO()
        render(report, buffer, {**options, "color": False})
        try:
            # A report is for others to read: the umask decides, not an old file's mode.
            atomic_write_text(output, buffer.getvalue(), root, keep_mode=False)
        except OSError as exc:
            raise OutputError(_write_error(output, exc)) from None
        return
    render(report, sys.stdout, options)


def _write_step_summary(report: Any, options: dict[str, Any]) -> None:
    """Under GitHub Actions, append the Markdown summary to the job summary."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not target:
        return
    from contentlint.reporters.summary import render_text

    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(render_text(report, options.get("full_report"), options.get("ui_lang") or "en",
                                     run_url=options.get("run_url") or "", annotate=bool(options.get("annotate"))))
    except OSError as exc:
        sys.stderr.write(f"contentlint: warning: cannot write the step summary: {exc}\n")


def _report(args: argparse.Namespace) -> int:
    from contentlint.errors import ConfigError, UsageError
    from contentlint.i18n import localize, msg
    from contentlint.reporters import REPORT_FILES

    try:
        config, report = _run(args, use_cache=True, views=True)
    except (ConfigError, UsageError) as exc:
        return _error(_localized_error(exc, args))
    folder = args.out or config.root / "reports"
    options = {**_render_options(config, args), "color": False, **_provenance(config.root)}
    failed = False
    for fmt, name in REPORT_FILES.items():
        try:
            _emit(report, fmt, folder / name, options, config.root)
        except OutputError as exc:
            _error(_localized_error(exc, args))
            failed = True
            continue
        sys.stdout.write(localize(msg("wrote {path}", path=str(folder / name)), options["ui_lang"]) + "\n")
    from contentlint.reporters.text import summary_line

    sys.stdout.write(summary_line(report, options.get("ui_lang") or "en") + "\n")
    _write_step_summary(report, options)
    return EXIT_ERROR if failed else _exit_code(report, config, args)


def _provenance(root: Path) -> dict[str, Any]:
    """When and from what a report is made, for its header: the UTC time
    (``SOURCE_DATE_EPOCH`` when set, for reproducible reports), the commit and
    branch (the CI's variables first, then git), and the pull or merge request
    number under GitHub Actions or GitLab CI."""
    import datetime as dt

    from contentlint.content.git import head_revision

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isascii() and epoch.isdigit()
              and len(epoch) <= 12 else dt.datetime.now(dt.UTC))
    env = os.environ
    commit, branch = head_revision(root)
    commit = (env.get("GITHUB_SHA") or env.get("CI_COMMIT_SHA") or commit)[:12]
    branch = env.get("GITHUB_HEAD_REF") or env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") or \
        env.get("GITHUB_REF_NAME") or env.get("CI_COMMIT_REF_NAME") or branch
    pull_request = env.get("CI_MERGE_REQUEST_IID", "")
    ref = env.get("GITHUB_REF", "")
    if ref.startswith("refs/pull/"):
        pull_request = ref.split("/")[2]
        branch = env.get("GITHUB_HEAD_REF") or branch
    return {
        "generated": moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "revision": {"commit": commit, "branch": branch[:200],
                     "pull_request": ("#" + pull_request) if pull_request.isdigit() else ""},
    }


def _use_color(choice: str) -> bool:
    """``--color`` when given; else NO_COLOR (no-color.org) wins over FORCE_COLOR,
    which wins over the terminal test (a dumb terminal gets none)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _rules(args: argparse.Namespace) -> int:
    from contentlint.rules import registry

    rows = [(r.code, r.name, r.default_severity.label, r.summary()) for r in registry().rules]
    width = max(len(name) for _, name, _, _ in rows)
    for code, name, severity, summary in rows:
        sys.stdout.write(f"{code}  {name:<{width}}  {severity:<7}  {summary}\n")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from contentlint.rules import registry

    rule = registry().get(args.rule)
    if rule is None:
        return _error(f"no rule {args.rule!r}; `contentlint rules` lists them")
    sys.stdout.write(f"{rule.code} {rule.name} (default severity: {rule.default_severity.label})\n\n")
    sys.stdout.write(rule.documentation() + "\n")
    return EXIT_CLEAN


def _schema(args: argparse.Namespace) -> int:
    from contentlint.config.discover import find_project_root
    from contentlint.errors import ConfigError
    from contentlint.schema.export import render_schemas, stale_files, write_schemas

    try:
        folder = args.dir or find_project_root(Path.cwd())[0] / "schema"
    except ConfigError as exc:
        return _error(str(exc))
    if args.write:
        try:
            for path in write_schemas(folder, find_project_root(Path.cwd())[0]):
                sys.stdout.write(f"wrote {path}\n")
        except OSError as exc:
            return _error(_write_error(folder, exc))
        return EXIT_CLEAN
    if args.check:
        stale = stale_files(folder)
        for name in stale:
            sys.stderr.write(f"{folder / name}: out of date; run `contentlint schema --write`\n")
        return EXIT_FINDINGS if stale else EXIT_CLEAN
    for name, text in render_schemas().items():
        sys.stdout.write(f"# {name}\n{text}")
    return EXIT_CLEAN
