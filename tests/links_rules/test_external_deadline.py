"""A host that accepts and never answers cannot stall a run: host give-up and the run deadline.

Before: 24 links to such a host took 92 s (each URL waited for its own timeouts and
retries, eight at a time), and 100 links about 6.5 minutes. Now a host that timed
out ``max-host-timeouts`` times is given up for the run, and ``deadline`` bounds the
whole external check; either way every link not verified is reported once, as LK102,
with a message saying why.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from lk_support import library_files

from clitools import write_project


class SilentServer:
    """A 127.0.0.1 listener that accepts connections and never answers (nor closes them)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="silent-server", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                continue
            self.held.append(conn)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    with SilentServer() as server:
        yield server


def _project(tmp_path, silent, options: str, count: int = 24):
    body = "\n" + "".join(f"[Page {i}](http://127.0.0.1:{silent.port}/page/{i}).\n" for i in range(count))
    config = "[tool.contentlint.rules.broken-external-link]\nallow-loopback = true\nretry-backoff = 0.01\n" + options
    glossary = f"http://127.0.0.1:{silent.port}/glossary"  # the library's one other external link
    return write_project(tmp_path, library_files(en_body=body, glossary_url=glossary), config)


def _run(cli, root, *extra):
    started = time.monotonic()
    result = cli("check", "--select", "LK1", "--links", "external", "--format", "json", *extra, cwd=root)
    return result, time.monotonic() - started


@pytest.mark.parametrize("cache", [(), ("--no-cache",)])
def test_a_host_that_never_answers_is_given_up_after_two_timeouts(cli, tmp_path, silent, cache):
    root = _project(tmp_path, silent, "timeout-connect = 1\ntimeout-read = 0.5\nmax-retries = 2\n")
    for _ in range(2):  # a second run: nothing of this run's give-up was cached as a result
        result, elapsed = _run(cli, root, *cache)
        assert elapsed < 10  # before: 3 rounds of 8 URLs x 3 attempts of 1.5 s each
        assert result.code == 0  # not verified is a warning, as a single timeout is
        findings = result.findings()
        assert [f["code"] for f in findings] == ["LK102"] * 25  # every link once
        given_up = [f for f in findings if "timed out 2 times in this run" in f["message"]]
        timed_out = [f for f in findings if "No answer from 127.0.0.1" in f["message"]]
        assert given_up and timed_out and len(given_up) + len(timed_out) == 25
        assert not any("attempts" in f["message"] for f in given_up)
        assert "its other links were skipped" in given_up[0]["message"]


@pytest.mark.parametrize("cache", [(), ("--no-cache",)])
def test_the_run_deadline_bounds_the_whole_external_check(cli, tmp_path, silent, cache):
    options = "timeout-connect = 30\ntimeout-read = 30\nmax-host-timeouts = 0\ndeadline = 1.5\n"
    root = _project(tmp_path, silent, options, count=40)
    result, elapsed = _run(cli, root, *cache)
    assert elapsed < 10  # before: no overall limit (40 links x 60 s per attempt)
    findings = result.findings()
    assert [f["code"] for f in findings] == ["LK102"] * 41
    assert all("ran out of its 1.5 s deadline" in f["message"] for f in findings)
    assert result.code == 0


def test_deadline_and_host_timeouts_are_validated_options(cli, tmp_path, silent):
    root = _project(tmp_path, silent, "deadline = 0\n", count=1)
    result, _elapsed = _run(cli, root)
    assert result.code == 2 and "deadline" in result.err
