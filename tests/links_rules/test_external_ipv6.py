"""IPv6-literal URLs parse (the Markdown parser percent-encodes their brackets), and the guard still decides.

Before: every ``http://[...]`` link was reported "Invalid URL: Invalid URL: port can't be
converted to integer", whatever the address.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest
from lk_support import library_files

from clitools import write_project


def _run(cli, tmp_path, body, config=""):
    write_project(tmp_path, library_files(en_body=body, glossary_url="mailto:someone@example.org"),
                  "[tool.contentlint.rules.broken-external-link]\ntimeout-connect = 1\ntimeout-read = 1\n" + config)
    return cli("check", "--no-cache", "--select", "LK1", "--links", "external", "--format", "json", cwd=tmp_path)


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1]:8000/x", "loopback"),
    ("http://[2001:db8::1]/", "reserved or special-purpose"),
    ("https://[fd00::5]/page", "private"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://[fe80::1]:8080/", ""),
])
def test_ipv6_literals_parse_and_the_guard_blocks_internal_ones(cli, tmp_path, url, reason):
    result = _run(cli, tmp_path, f"\n[A link]({url}) and <{url}>.\n")
    messages = [f["message"] for f in result.findings() if f["code"] == "LK101"]
    assert len(messages) == 2, result.findings()
    assert all("Invalid URL" not in m and "blocked by the address guard" in m for m in messages), messages
    assert all(reason in m for m in messages)
    assert messages[0].startswith(f"{url}: ")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


class _V6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6


@pytest.fixture
def v6_server() -> Iterator[int]:
    try:
        server = _V6Server(("::1", 0), _Handler)
    except OSError:
        pytest.skip("no IPv6 loopback here")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_an_allowed_ipv6_loopback_server_is_checked(cli, tmp_path, v6_server):
    url = f"http://[::1]:{v6_server}/ok"
    result = _run(cli, tmp_path, f"\n[A link]({url}).\n", "allow-loopback = true\n")
    assert [f for f in result.findings() if f["code"].startswith("LK1")] == []
    assert result.code == 0
    assert "1 ok" in result.err
