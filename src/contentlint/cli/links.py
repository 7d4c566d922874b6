"""``contentlint links --engine linkchecker DIR_OR_URL``: crawl the rendered site.

LinkChecker (GPL-2.0-or-later, the optional extra ``contentlint[linkchecker]``)
runs as a separate program through :mod:`contentlint.links.linkchecker`
on a folder of rendered HTML (or one page) or on a running site's URL. Each
problem it reports is mapped back to the source guide: the page ``<slug>.html``
or ``<slug>/index.html`` is the guide with that slug, and the link is matched
to one written in the guide (same URL, same target name, or same link text)
for its line and column. Findings use the code LK190 and the usual reporters
(``path:line:col: CODE message``); exit codes are those of ``check``: 0 clean,
1 findings at or above ``fail-on``, 2 usage error, missing LinkChecker, or
LinkChecker failure.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from contentlint.i18n import localize, msg, ui_language

if TYPE_CHECKING:
    from contentlint.config.settings import Config
    from contentlint.content.documents import Document
    from contentlint.content.library import Library
    from contentlint.context import RunContext
    from contentlint.findings import Finding
    from contentlint.links.extract import LinkSite
    from contentlint.links.linkchecker import MappedRecord

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CODE, NAME = "LK190", "broken-rendered-link"
FORMATS = ("text", "json", "sarif", "github", "junit")
INSTALL_HINT = "pip install 'contentlint[linkchecker]'"
_HTML_SUFFIXES = (".html", ".htm")
_INDEX_NAMES = frozenset({"index.html", "index.htm", "index.md", "_index.md"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint links``."""
    parser.add_argument("target", help="a folder of rendered HTML (or one page), or a site URL")
    parser.add_argument(
        "--engine", choices=("linkchecker",), default="linkchecker",
        help=f"the crawler (LinkChecker, an optional extra: {INSTALL_HINT})",
    )
    parser.add_argument("--config", type=Path, help="a pyproject.toml or .contentlint.toml to use")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails")
    parser.add_argument("--depth", type=int, default=-1, help="how deep to crawl (default -1: the whole site)")
    parser.add_argument("--internal-only", action="store_true", help="do not check links that leave the site")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per request (default 20)")
    parser.add_argument("--threads", type=int, default=10, help="LinkChecker threads (default 10)")
    parser.add_argument("--linkchecker", dest="executable", metavar="PATH",
                        help="the linkchecker program (default: on PATH, or beside this Python)")


def run(args: argparse.Namespace) -> int:
    """Crawl, map to sources, report; returns the exit code."""
    from contentlint.errors import ConfigError, UsageError
    from contentlint.links.linkchecker import LinkCheckerError, find_linkchecker
    from contentlint.pipeline.selection import load_resolved as load_config

    executable = find_linkchecker(args.executable)
    if executable is None:
        where = f" at {args.executable}" if args.executable else ""
        return _error(f"LinkChecker is not installed{where}; it is an optional extra: {INSTALL_HINT}")
    try:
        config = load_config(Path.cwd(), args.config)
        site = _Site.open(args.target)
    except (ConfigError, UsageError) as exc:
        return _error(exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc))
    if site.url is not None and not args.internal_only:
        # LinkChecker fetches the pages itself: the links on them cannot be put
        # behind the address guard before it follows them.
        return _error(msg(
            "external links of a site given by URL cannot be checked behind the address guard; crawl the "
            "folder of the rendered site instead, or add --internal-only"
        ))
    ctx = _library(config)
    try:
        with site.staged() as targets:
            crawl = _crawl(targets, args, executable, guarded=site.url is None)
            findings, pages = _findings(crawl, ctx, site)
    except UsageError as exc:
        return _error(exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc))
    except LinkCheckerError as exc:
        return _error(f"LinkChecker failed: {exc}")
    return _emit(findings, pages, config, args)


def _error(message: str) -> int:
    sys.stderr.write(f"contentlint: error: {localize(message, ui_language())}\n")
    return EXIT_ERROR


# ---------------------------------------------------------------------------
# The site to crawl
# ---------------------------------------------------------------------------
@dataclass
class _Site:
    """A URL, or a local folder or page (maybe copied where LinkChecker can read it)."""

    url: str | None = None
    local: Path | None = None
    staging: Path | None = None

    @classmethod
    def open(cls, target: str) -> _Site:
        from contentlint.errors import UsageError

        if urlsplit(target).scheme.lower() in ("http", "https"):
            return cls(url=target)
        path = Path(target)
        if not path.exists():
            raise UsageError(msg("{target}: no such folder, file or URL", target=target))
        if path.is_file() and path.suffix.lower() not in _HTML_SUFFIXES:
            raise UsageError(msg("{target}: not an HTML page (give the folder of the rendered site)", target=target))
        return cls(local=path.resolve())

    def staged(self) -> _Staging:
        return _Staging(self)

    def pages(self, base: Path) -> list[str]:
        """The start pages under ``base``: every HTML file, so orphans are crawled too."""
        if base.is_file():
            return [str(base)]
        found = sorted(p for p in base.rglob("*") if p.suffix.lower() in _HTML_SUFFIXES and p.is_file())
        return [str(p) for p in found]

    def shown(self, page: str) -> str:
        """A crawled page as the user knows it: a URL, or a path relative to the working folder."""
        if self.local is None:
            return page
        parts = urlsplit(page)
        path = unquote(parts.path) if parts.scheme == "file" else page
        if self.staging is not None and self.local is not None:
            path = path.replace(str(self.staging), str(self.local if self.local.is_dir() else self.local.parent))
        try:
            return os.path.relpath(path, Path.cwd())
        except ValueError:
            return path

    def unstage(self, text: str) -> str:
        """``text`` with the staging folder replaced by the real one."""
        if self.staging is None or self.local is None:
            return text
        return text.replace(str(self.staging), str(self.local if self.local.is_dir() else self.local.parent))


class _Staging:
    """Context manager giving the start URLs or files; copies a site root cannot share.

    Run as root, LinkChecker drops its privileges to ``nobody`` before it reads
    anything, so a site under a private folder (``/root``, pytest's temporary
    folders, a CI checkout) would come back as "Permission denied" on every
    page. Such a site is copied to a world-readable temporary folder for the
    run (symbolic links copied as links, never followed, so nothing outside
    the site becomes readable) and the paths are mapped back in the output.
    """

    def __init__(self, site: _Site) -> None:
        self.site = site

    def __enter__(self) -> list[str]:
        site = self.site
        if site.url is not None:
            return [site.url]
        assert site.local is not None
        base = site.local
        if _privileges_dropped() and not _readable_by_others(base):
            folder = base if base.is_dir() else base.parent
            staging = Path(tempfile.mkdtemp(prefix="contentlint-site-"))
            os.chmod(staging, 0o755)
            copy = staging / "site"
            shutil.copytree(folder, copy, symlinks=True)
            _open_up(copy)
            site.staging = copy
            base = copy if base.is_dir() else copy / base.name
        pages = site.pages(base)
        if not pages:
            from contentlint.errors import UsageError

            self.__exit__()
            raise UsageError(msg("{path}: no .html pages to crawl", path=str(site.local)))
        return pages

    def __exit__(self, *exc: object) -> None:
        if self.site.staging is not None:
            shutil.rmtree(self.site.staging.parent, ignore_errors=True)


def _privileges_dropped() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _readable_by_others(base: Path) -> bool:
    folder = base if base.is_dir() else base.parent
    for parent in (folder, *folder.parents):
        if not parent.stat().st_mode & stat.S_IXOTH:
            return False
    files = [base] if base.is_file() else [p for p in base.rglob("*") if not p.is_symlink()]
    for path in files:
        mode = path.stat().st_mode
        if not mode & stat.S_IROTH or (stat.S_ISDIR(mode) and not mode & stat.S_IXOTH):
            return False
    return True


def _open_up(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _crawl(targets: list[str], args: argparse.Namespace, executable: str, guarded: bool = True) -> Any:
    from contentlint.links.guard import AddressGuard
    from contentlint.links.linkchecker import LinkCheckerOptions, guard_ignore_patterns, run_linkchecker
    from contentlint.reporters.safe import visible

    ignore = list(LinkCheckerOptions().ignore_urls)
    if guarded:
        # Every host the pages link to passes the same address guard as the
        # built-in engine; LinkChecker is told to ignore the refused ones.
        blocked = guard_ignore_patterns(targets, AddressGuard.create())
        ignore += [found.pattern for found in blocked]
        lang = ui_language()
        for found in blocked:
            where = f"{found.host}:{found.port}" if found.port is not None else found.host
            note = msg("links to {where} not crawled: {reason}", where=where, reason=found.reason)
            sys.stderr.write(f"contentlint: {visible(localize(note, lang))}\n")
    options = LinkCheckerOptions(
        recursion_level=args.depth,
        check_extern=not args.internal_only,
        threads=max(1, args.threads),
        timeout=max(1, args.timeout),
        executable=executable,
        ignore_urls=tuple(ignore),
    )
    return run_linkchecker(targets, options)


# ---------------------------------------------------------------------------
# Mapping to sources
# ---------------------------------------------------------------------------
def _library(config: Config) -> RunContext | None:
    """The content library (for mapping pages to guides), or None without one."""
    from contentlint.errors import UsageError
    from contentlint.pipeline.run import load_context

    try:
        return load_context(config)
    except UsageError:
        return None


def page_map(library: Library | None) -> dict[str, str]:
    """Rendered page -> source guide: ``<slug>.html`` and ``<slug>/index.html``.

    With ``<lang>/`` in front too, so two guides sharing a slug in different
    languages still map (the longest match wins); an ambiguous bare slug is dropped.
    """
    if library is None:
        return {}
    mapping: dict[str, str] = {}
    bare: dict[str, set[str]] = {}
    for guide in library.guides:
        slug = guide.front.get("slug")
        slug = slug if isinstance(slug, str) and slug else guide.path.stem
        keys = (f"{slug}.html", f"{slug}/index.html")
        for key in keys:
            bare.setdefault(key, set()).add(guide.display)
            if guide.lang:
                mapping[f"{guide.lang}/{key}"] = guide.display
    for key, sources in bare.items():
        if len(sources) == 1:
            mapping[key] = next(iter(sources))
    return mapping


def _findings(crawl: Any, ctx: RunContext | None, site: _Site) -> tuple[list[Finding], list[str]]:
    from contentlint.links.linkchecker import map_to_sources

    library = ctx.library if ctx is not None else None
    by_display = {d.display: d for d in library.guides} if library is not None else {}
    findings: dict[tuple[Any, ...], Finding] = {}
    pages: set[str] = set()
    for mapped in map_to_sources(crawl.records, page_map(library)):
        pages.add(site.shown(mapped.page))
        finding = _finding(mapped, by_display.get(mapped.source or ""), ctx, site)
        if finding is not None:
            key = (finding.location.path, finding.location.line, finding.location.column, finding.message)
            findings.setdefault(key, finding)
    return sorted(findings.values(), key=lambda f: f.sort_key), sorted(pages)


def _finding(mapped: MappedRecord, doc: Document | None, ctx: RunContext | None, site: _Site) -> Finding | None:
    from contentlint.findings import Finding, Location, Severity

    record = mapped.record
    result = record.to_link_result()
    if result.outcome not in ("error", "warning", "redirect"):
        return None
    page = site.shown(mapped.page)
    in_page = Location(page, record.line or 0, record.column or 0, note=msg("in the rendered page"))
    written = _match_site(ctx, doc, record) if doc is not None and ctx is not None else None
    if doc is not None:
        line, column = (written.line, written.column) if written is not None else (1, 1)
        location = Location(doc.display, line, column)
        related: tuple[Location, ...] = (in_page,)
    else:
        location, related = in_page, ()
    # LinkChecker's XML escapes its messages once more than XML needs (its text stays as LinkChecker wrote it).
    detail = site.unstage(html.unescape(result.message))
    verdicts = {
        "error": msg("'{url}' is broken in the rendered page {page}: {detail}", url=record.url, page=page,
                     detail=detail),
        "warning": msg("'{url}' could not be verified in the rendered page {page}: {detail}", url=record.url, page=page,
                       detail=detail),
        "redirect": msg("'{url}' permanently redirects in the rendered page {page}: {detail}", url=record.url,
                        page=page, detail=detail),
    }
    message = verdicts[result.outcome]
    hint: str = result.hint or msg("Fix the link in the guide.")
    if str(site.unstage(hint)) != str(hint):
        hint = site.unstage(hint)
    if doc is not None and written is None:
        hint = msg("The link is not written in the guide as such: look at the template, menu or layout "
                   "that renders it. {hint}", hint=hint)
    severity = Severity.ERROR if result.outcome == "error" else Severity.WARNING
    context = {"url": record.url, "page": page, "result": record.result}
    return Finding(CODE, NAME, severity, message, location, hint, related, context)


def _match_site(ctx: RunContext, doc: Document, record: Any) -> LinkSite | None:
    """The link written in the guide that rendered as ``record.url``, if one matches."""
    sites = [s for s in ctx.link_index().sites(doc) if s.origin not in ("related",)]
    url = record.url.strip()
    scheme = urlsplit(url).scheme.lower()
    for site in sites:
        if site.href == url or site.shown == unquote(url):
            return site
    if scheme in ("http", "https"):
        for site in sites:
            if site.shown.rstrip("/") == unquote(url).rstrip("/"):
                return site
        return None
    stem = _stem(url)
    if stem:
        for site in sites:
            if _stem(site.href) == stem and not urlsplit(site.href).scheme:
                return site
    if record.name:
        for site in sites:
            if site.text and site.text.strip() == record.name.strip():
                return site
    return None


def _stem(href: str) -> str:
    """The name a link points at: ``../x/index.html``, ``x.html``, ``x.md`` and ``x/`` are all ``x``."""
    path = unquote(href.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/")
    parts = [p for p in PurePosixPath(path).parts if p not in ("/", ".", "..")]
    if not parts:
        return ""
    last = parts[-1]
    if last.lower() in _INDEX_NAMES and len(parts) > 1:
        last = parts[-2]
    return PurePosixPath(last).stem.lower() if "." in last else last.lower()


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
def _emit(findings: list[Finding], pages: list[str], config: Config, args: argparse.Namespace) -> int:
    from contentlint.findings import Severity
    from contentlint.report import Report, RuleInfo
    from contentlint.reporters import get_reporter
    from contentlint.rules import registry

    rule = registry().get(CODE)
    info = (
        [RuleInfo(rule.code, rule.name, rule.summary(), rule.default_severity, rule.documentation())]
        if rule is not None
        else []
    )
    report = Report(findings=findings, checked=pages, rules=info)
    fail_on = Severity.parse(args.fail_on) if args.fail_on else config.fail_on
    options = {"color": _use_color(), "fail_on": fail_on, "full_report": None, "ui_lang": ui_language()}
    get_reporter(args.format)(report, sys.stdout, options)
    worst = report.worst()
    return EXIT_FINDINGS if worst is not None and worst >= fail_on else EXIT_CLEAN


def _use_color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
