"""LinkChecker as a subprocess: command line, XML parsing, source mapping, and a
real run against a loopback site (skipped when the program is not installed)."""

from __future__ import annotations

import sys

import pytest

from contentlint.links.linkchecker import (
    LinkCheckerError,
    LinkCheckerOptions,
    build_command,
    find_linkchecker,
    map_to_sources,
    parse_xml,
    run_linkchecker,
)

SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<!-- created by LinkChecker at 2026-11-28 04:37:10+000 -->
<linkchecker created="2026-11-28 04:37:10+000">
  <urldata>
    <url>http://127.0.0.1:8000/en/iep-guide.html</url>
    <realurl>http://127.0.0.1:8000/en/iep-guide.html</realurl>
    <extern>0</extern>
    <level>0</level>
    <valid result="200 OK">1</valid>
  </urldata>
  <urldata>
    <url>missing.html</url>
    <name>the missing page</name>
    <parent line="6" column="12">http://127.0.0.1:8000/en/iep-guide.html</parent>
    <realurl>http://127.0.0.1:8000/en/missing.html</realurl>
    <extern>0</extern>
    <level>1</level>
    <valid result="404 Not Found">0</valid>
  </urldata>
  <urldata>
    <url>https://old.example/page</url>
    <parent line="9" column="3">http://127.0.0.1:8000/es/guia-iep.html</parent>
    <realurl>https://new.example/page</realurl>
    <extern>1</extern>
    <warnings>
      <warning tag="http-redirected">Redirected to `https://new.example/page' status: 301 Moved Permanently.</warning>
    </warnings>
    <valid result="200 OK">1</valid>
  </urldata>
  <urldata>
    <url>/private/secret</url>
    <parent line="12" column="5">http://127.0.0.1:8000/es/</parent>
    <realurl>http://127.0.0.1:8000/private/secret</realurl>
    <infos><info>Access denied by robots.txt, checked only syntax.</info></infos>
    <valid result="syntax OK">1</valid>
  </urldata>
</linkchecker>
"""


def test_parse_xml_fields():
    records = parse_xml(SAMPLE, strict=True)
    assert len(records) == 4
    index, missing, moved, robots = records
    assert index.parent_url is None and index.line is None and index.valid and index.status == 200
    assert index.outcome == "ok"
    assert missing.parent_url == "http://127.0.0.1:8000/en/iep-guide.html"
    assert (missing.line, missing.column) == (6, 12)
    assert not missing.valid and missing.result == "404 Not Found" and missing.status == 404
    assert missing.name == "the missing page" and missing.extern is False and missing.level == 1
    assert missing.outcome == "error"
    result = missing.to_link_result()
    assert (result.outcome, result.status, result.reason) == ("error", 404, "http-404")
    assert moved.outcome == "redirect"
    moved_result = moved.to_link_result()
    assert moved_result.permanent and moved_result.final_url == "https://new.example/page"
    assert "https://new.example/page" in moved_result.hint
    # A robots.txt-Disallowed URL is "valid" to LinkChecker; we do not pass it silently.
    assert robots.valid and robots.outcome == "warning"
    assert robots.to_link_result().reason == "robots-disallowed"


def test_parse_truncated_xml_keeps_complete_records():
    cut = SAMPLE[: SAMPLE.index("<url>https://old.example")]
    records = parse_xml(cut)
    assert [r.url for r in records] == ["http://127.0.0.1:8000/en/iep-guide.html", "missing.html"]
    with pytest.raises(LinkCheckerError):
        parse_xml(cut, strict=True)
    with pytest.raises(LinkCheckerError):
        parse_xml("", strict=True)


def test_map_to_sources():
    records = parse_xml(SAMPLE)
    mapped = map_to_sources(
        records,
        {
            "en/iep-guide.html": "content/en/iep-guide.md",
            "es/": "content/es/index.md",
            "http://127.0.0.1:8000/es/guia-iep.html": "content/es/guia-iep.md",
        },
    )
    assert [m.source for m in mapped] == [
        "content/en/iep-guide.md",  # a start page maps by its own URL
        "content/en/iep-guide.md",  # found on en/iep-guide.html
        "content/es/guia-iep.md",  # exact URL key
        "content/es/index.md",  # es/ means es/index.html
    ]
    assert mapped[1].page == "http://127.0.0.1:8000/en/iep-guide.html"
    assert map_to_sources(records, {"fr/iep-guide.html": "x.md"})[1].source is None
    # Whole path segments only: "n/iep-guide.html" must not match "en/iep-guide.html".
    assert map_to_sources(records, {"n/iep-guide.html": "x.md"})[1].source is None


def test_map_file_urls():
    records = parse_xml(
        '<linkchecker><urldata><url>b.html</url><parent line="1" column="1">file:///tmp/site/en/a%20b.html</parent>'
        '<valid result="error">0</valid></urldata></linkchecker>'
    )
    assert map_to_sources(records, {"en/a b.html": "content/en/a-b.md"})[0].source == "content/en/a-b.md"


def test_build_command_flags():
    options = LinkCheckerOptions(recursion_level=2, check_extern=True, obey_robots=False, user_agent="UA/1",
                                 threads=4, timeout=7, no_follow_urls=("^https://big",))
    cmd = build_command(["http://127.0.0.1:1/"], options, "/tmp/rc", "linkchecker")
    assert cmd[:6] == ["linkchecker", "-f", "/tmp/rc", "--no-status", "-o", "xml/utf-8"]
    for flag in ("-v", "--check-extern", "--no-robots", "--ignore-url=^mailto:", "--no-follow-url=^https://big"):
        assert flag in cmd
    assert cmd[cmd.index("-r") + 1] == "2" and cmd[cmd.index("--timeout") + 1] == "7"
    assert cmd[cmd.index("--user-agent") + 1] == "UA/1"
    assert cmd[-2:] == ["--", "http://127.0.0.1:1/"]
    default = build_command(["x"], LinkCheckerOptions(), "/rc", "lc")
    assert "--no-robots" not in default and default[default.index("-r") + 1] == "-1"


def test_missing_executable_is_a_clear_error():
    with pytest.raises(LinkCheckerError, match="not installed"):
        run_linkchecker(["http://127.0.0.1:1/"], LinkCheckerOptions(executable="/nonexistent/linkchecker"))


LINKCHECKER = find_linkchecker()


@pytest.mark.skipif(
    LINKCHECKER is None,
    reason="the `linkchecker` program is not installed (optional; `pip install linkchecker`, GPL-2.0-or-later)",
)
def test_linkchecker_on_a_loopback_site(server):
    start = server.url("/site/index.html")
    run = run_linkchecker(
        start,
        LinkCheckerOptions(recursion_level=1, check_extern=False, threads=4, timeout=10, process_timeout=120),
    )
    assert run.returncode == 1  # one invalid link
    by_url = {r.url: r for r in run.records}
    assert set(by_url) >= {start, "good.html", "missing.html"}
    good, missing = by_url["good.html"], by_url["missing.html"]
    assert good.valid and good.outcome == "ok" and good.status == 200
    assert not missing.valid and missing.status == 404 and missing.outcome == "error"
    assert missing.parent_url == start and good.parent_url == start
    assert missing.line == 6 and missing.column is not None
    assert good.line == 5
    assert missing.real_url == server.url("/site/missing.html")
    mapped = map_to_sources(run.records, {"site/index.html": "content/en/iep-guide.md"})
    broken = [m for m in mapped if m.record.outcome == "error"]
    assert [(m.source, m.record.url, m.record.line) for m in broken] == [("content/en/iep-guide.md", "missing.html", 6)]
    if sys.platform.startswith("linux") and "root" in run.stderr:  # privileges dropped to nobody
        assert "nobody" in run.stderr


@pytest.mark.skipif(LINKCHECKER is None, reason="the `linkchecker` program is not installed")
def test_linkchecker_reports_a_missing_anchor_in_rendered_html(server):
    start = server.url("/site/anchors.html")
    run = run_linkchecker(
        start, LinkCheckerOptions(recursion_level=1, check_extern=False, threads=2, timeout=10, process_timeout=120)
    )
    texts = [" ".join((r.url, r.result, *(text for _, text in r.warnings))) for r in run.records]
    assert any("no-such-part" in text for text in texts), texts
    assert not any("#top" in r.url and not r.valid for r in run.records)
