#!/usr/bin/env python3
"""Keep one "Broken links" GitHub issue in step with the scheduled external-link check.

Reads the JSON findings of ``contentlint check --links external --select LK1
--format json`` (docs/json-format.md), remembers for each failing URL when it
first and last failed and how many runs in a row it failed (a small JSON state
file, kept between runs in the Actions cache), and then:

* opens an issue (label ``link-rot``, title "Broken links") listing every URL
  that failed in at least ``--min-failures`` consecutive runs (default 2:
  servers have bad days), with the guides and lines that use it, the problem,
  and when it was first and last seen;
* updates that issue on later runs;
* closes it, with a comment, once every reported link works again.

A URL that works again is dropped from the state, so its count starts over.

Standard library only. Talks to the GitHub REST API at ``GITHUB_API_URL``
(default https://api.github.com) with ``GITHUB_TOKEN`` (needs ``issues:
write``) for ``GITHUB_REPOSITORY`` (``owner/name``). Every request has a
timeout and listings read at most ``--max-pages`` pages.

Exit codes: 0 done, 1 the GitHub API failed, 2 bad input (unreadable findings,
missing token or repository). The state file is written before the API is
called, and is left untouched when the findings cannot be read.

Usage::

    contentlint check --links external --select LK1 --format json --output links.json
    python scripts/link_rot_issue.py links.json --state .contentlint_cache/link-rot.json
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_FORMAT = "contentlint-link-rot"
STATE_VERSION = 1
MARKER = "<!-- contentlint:link-rot -->"
MAX_BODY = 60_000  # GitHub refuses issue bodies over 65,536 characters
MAX_SITES = 10  # places listed per URL; the rest are counted
EXIT_OK, EXIT_API, EXIT_INPUT = 0, 1, 2
_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")


class InputError(Exception):
    """Findings, state or settings that cannot be used."""


class GitHubError(Exception):
    """A GitHub API request that failed."""


# --------------------------------------------------------------------------
# Findings and state


@dataclass
class Failure:
    """One URL that failed in this run."""

    url: str
    problem: str
    sites: list[tuple[str, int]] = field(default_factory=list)


def read_findings(path: str, codes: Sequence[str]) -> dict[str, Failure]:
    """The failing URLs of a contentlint JSON document, by URL (fragment removed)."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read the findings {path}: {exc}") from None
    if not isinstance(document, dict) or document.get("version") != 1 or not isinstance(document.get("findings"), list):
        raise InputError(f"{path} is not contentlint JSON output (format version 1)")
    failures: dict[str, Failure] = {}
    for finding in document["findings"]:
        if not isinstance(finding, dict) or finding.get("code") not in codes:
            continue
        message = str(finding.get("message", ""))
        # "<url>: <problem>": a URL holds no ": " (a space is not allowed in it).
        shown, sep, problem = message.partition(": ")
        if not sep or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", shown):
            continue
        url = shown.split("#", 1)[0]
        failure = failures.setdefault(url, Failure(url, problem.strip()))
        site = (str(finding.get("path", "")), _int(finding.get("line")))
        if site not in failure.sites:
            failure.sites.append(site)
    for failure in failures.values():
        failure.sites.sort()
    return failures


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def load_state(path: Path) -> dict[str, Any]:
    """The state file, or a fresh state when it is missing or unreadable."""
    fresh: dict[str, Any] = {"format": STATE_FORMAT, "version": STATE_VERSION, "urls": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return fresh
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        print(f"link-rot: warning: ignoring the unreadable state {path}: {exc}", file=sys.stderr)
        return fresh
    if not (isinstance(data, dict) and data.get("format") == STATE_FORMAT and isinstance(data.get("urls"), dict)):
        print(f"link-rot: warning: ignoring {path}: not a link-rot state file", file=sys.stderr)
        return fresh
    urls = {url: entry for url, entry in data["urls"].items() if isinstance(entry, dict)}
    return {**fresh, "urls": urls}


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write the state atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(state, stream, indent=2, sort_keys=True, ensure_ascii=False)
            stream.write("\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def update_state(state: dict[str, Any], failures: dict[str, Failure], now: str) -> dict[str, Any]:
    """This run's state: failing URLs counted up, recovered URLs dropped (their count resets)."""
    previous = state.get("urls", {})
    urls: dict[str, Any] = {}
    for url, failure in sorted(failures.items()):
        before = previous.get(url, {})
        count = _int(before.get("failures")) if before else 0
        urls[url] = {
            "first_seen": before.get("first_seen") or now,
            "last_seen": now,
            "failures": count + 1,
            "status": failure.problem,
            "sites": [[path, line] for path, line in failure.sites],
        }
    return {"format": STATE_FORMAT, "version": STATE_VERSION, "updated": now, "urls": urls}


# --------------------------------------------------------------------------
# The issue body


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;")


def _site_link(path: str, line: int, blob_base: str | None) -> str:
    label = f"{path}:{line}" if line else path
    if not blob_base:
        return f"`{_cell(label)}`"
    anchor = f"#L{line}" if line else ""
    return f"[`{_cell(label)}`]({blob_base}/{urllib.parse.quote(path)}{anchor})"


def render_body(
    reported: dict[str, Any], watching: int, min_failures: int, now: str,
    blob_base: str | None = None, run_url: str | None = None,
) -> str:
    """The issue body: an explanation and one table row per reported URL."""
    lines = [
        MARKER,
        (
            f"The scheduled external-link check found **{len(reported)}** link(s) that failed in "
            f"{min_failures} or more runs in a row. Fix or replace them in both the English and the "
            "Spanish guide; this issue is updated on every run and closed when they all work again."
        ),
        "",
        "| URL | Guides and lines | Status | First seen | Last seen |",
        "|---|---|---|---|---|",
    ]
    rows = sorted(reported.items(), key=lambda item: (item[1].get("first_seen", ""), item[0]))
    size = sum(len(line) + 1 for line in lines)
    left_out = 0
    for index, (url, entry) in enumerate(rows):
        sites = [tuple(site) for site in entry.get("sites", [])]
        shown = ", ".join(_site_link(str(p), _int(n), blob_base) for p, n in sites[:MAX_SITES])
        if len(sites) > MAX_SITES:
            shown += f" and {len(sites) - MAX_SITES} more"
        status = f"{_cell(entry.get('status', ''))} ({_int(entry.get('failures'))} runs in a row)"
        row = f"| {_cell(url)} | {shown} | {status} | {entry.get('first_seen', '')} | {entry.get('last_seen', '')} |"
        if size + len(row) > MAX_BODY:
            left_out = len(rows) - index
            break
        lines.append(row)
        size += len(row) + 1
    if left_out:
        lines += ["", f"{left_out} more link(s) did not fit in this issue; see the run's report."]
    lines.append("")
    if watching:
        lines.append(f"{watching} other link(s) failed in the last run only and are being watched.")
    checked = f"Last checked {now}" + (f" ([run]({run_url}))" if run_url else "") + "."
    lines.append(checked)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# GitHub


class GitHub:
    """A minimal GitHub REST client (urllib, timeouts, bounded pagination)."""

    def __init__(self, api_url: str, token: str, repo: str, timeout: float = 20.0, max_pages: int = 3) -> None:
        self.api_url = api_url.rstrip("/")
        self.token = token
        self.repo = repo
        self.timeout = timeout
        self.max_pages = max_pages

    def request(self, method: str, path: str, body: Any = None, query: dict[str, Any] | None = None) -> Any:
        url = f"{self.api_url}/repos/{self.repo}{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("User-Agent", "contentlint-link-rot")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(10 * 1024 * 1024)
        except urllib.error.HTTPError as exc:
            detail = exc.read(2000).decode("utf-8", "replace") if exc.fp else ""
            raise GitHubError(f"{method} {path}: HTTP {exc.code} {detail.strip()}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise GitHubError(f"{method} {path}: {exc}") from None
        return json.loads(raw) if raw.strip() else None

    def open_issues(self, label: str | None) -> list[dict[str, Any]]:
        """Open issues (not pull requests), at most ``max_pages`` pages of 100."""
        found: list[dict[str, Any]] = []
        for page in range(1, self.max_pages + 1):
            query: dict[str, Any] = {"state": "open", "per_page": 100, "page": page}
            if label:
                query["labels"] = label
            batch = self.request("GET", "/issues", query=query)
            if not isinstance(batch, list):
                break
            found += [item for item in batch if isinstance(item, dict) and "pull_request" not in item]
            if len(batch) < 100:
                break
        return found

    def find_issue(self, label: str, title: str) -> dict[str, Any] | None:
        """The open link-rot issue: by label and title, else by title (a label may have been removed)."""
        for label_filter in (label, None):
            matches = [issue for issue in self.open_issues(label_filter) if issue.get("title") == title]
            if matches:
                return min(matches, key=lambda issue: int(issue.get("number", 0)))
        return None

    def ensure_label(self, label: str) -> None:
        try:
            self.request("GET", f"/labels/{urllib.parse.quote(label, safe='')}")
        except GitHubError:
            try:
                self.request("POST", "/labels", {"name": label, "color": "d93f0b",
                                                  "description": "External links that stopped working"})
            except GitHubError as exc:  # e.g. created meanwhile; the issue still gets the label
                print(f"link-rot: warning: cannot create the label {label!r}: {exc}", file=sys.stderr)


# --------------------------------------------------------------------------
# The command


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _default_blob_base() -> str | None:
    server, repo, sha = (os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server.rstrip('/')}/{repo}/blob/{sha}" if server and repo and sha else None


def _default_run_url() -> str | None:
    server, repo, run = (os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    return f"{server.rstrip('/')}/{repo}/actions/runs/{run}" if server and repo and run else None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="link_rot_issue.py",
        description="Open, update or close the single 'Broken links' issue from contentlint's JSON findings.",
    )
    parser.add_argument("findings", help="contentlint --format json output ('-' for stdin)")
    parser.add_argument("--state", type=Path, default=Path(".contentlint_cache/link-rot.json"),
                        help="JSON state kept between runs (default: .contentlint_cache/link-rot.json)")
    parser.add_argument("--min-failures", type=int, default=2,
                        help="consecutive failed runs before a link is reported (default 2)")
    parser.add_argument("--label", default="link-rot", help="label of the issue (default: link-rot)")
    parser.add_argument("--title", default="Broken links", help="title of the issue (default: Broken links)")
    parser.add_argument("--codes", default="LK101",
                        help="comma-separated rule codes that count as broken (default: LK101)")
    parser.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY", ""),
                        help="owner/name (default: GITHUB_REPOSITORY)")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per API request (default 20)")
    parser.add_argument("--max-pages", type=int, default=3, help="pages of 100 issues read at most (default 3)")
    parser.add_argument("--now", help=argparse.SUPPRESS)  # a fixed clock, for tests
    parser.add_argument("--dry-run", action="store_true",
                        help="update the state and print the issue body; no API call")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.min_failures < 1:
        print("link-rot: error: --min-failures must be 1 or more", file=sys.stderr)
        return EXIT_INPUT
    codes = tuple(code.strip() for code in args.codes.split(",") if code.strip())
    now = args.now or _now()
    try:
        failures = read_findings(args.findings, codes)
        if not args.dry_run:
            token = os.environ.get("GITHUB_TOKEN", "")
            if not token:
                raise InputError("GITHUB_TOKEN is not set")
            if not _REPO.match(args.repo):
                raise InputError(f"--repo / GITHUB_REPOSITORY must be owner/name, not {args.repo!r}")
    except InputError as exc:
        print(f"link-rot: error: {exc}", file=sys.stderr)
        return EXIT_INPUT

    state = update_state(load_state(args.state), failures, now)
    save_state(args.state, state)
    reported = {url: entry for url, entry in state["urls"].items() if entry["failures"] >= args.min_failures}
    watching = len(state["urls"]) - len(reported)
    body = render_body(reported, watching, args.min_failures, now, _default_blob_base(), _default_run_url())
    print(f"link-rot: {len(failures)} failing link(s) in this run, {len(reported)} reported "
          f"(failed {args.min_failures}+ runs in a row), {watching} watched")
    if args.dry_run:
        sys.stdout.write(body if reported else "(no issue: nothing to report)\n")
        return EXIT_OK

    github = GitHub(os.environ.get("GITHUB_API_URL") or "https://api.github.com", os.environ["GITHUB_TOKEN"],
                    args.repo, timeout=args.timeout, max_pages=max(1, args.max_pages))
    try:
        issue = github.find_issue(args.label, args.title)
        if reported:
            if issue is None:
                github.ensure_label(args.label)
                issue = github.request("POST", "/issues", {"title": args.title, "body": body, "labels": [args.label]})
                action = "opened"
            else:
                github.request("PATCH", f"/issues/{int(issue['number'])}", {"body": body})
                action = "updated"
        elif issue is not None:
            github.request("POST", f"/issues/{int(issue['number'])}/comments",
                           {"body": f"Every reported link works again ({now}). Closing."})
            github.request("PATCH", f"/issues/{int(issue['number'])}",
                           {"state": "closed", "state_reason": "completed"})
            action = "closed"
        else:
            action = "none"
    except (GitHubError, KeyError, TypeError, ValueError) as exc:
        print(f"link-rot: error: the GitHub API failed: {exc}", file=sys.stderr)
        return EXIT_API
    number = issue.get("number") if isinstance(issue, dict) else None
    note = f"issue #{number} {action}" if number else "no issue needed"
    print(f"link-rot: {note}")
    _write_outputs(action, number, len(reported))
    return EXIT_OK


def _write_outputs(action: str, number: Any, reported: int) -> None:
    """Step outputs and a line in the job summary, under GitHub Actions."""
    outputs = os.environ.get("GITHUB_OUTPUT")
    if outputs:
        with open(outputs, "a", encoding="utf-8") as handle:
            handle.write(f"action={action}\nissue={number or ''}\nreported={reported}\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        text = {
            "opened": f"Link rot: opened issue #{number} ({reported} broken link(s)).",
            "updated": f"Link rot: updated issue #{number} ({reported} broken link(s)).",
            "closed": f"Link rot: every link works again; closed issue #{number}.",
            "none": "Link rot: no link failed in enough runs in a row to report.",
        }[action]
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(f"\n{text}\n")


if __name__ == "__main__":
    sys.exit(main())
