"""``contentlint links --engine linkchecker`` crawls only what the address guard allows.

Before: LinkChecker, which resolves and connects by itself, requested
169.254.169.254, 10.0.0.5, 192.168.1.10 and 127.0.0.1 from a rendered page.
Now every host the pages link to goes through the built-in engine's guard first,
and LinkChecker is told to ignore the refused ones.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from links_testserver import ConnectionCanary

from clitools import FIXTURES
from contentlint.links.guard import AddressGuard
from contentlint.links.linkchecker import find_linkchecker, guard_ignore_patterns

needs_linkchecker = pytest.mark.skipif(find_linkchecker() is None, reason="the optional `linkchecker` is not installed")


def _page(port: int) -> str:
    links = [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/admin",
        "https://192.168.1.10/x",
        f"http://127.0.0.1:{port}/canary",
        f"http://localhost:{port}/by-name",
        f"//127.0.0.1:{port}/protocol-relative",
        f"http://2130706433:{port}/decimal",
        f"http://[::1]:{port}/v6",
        f"http://%5B::ffff:127.0.0.1%5D:{port}/mapped",
        f"http://127.0.0.1:{port}&#47;entity",
    ]
    anchors = "\n".join(f'<p><a href="{url}">link {i}</a></p>' for i, url in enumerate(links))
    return f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head>\n<body>\n{anchors}\n</body></html>\n'


@pytest.fixture
def rendered(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "links" / "rendered", project)
    return project


def test_every_private_host_of_the_pages_becomes_an_ignore_pattern(tmp_path):
    import re

    page = tmp_path / "p.html"
    page.write_text(_page(8000) + '<a href="https://www.example.org/ok">ok</a>')
    lookup = {"localhost": "127.0.0.1", "www.example.org": "93.184.215.14"}

    def getaddrinfo(host, port):
        if host not in lookup:
            return [(2, 1, 6, "", (host, port))]  # a numeric form resolves to itself
        return [(2, 1, 6, "", (lookup[host], port))]

    blocked = guard_ignore_patterns([page], AddressGuard.create(), getaddrinfo=getaddrinfo)
    patterns = [re.compile(b.pattern) for b in blocked]
    for url in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "https://192.168.1.10/x",
                "http://127.0.0.1:8000/canary", "http://localhost:8000/x", "http://[::1]:8000/v6",
                "HTTP://LOCALHOST:8000/"):
        assert any(p.search(url) for p in patterns), url
    assert not any(p.search("https://www.example.org/ok") for p in patterns)
    assert not any(p.search("http://127.0.0.1:8001/") for p in patterns)  # another port: its own check


@needs_linkchecker
def test_linkchecker_never_connects_to_private_addresses(cli, rendered):
    with ConnectionCanary() as canary:
        (rendered / "site/en/private.html").write_text(_page(canary.port))
        result = cli("links", "--engine", "linkchecker", "site", "--format", "json", "--timeout", "2", cwd=rendered)
        assert result.code in (0, 1), result.err
        assert canary.accepted == 0  # before: LinkChecker connected to the loopback listener
    for address in ("169.254.169.254", "10.0.0.5", "192.168.1.10", "127.0.0.1"):
        assert f"links to {address}" in result.err
        assert "not crawled: blocked by the address guard" in result.err
    assert "cloud metadata" in result.err or "169.254.169.254" in result.err


def _fake_linkchecker(folder: Path) -> Path:
    """A stand-in that records its arguments and reports an empty, valid crawl."""
    script = folder / "fake-linkchecker"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        "open(os.environ['FAKE_LINKCHECKER_ARGS'], 'w').write('\\n'.join(sys.argv[1:]))\n"
        "sys.stdout.write('<?xml version=\"1.0\"?><linkchecker></linkchecker>')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_the_ignore_patterns_reach_linkchecker(cli, rendered, tmp_path, monkeypatch):
    fake = _fake_linkchecker(tmp_path)
    record = tmp_path / "args.txt"
    monkeypatch.setenv("FAKE_LINKCHECKER_ARGS", str(record))
    monkeypatch.setenv("http_proxy", "http://10.0.0.1:3128")  # never handed on
    (rendered / "site/en/private.html").write_text(_page(9))
    result = cli("links", "site", "--linkchecker", str(fake), cwd=rendered)
    assert result.code == 0, result.err
    args = record.read_text().split("\n")
    ignores = [a.split("=", 1)[1] for a in args if a.startswith("--ignore-url=")]
    assert any("169\\.254\\.169\\.254" in p for p in ignores)
    assert any("10\\.0\\.0\\.5" in p for p in ignores)
    assert any("192\\.168\\.1\\.10" in p for p in ignores)
    assert any("127\\.0\\.0\\.1" in p and ":9" in p for p in ignores)
    assert os.environ.get("http_proxy")  # the test's own environment is untouched


def test_a_site_by_url_with_external_links_is_refused(cli, rendered, tmp_path):
    fake = _fake_linkchecker(tmp_path)
    result = cli("links", "http://127.0.0.1:9/site/", "--linkchecker", str(fake), cwd=rendered)
    assert result.code == 2
    assert "cannot be checked behind the address guard" in result.err
    assert "--internal-only" in result.err
