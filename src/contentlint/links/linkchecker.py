"""Optional whole-site crawl with LinkChecker, run as a separate program.

LinkChecker (PyPI ``linkchecker``) is GPL-2.0-or-later and has no public Python
API, so contentlint never imports it: it runs the ``linkchecker`` executable
as a subprocess and reads its XML output (``-o xml``).  Use it for an optional
nightly crawl of the *rendered* HTML site; pull-request checks use
:mod:`contentlint.links.http.engine`, which is faster and retries.

Command line built by :func:`build_command` (LinkChecker 10.x)::

    linkchecker -f <rc> --no-status -o xml/utf-8 [-v] -r <depth> [--check-extern]
                [--no-robots] [--timeout N] [-t N] [--user-agent UA]
                [--ignore-url RE]... [--no-follow-url RE]... URL-or-file...

* ``-f <rc>``: a generated configuration file (``[checking]`` threads,
  timeout, ``maxrequestspersecond``; ``[output]`` ``status=0``).  Passing
  ``-f`` also stops LinkChecker from reading, or creating, a per-user
  ``~/.config/linkchecker/linkcheckerrc``, so runs are reproducible.
* ``--no-status``: no progress lines on stderr.
* ``-o xml/utf-8``: the XML report on stdout, UTF-8.  Writing to stdout (not
  ``-F xml/.../FILE``) matters when running as root, see below.
* ``-v``: log every URL, not just errors and warnings (``log_all``), so
  valid links are reported too.
* ``-r <depth>``: recursion depth; ``-1`` crawls the whole site (default).
* ``--check-extern``: also check links that leave the site (not crawled).
* ``--no-robots``: only when ``obey_robots=False``.  By default LinkChecker
  obeys robots.txt, and a Disallowed URL is "checked only syntax" and counted
  *valid*; :class:`LinkCheckerRecord` turns that into a warning
  (``reason="robots-disallowed"``) instead of passing it silently.
* ``--ignore-url ^mailto:`` and ``^tel:`` are passed by default: LinkChecker
  would otherwise look up the MX hosts of every mail address.

Behaviour to know about:

* **Root**: run as root, LinkChecker drops privileges to ``nobody``
  (``os.seteuid``) after reading its configuration.  Local HTML inputs must
  then be readable by ``nobody`` and ``-F`` output files writable by it;
  this module writes the report to stdout and makes its rc file world-readable,
  so only the inputs matter.  A warning about it appears on stderr
  (``LinkCheckerRun.stderr``).
* **Throttle**: LinkChecker waits a random 0.1-0.6 s between requests to one
  host unless the server sends a ``LinkChecker`` header; ``maxrequestspersecond``
  above 10 is honoured only then.  Expect about 3 requests per second per host.
* **Exit status**: 0 all valid, 1 invalid links *or warnings*, 2 program error.
  1 is a normal outcome here; 2 raises :class:`LinkCheckerError`.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from contentlint.i18n import msg
from contentlint.links.guard import AddressGuard, BlockedAddressError
from contentlint.links.http.results import LinkResult

__all__ = [
    "LinkCheckerError",
    "LinkCheckerOptions",
    "LinkCheckerRecord",
    "LinkCheckerRun",
    "MappedRecord",
    "build_command",
    "find_linkchecker",
    "guard_ignore_patterns",
    "map_to_sources",
    "parse_xml",
    "run_linkchecker",
]


class LinkCheckerError(RuntimeError):
    """LinkChecker is missing, failed (exit 2), timed out, or wrote no usable XML."""


@dataclass(frozen=True, slots=True)
class LinkCheckerOptions:
    """What to pass to LinkChecker (see the module docstring for each flag)."""

    recursion_level: int = -1
    check_extern: bool = True
    obey_robots: bool = True
    log_all: bool = True
    threads: int = 10
    timeout: int = 20
    max_requests_per_second: float | None = None
    user_agent: str | None = None
    ignore_urls: tuple[str, ...] = (r"^mailto:", r"^tel:")
    no_follow_urls: tuple[str, ...] = ()
    extra_args: tuple[str, ...] = ()
    executable: str | None = None
    process_timeout: float = 3600.0
    # LinkChecker's AnchorCheck plugin: report #fragments missing from rendered pages.
    anchors: bool = True


@dataclass(frozen=True, slots=True)
class LinkCheckerRecord:
    """One ``<urldata>`` of LinkChecker's XML report."""

    url: str
    parent_url: str | None
    line: int | None
    column: int | None
    valid: bool
    result: str
    real_url: str | None = None
    name: str | None = None
    warnings: tuple[tuple[str, str], ...] = ()
    info: tuple[str, ...] = ()
    extern: bool | None = None
    level: int | None = None

    @property
    def status(self) -> int | None:
        """HTTP status parsed from the result text (``"404 Not Found"`` -> 404)."""
        head = self.result.split(" ", 1)[0]
        return int(head) if head.isdigit() and len(head) == 3 else None

    @property
    def robots_disallowed(self) -> bool:
        return any("robots.txt" in item for item in self.info)

    @property
    def outcome(self) -> str:
        """``"error"`` (invalid), ``"redirect"``, ``"warning"`` or ``"ok"``."""
        if not self.valid:
            return "error"
        tags = {tag for tag, _ in self.warnings}
        if "http-redirected" in tags:
            return "redirect"
        if self.warnings or self.robots_disallowed:
            return "warning"
        return "ok"

    def to_link_result(self) -> LinkResult:
        """The same verdict as a :class:`~contentlint.links.http.engine.LinkResult`."""
        outcome = self.outcome
        status = self.status
        text = self.result or ("valid" if self.valid else "invalid")
        redirect_texts = [t for tag, t in self.warnings if tag == "http-redirected"]
        permanent = any(" 301 " in t or " 308 " in t for t in redirect_texts)
        final = self.real_url if self.real_url and self.real_url != self.url else None
        hint: str
        if outcome == "error":
            reason = f"http-{status}" if status else "linkchecker-error"
            hint = msg("Fix or remove the link.")
        elif outcome == "redirect":
            reason = "redirect-permanent" if permanent else "redirect-temporary"
            if not permanent:
                outcome = "ok"
            hint = msg("Update the link to {url}", url=final) if permanent and final else ""
        elif self.robots_disallowed:
            reason = "robots-disallowed"
            hint = msg("robots.txt forbids checking this URL; it was not verified.")
        elif outcome == "warning":
            reason = self.warnings[0][0] or "linkchecker-warning"
            hint = ""
        else:
            reason = "ok"
            hint = ""
        details = [text] + [t for _tag, t in self.warnings] + list(self.info)
        return LinkResult(
            url=self.real_url or self.url,
            outcome=outcome,
            status=status,
            final_url=final,
            permanent=permanent,
            reason=reason,
            message="; ".join(d for d in details if d),
            hint=hint,
        )


@dataclass(frozen=True, slots=True)
class LinkCheckerRun:
    """A finished LinkChecker run."""

    command: tuple[str, ...]
    returncode: int
    records: tuple[LinkCheckerRecord, ...]
    stderr: str


@dataclass(frozen=True, slots=True)
class MappedRecord:
    """A record with the source guide of the page it was found on (``None``: unknown)."""

    source: str | None
    page: str
    record: LinkCheckerRecord


def find_linkchecker(executable: str | None = None) -> str | None:
    """Path of the ``linkchecker`` program: explicit, on PATH, or beside this Python."""
    if executable:
        return executable if Path(executable).exists() or shutil.which(executable) else None
    found = shutil.which("linkchecker")
    if found:
        return found
    beside = Path(sys.executable).parent / "linkchecker"
    return str(beside) if beside.exists() else None


def _rc_text(options: LinkCheckerOptions) -> str:
    lines = ["[checking]", f"threads={options.threads}", f"timeout={options.timeout}"]
    if options.max_requests_per_second is not None:
        lines.append(f"maxrequestspersecond={options.max_requests_per_second}")
    lines += ["", "[output]", "status=0", ""]
    if options.anchors:
        lines += ["[AnchorCheck]", ""]
    return "\n".join(lines)


def build_command(
    targets: Sequence[str], options: LinkCheckerOptions, rc_path: str | os.PathLike[str], executable: str
) -> list[str]:
    """The argument vector (no shell)."""
    cmd = [executable, "-f", str(rc_path), "--no-status", "-o", "xml/utf-8"]
    if options.log_all:
        cmd.append("-v")
    cmd += ["-r", str(options.recursion_level)]
    if options.check_extern:
        cmd.append("--check-extern")
    if not options.obey_robots:
        cmd.append("--no-robots")
    cmd += ["--timeout", str(options.timeout), "-t", str(options.threads)]
    if options.user_agent:
        cmd += ["--user-agent", options.user_agent]
    for pattern in options.ignore_urls:
        cmd.append(f"--ignore-url={pattern}")
    for pattern in options.no_follow_urls:
        cmd.append(f"--no-follow-url={pattern}")
    cmd += list(options.extra_args)
    cmd.append("--")
    cmd += list(targets)
    return cmd


def _text(elem: ET.Element | None) -> str | None:
    if elem is None or elem.text is None:
        return None
    return elem.text


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _record(elem: ET.Element) -> LinkCheckerRecord:
    parent = elem.find("parent")
    valid_elem = elem.find("valid")
    warnings = tuple(
        (w.get("tag", ""), w.text or "") for w in elem.findall("warnings/warning")
    )
    info = tuple(i.text or "" for i in elem.findall("infos/info"))
    extern = _text(elem.find("extern"))
    return LinkCheckerRecord(
        url=_text(elem.find("url")) or "",
        parent_url=_text(parent),
        line=_int(parent.get("line")) if parent is not None else None,
        column=_int(parent.get("column")) if parent is not None else None,
        valid=(_text(valid_elem) or "0").strip() == "1",
        result=valid_elem.get("result", "") if valid_elem is not None else "",
        real_url=_text(elem.find("realurl")),
        name=_text(elem.find("name")),
        warnings=warnings,
        info=info,
        extern=None if extern is None else extern.strip() == "1",
        level=_int(_text(elem.find("level"))),
    )


def parse_xml(data: str | bytes, *, strict: bool = False) -> list[LinkCheckerRecord]:
    """Records from LinkChecker's ``-o xml`` output.

    A report cut short (a killed run) yields the records completed before the
    cut; ``strict=True`` raises :class:`LinkCheckerError` instead.  The input
    comes from LinkChecker itself (the expat parser resolves no external
    entities).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("end",))
    records: list[LinkCheckerRecord] = []
    seen_root = False
    try:
        parser.feed(raw)
        parser.close()
    except ET.ParseError as exc:
        if strict:
            raise LinkCheckerError(f"LinkChecker XML is not well formed: {exc}") from exc
    for event in parser.read_events():
        elem: Any = cast(Any, event)[1]  # ("end", element) pairs
        if not isinstance(elem, ET.Element):
            continue
        if elem.tag == "urldata":
            records.append(_record(elem))
        elif elem.tag == "linkchecker":
            seen_root = True
    if strict and not seen_root:
        raise LinkCheckerError("no <linkchecker> report in the output")
    return records


# ---------------------------------------------------------------------------
# The address guard, for a program that resolves and connects on its own
# ---------------------------------------------------------------------------
# Anything in a page that looks like an absolute or protocol-relative URL with an
# authority: over-matching costs a DNS lookup, never a request.
_URL_IN_PAGE_RE = re.compile(r"""(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//[^\s"'<>`()]+""")
_ENCODED_BRACKETS_RE = re.compile(r"%5B([0-9A-Fa-f:.]+)%5D", re.IGNORECASE)
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "no_proxy")


@dataclass(frozen=True, slots=True)
class BlockedHost:
    """A host of the pages that the address guard refuses (and LinkChecker is told to ignore)."""

    host: str
    port: int | None
    reason: str
    pattern: str


def _host_forms(host: str) -> list[str]:
    forms = {host}
    try:
        import ipaddress

        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    else:
        forms.add(ip.compressed)
        forms.add(ip.exploded)
    return sorted((f"[{form}]" if ":" in form else form) for form in forms)


def _ignore_pattern(host: str, port: int | None) -> str:
    hosts = "|".join(re.escape(form) for form in _host_forms(host))
    ports = f":{port}" if port is not None else r"(?::(?:80|443|21))?"
    return rf"(?i)^[a-z][a-z0-9+.\-]*://(?:[^/?#@]*@)?(?:{hosts}){ports}(?:[/?#\\]|$)"


def guard_ignore_patterns(
    pages: Iterable[str | Path],
    guard: AddressGuard,
    getaddrinfo: Any = None,
) -> list[BlockedHost]:
    """The hosts linked from ``pages`` (local HTML files) that ``guard`` refuses.

    LinkChecker resolves and connects by itself, so the guard runs first: every
    host:port written in the pages is checked (an IP literal directly, a name by
    resolving it, refused when any of its addresses is), and each refused one
    becomes an ``--ignore-url`` pattern, so LinkChecker never sends it a packet.
    """
    lookup = getaddrinfo or (lambda host, port: socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    seen: dict[tuple[str, int | None], BlockedHost | None] = {}
    for page in pages:
        try:
            text = Path(page).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in _URL_IN_PAGE_RE.finditer(html.unescape(text)):
            raw = _ENCODED_BRACKETS_RE.sub(r"[\1]", match.group())
            if raw.startswith("//"):
                raw = "http:" + raw
            try:
                parts = urlsplit(raw)
                host = (parts.hostname or "").rstrip(".")
                port = parts.port
            except ValueError:
                continue
            if not host or parts.scheme.lower() == "file" or (host, port) in seen:
                continue
            seen[(host, port)] = _blocked(host, port, guard, lookup)
    return [found for found in seen.values() if found is not None]


def _blocked(host: str, port: int | None, guard: AddressGuard, lookup: Any) -> BlockedHost | None:
    try:
        if guard.is_ip_literal(host):
            guard.check_literal(host, port)
        else:
            try:
                infos = lookup(host, port or 80)
            except (OSError, UnicodeError, ValueError):
                return None  # it does not resolve here: LinkChecker reports that itself
            for info in infos:
                guard.check_address(host, info[4][0], port)
    except BlockedAddressError as exc:
        return BlockedHost(host, port, exc.text, _ignore_pattern(host, port))
    return None


def run_linkchecker(
    targets: Sequence[str] | str, options: LinkCheckerOptions | None = None
) -> LinkCheckerRun:
    """Run LinkChecker on URLs or local HTML files and parse its report."""
    options = options or LinkCheckerOptions()
    if isinstance(targets, str):
        targets = [targets]
    if not targets:
        raise ValueError("nothing to check")
    executable = find_linkchecker(options.executable)
    if executable is None:
        raise LinkCheckerError("the linkchecker program is not installed (pip install linkchecker)")
    workdir = tempfile.mkdtemp(prefix="contentlint-linkchecker-")
    try:
        os.chmod(workdir, 0o755)  # readable after LinkChecker drops root to nobody
        rc_path = Path(workdir) / "linkcheckerrc"
        rc_path.write_text(_rc_text(options), encoding="utf-8")
        os.chmod(rc_path, 0o644)
        cmd = build_command(list(targets), options, rc_path, executable)
        # No proxy: it would connect on LinkChecker's behalf to addresses the guard never saw.
        env = {key: value for key, value in os.environ.items() if key.lower() not in _PROXY_VARIABLES}
        env.setdefault("LANG", "C.UTF-8")
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                timeout=options.process_timeout,
                stdin=subprocess.DEVNULL,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise LinkCheckerError(f"linkchecker did not finish within {options.process_timeout:g} s") from exc
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in (0, 1):
            raise LinkCheckerError(f"linkchecker exited with {proc.returncode}: {stderr.strip()[-2000:]}")
        records = parse_xml(proc.stdout, strict=True)
        return LinkCheckerRun(tuple(cmd), proc.returncode, tuple(records), stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# ---------------------------------------------------------------------------
# Mapping rendered pages back to source guides
# ---------------------------------------------------------------------------
def _page_path(page: str) -> str:
    """A comparable path for a page URL, file URL or file path (no query/fragment)."""
    parts = urlsplit(page)
    path = unquote(parts.path) if parts.scheme in ("http", "https", "file") else page.split("#", 1)[0].split("?", 1)[0]
    path = path.replace("\\", "/")
    if path.endswith("/"):
        path += "index.html"
    return str(PurePosixPath("/" + path.lstrip("/")))


def _key_variants(key: str) -> tuple[str, bool]:
    """(normalised path, is_absolute_url) for an html_to_source key."""
    parts = urlsplit(key)
    if parts.scheme in ("http", "https", "file"):
        return _page_path(key), True
    path = key.replace("\\", "/").split("#", 1)[0]
    if path.endswith("/"):
        path += "index.html"
    return str(PurePosixPath("/" + path.lstrip("/"))), False


def map_to_sources(
    results: Iterable[LinkCheckerRecord],
    html_to_source: Mapping[str, str],
) -> list[MappedRecord]:
    """Attach the source guide to each record, by the page the link was found on.

    ``html_to_source`` maps rendered pages to source files, e.g.
    ``{"en/iep-guide.html": "content/en/iep-guide.md"}``.  A key may be a full
    URL (``http://localhost:8000/en/iep-guide.html``, ``file:///site/en/...``)
    matched exactly, or a site-relative path matched against the end of the
    page path (the longest match wins); ``dir/`` stands for ``dir/index.html``.
    The page is the record's parent; a record without a parent (a start URL)
    is its own page.
    """
    exact: dict[tuple[str, str], str] = {}
    suffixes: list[tuple[str, str]] = []
    for key, target in html_to_source.items():
        path, absolute = _key_variants(key)
        if absolute:
            parts = urlsplit(key)
            exact[(parts.scheme + "://" + parts.netloc.lower(), path)] = target
        else:
            suffixes.append((path, target))
    suffixes.sort(key=lambda item: -len(item[0]))

    out: list[MappedRecord] = []
    for record in results:
        page = record.parent_url or record.real_url or record.url
        parts = urlsplit(page)
        path = _page_path(page)
        source: str | None = exact.get((parts.scheme + "://" + parts.netloc.lower(), path)) if parts.scheme else None
        if source is None:
            for suffix, candidate in suffixes:
                if path.endswith(suffix):  # suffix starts with "/": whole segments only
                    source = candidate
                    break
        out.append(MappedRecord(source, page, record))
    return out
