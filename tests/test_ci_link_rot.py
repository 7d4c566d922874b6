"""scripts/link_rot_issue.py against a local fake of the GitHub REST API (no network).

The fake is an http.server on 127.0.0.1 in a thread, holding issues, comments
and labels in memory and recording every request.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from clitools import ROOT

REPO = "acme/guides"
TOKEN = "test-token-123"


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location("link_rot_issue", ROOT / "scripts" / "link_rot_issue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


link_rot = _load_script()


class FakeGitHub:
    """In-memory issues, comments and labels of one repository."""

    def __init__(self) -> None:
        self.issues: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, list[str]] = {}
        self.labels: set[str] = set()
        self.requests: list[tuple[str, str, dict[str, Any] | None]] = []
        self.auth: list[str | None] = []
        self.fail_with: int | None = None
        self.lock = threading.Lock()

    def add_issue(self, title: str, labels: list[str], state: str = "open", pull_request: bool = False) -> int:
        number = len(self.issues) + 1
        issue = {"number": number, "title": title, "body": "", "state": state,
                 "labels": [{"name": name} for name in labels]}
        if pull_request:
            issue["pull_request"] = {"url": "x"}
        self.issues[number] = issue
        return number

    def handle(self, method: str, raw_path: str, body: dict[str, Any] | None) -> tuple[int, Any]:
        parsed = urlparse(raw_path)
        query = {key: values[0] for key, values in parse_qs(parsed.query).items()}
        prefix = f"/repos/{REPO}"
        if not parsed.path.startswith(prefix):
            return 404, {"message": "Not Found"}
        path = parsed.path[len(prefix):]
        if self.fail_with:
            return self.fail_with, {"message": "boom"}
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if parts == ["issues"] and method == "GET":
            items = [i for i in self.issues.values() if i["state"] == query.get("state", "open")]
            if "labels" in query:
                items = [i for i in items if query["labels"] in {label["name"] for label in i["labels"]}]
            per_page, page = int(query.get("per_page", 30)), int(query.get("page", 1))
            return 200, items[(page - 1) * per_page: page * per_page]
        if parts == ["issues"] and method == "POST":
            assert body is not None
            number = self.add_issue(body["title"], body.get("labels", []))
            self.issues[number]["body"] = body.get("body", "")
            return 201, self.issues[number]
        if len(parts) == 2 and parts[0] == "issues" and method == "PATCH":
            issue = self.issues.get(int(parts[1]))
            if issue is None:
                return 404, {"message": "Not Found"}
            assert body is not None
            issue.update({k: v for k, v in body.items() if k in ("body", "state", "state_reason", "title")})
            return 200, issue
        if len(parts) == 3 and parts[0] == "issues" and parts[2] == "comments" and method == "POST":
            assert body is not None
            self.comments.setdefault(int(parts[1]), []).append(body["body"])
            return 201, {"id": 1, "body": body["body"]}
        if len(parts) == 2 and parts[0] == "labels" and method == "GET":
            return (200, {"name": parts[1]}) if parts[1] in self.labels else (404, {"message": "Not Found"})
        if parts == ["labels"] and method == "POST":
            assert body is not None
            self.labels.add(body["name"])
            return 201, {"name": body["name"]}
        return 404, {"message": f"no route {method} {path}"}


@pytest.fixture
def fake_github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    fake = FakeGitHub()

    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            with fake.lock:
                fake.requests.append((self.command, self.path, body))
                fake.auth.append(self.headers.get("Authorization"))
                status, payload = fake.handle(self.command, self.path, body)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _serve

        def do_HEAD(self) -> None:  # a dead page, for contentlint's own link check
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setenv("GITHUB_API_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", REPO)
    for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL", "GITHUB_SHA", "GITHUB_RUN_ID"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _findings(tmp_path: Path, broken: dict[str, list[tuple[str, int]]], name: str = "links.json") -> Path:
    """A contentlint JSON document with one LK101 finding per site of each broken URL."""
    findings = []
    for url, sites in broken.items():
        for path, line in sites:
            findings.append({
                "code": "LK101", "name": "broken-external-link", "severity": "error",
                "path": path, "line": line, "column": 5,
                "message": f"{url}: HTTP 404 Not Found (after 3 attempts).",
            })
    # A warning that is not a broken link, and a finding of another rule.
    findings.append({"code": "LK102", "name": "unverified-external-link", "severity": "warning",
                     "path": "content/en/a.md", "line": 3, "column": 1,
                     "message": "https://slow.example.org/: timed out."})
    document = {"version": 1, "tool": {"name": "contentlint", "version": "0.1.0"},
                "summary": {"errors": len(findings) - 1, "warnings": 1, "infos": 0,
                            "files_checked": 4, "files_with_findings": 2},
                "findings": findings}
    target = tmp_path / name
    target.write_text(json.dumps(document), encoding="utf-8")
    return target


DEAD = "https://www.example.gov/sped/complaint-form.pdf"
FLAKY = "https://parents.example.org/center"
SITES_DEAD = [("content/en/dispute-options.md", 41), ("content/es/opciones-para-resolver-desacuerdos.md", 43)]


def _run(tmp_path: Path, broken: dict[str, list[tuple[str, int]]], now: str, *extra: str) -> int:
    findings = _findings(tmp_path, broken)
    return int(link_rot.main([str(findings), "--state", str(tmp_path / "cache" / "link-rot.json"),
                              "--now", now, *extra]))


def _state(tmp_path: Path) -> dict[str, Any]:
    return json.loads((tmp_path / "cache" / "link-rot.json").read_text(encoding="utf-8"))


def _writes(fake: FakeGitHub) -> list[tuple[str, str]]:
    return [(method, urlparse(path).path) for method, path, _ in fake.requests if method != "GET"]


def test_first_failure_is_recorded_but_opens_no_issue(tmp_path: Path, fake_github: FakeGitHub) -> None:
    assert _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z") == 0
    entry = _state(tmp_path)["urls"][DEAD]
    assert entry["failures"] == 1
    assert entry["first_seen"] == entry["last_seen"] == "2026-11-02T06:17:00Z"
    assert entry["sites"] == [list(site) for site in SITES_DEAD]
    assert "https://slow.example.org/" not in _state(tmp_path)["urls"]  # LK102 is not "broken"
    assert fake_github.issues == {}
    assert _writes(fake_github) == []


def test_second_consecutive_failure_opens_the_issue_with_a_table(tmp_path: Path, fake_github: FakeGitHub) -> None:
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z")
    assert _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-05T06:17:00Z") == 0
    assert list(fake_github.issues) == [1]
    issue = fake_github.issues[1]
    assert issue["title"] == "Broken links"
    assert [label["name"] for label in issue["labels"]] == ["link-rot"]
    assert "link-rot" in fake_github.labels  # the label was created first
    body = issue["body"]
    assert "| URL | Guides and lines | Status | First seen | Last seen |" in body
    row = next(line for line in body.splitlines() if line.startswith(f"| {DEAD} "))
    assert "`content/en/dispute-options.md:41`" in row
    assert "`content/es/opciones-para-resolver-desacuerdos.md:43`" in row
    assert "HTTP 404 Not Found" in row and "2 runs in a row" in row
    assert "| 2026-11-02T06:17:00Z | 2026-11-05T06:17:00Z |" in row
    assert set(fake_github.auth) == {f"Bearer {TOKEN}"}


def test_later_run_updates_the_same_issue(tmp_path: Path, fake_github: FakeGitHub) -> None:
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z")
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-05T06:17:00Z")
    # A new link fails once: watched, not reported yet.
    assert _run(tmp_path, {DEAD: SITES_DEAD, FLAKY: [("content/en/a.md", 9)]}, "2026-11-09T06:17:00Z") == 0
    assert list(fake_github.issues) == [1]  # updated, not a second issue
    body = fake_github.issues[1]["body"]
    assert "| 2026-11-02T06:17:00Z | 2026-11-09T06:17:00Z |" in body  # last seen moved on
    assert "3 runs in a row" in body
    assert FLAKY not in body
    assert "1 other link(s) failed in the last run only" in body
    assert ("PATCH", f"/repos/{REPO}/issues/1") in _writes(fake_github)
    assert fake_github.issues[1]["state"] == "open"


def test_all_links_working_closes_the_issue(tmp_path: Path, fake_github: FakeGitHub) -> None:
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z")
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-05T06:17:00Z")
    assert _run(tmp_path, {}, "2026-11-09T06:17:00Z") == 0
    issue = fake_github.issues[1]
    assert issue["state"] == "closed" and issue["state_reason"] == "completed"
    assert fake_github.comments[1] and "works again" in fake_github.comments[1][0]
    assert _state(tmp_path)["urls"] == {}
    # Nothing open and nothing broken: the next run writes nothing.
    before = len(_writes(fake_github))
    assert _run(tmp_path, {}, "2026-11-12T06:17:00Z") == 0
    assert len(_writes(fake_github)) == before


def test_a_link_that_recovers_starts_counting_again(tmp_path: Path, fake_github: FakeGitHub) -> None:
    _run(tmp_path, {FLAKY: [("content/en/a.md", 9)]}, "2026-11-02T06:17:00Z")
    _run(tmp_path, {}, "2026-11-05T06:17:00Z")  # it works again: count reset
    assert FLAKY not in _state(tmp_path)["urls"]
    _run(tmp_path, {FLAKY: [("content/en/a.md", 9)]}, "2026-11-09T06:17:00Z")
    entry = _state(tmp_path)["urls"][FLAKY]
    assert entry["failures"] == 1 and entry["first_seen"] == "2026-11-09T06:17:00Z"
    assert fake_github.issues == {}  # never two runs in a row
    _run(tmp_path, {FLAKY: [("content/en/a.md", 9)]}, "2026-11-12T06:17:00Z")
    assert list(fake_github.issues) == [1]
    assert "| 2026-11-09T06:17:00Z | 2026-11-12T06:17:00Z |" in fake_github.issues[1]["body"]


def test_min_failures_option(tmp_path: Path, fake_github: FakeGitHub) -> None:
    assert _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1") == 0
    assert list(fake_github.issues) == [1]


def test_existing_issue_is_found_by_label_and_title(tmp_path: Path, fake_github: FakeGitHub) -> None:
    fake_github.add_issue("Broken links", ["bug"], pull_request=True)  # a pull request: ignored
    fake_github.add_issue("Something else", ["link-rot"])
    existing = fake_github.add_issue("Broken links", ["link-rot"])
    fake_github.labels.add("link-rot")
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1")
    assert len(fake_github.issues) == 3  # no new issue
    assert DEAD in fake_github.issues[existing]["body"]


def test_issue_without_its_label_is_found_by_title(tmp_path: Path, fake_github: FakeGitHub) -> None:
    existing = fake_github.add_issue("Broken links", [])
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1")
    assert len(fake_github.issues) == 1
    assert DEAD in fake_github.issues[existing]["body"]


def test_unreadable_findings_leave_the_state_alone(tmp_path: Path, fake_github: FakeGitHub) -> None:
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z")
    before, requests = _state(tmp_path), len(fake_github.requests)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert link_rot.main([str(bad), "--state", str(tmp_path / "cache" / "link-rot.json")]) == 2
    bad.write_text(json.dumps({"version": 99, "findings": []}), encoding="utf-8")
    assert link_rot.main([str(bad), "--state", str(tmp_path / "cache" / "link-rot.json")]) == 2
    assert _state(tmp_path) == before
    assert len(fake_github.requests) == requests  # no API call either


def test_api_failure_is_exit_1(tmp_path: Path, fake_github: FakeGitHub) -> None:
    fake_github.fail_with = 500
    assert _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1") == 1
    assert _state(tmp_path)["urls"][DEAD]["failures"] == 1  # the state is still kept


def test_missing_token_is_exit_2(tmp_path: Path, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_TOKEN")
    assert _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z") == 2
    assert fake_github.requests == []


def test_listing_is_bounded(tmp_path: Path, fake_github: FakeGitHub) -> None:
    for index in range(350):  # more than three pages of unrelated open issues
        fake_github.add_issue(f"issue {index}", [])
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1", "--max-pages", "2")
    gets = [path for method, path, _ in fake_github.requests if method == "GET" and "/issues" in path]
    assert len(gets) <= 1 + 2  # one labelled listing, then at most two pages by title
    assert any(issue["title"] == "Broken links" for issue in fake_github.issues.values())


def test_step_outputs_and_summary(tmp_path: Path, fake_github: FakeGitHub, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs, summary = tmp_path / "output", tmp_path / "summary"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    monkeypatch.setenv("GITHUB_RUN_ID", "42")
    _run(tmp_path, {DEAD: SITES_DEAD}, "2026-11-02T06:17:00Z", "--min-failures", "1")
    assert "action=opened\nissue=1\nreported=1\n" in outputs.read_text()
    assert "opened issue #1" in summary.read_text()
    body = fake_github.issues[1]["body"]
    assert f"(https://github.com/{REPO}/blob/abc123/content/en/dispute-options.md#L41)" in body
    assert f"https://github.com/{REPO}/actions/runs/42" in body


def test_dry_run_needs_no_token(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    findings = _findings(tmp_path, {DEAD: SITES_DEAD})
    state = tmp_path / "state.json"
    argv = [str(findings), "--state", str(state), "--dry-run", "--min-failures", "1", "--now", "2026-11-02T06:17:00Z"]
    assert link_rot.main(argv) == 0
    assert f"| {DEAD} |" in capsys.readouterr().out


def test_pipe_and_markup_in_messages_are_escaped() -> None:
    body = link_rot.render_body(
        {"https://x.example/a|b": {"first_seen": "t1", "last_seen": "t2", "failures": 2,
                                   "status": "HTTP 500 <html>|oops", "sites": [["content/en/a.md", 3]]}},
        watching=0, min_failures=2, now="t2",
    )
    row = next(line for line in body.splitlines() if line.startswith("| https://x.example/a"))
    assert row.count(" | ") == 4  # five cells, no stray column
    assert "&lt;html>" in row


def test_real_contentlint_findings_feed_the_issue(tmp_path: Path, fake_github: FakeGitHub) -> None:
    """contentlint's own LK101 output (a dead page on this fake server) parsed end to end."""
    dead = f"{os.environ['GITHUB_API_URL']}/gone"
    project = tmp_path / "project"
    for name in ("content/en/parent-rights-card.md", "content/es/tarjeta-de-derechos-de-los-padres.md"):
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "https://www.parentcenterhub.org/find-your-center/" in text
        target.write_text(text.replace("https://www.parentcenterhub.org/find-your-center/", dead + "#top"),
                          encoding="utf-8")
    shutil.copytree(ROOT / "content" / "data", project / "content" / "data")
    (project / "pyproject.toml").write_text(
        '[tool.contentlint]\ncontent = "content"\n\n'
        "[tool.contentlint.rules.broken-external-link]\n"
        "allow-loopback = true\nmax-retries = 0\ncache = false\n"
        "exclude-urls = ['^https?://(?!127\\.0\\.0\\.1[:/])']\n",  # never leave this machine
        encoding="utf-8",
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("GITHUB_")}
    env.update({"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"})
    findings = tmp_path / "links.json"
    done = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--links", "external", "--select", "LK1",
         "--format", "json", "--output", str(findings), "--no-cache"],
        cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    state = tmp_path / "state.json"
    for now in ("2026-11-02T06:17:00Z", "2026-11-05T06:17:00Z"):
        assert link_rot.main([str(findings), "--state", str(state), "--now", now]) == 0
    body = fake_github.issues[1]["body"]
    row = next(line for line in body.splitlines() if line.startswith(f"| {dead} |"))  # fragment dropped
    assert "`content/en/parent-rights-card.md:" in row and "`content/es/tarjeta-de-derechos-de-los-padres.md:" in row
    assert re.search(r"\b404\b", row)
