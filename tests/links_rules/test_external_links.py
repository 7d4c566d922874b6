"""LK1 rules against a real HTTP server on 127.0.0.1, through the real CLI.

The server (tests/links/links_testserver.py) runs in a thread of the test
process; the configuration lets the address guard through to loopback
explicitly, as a user would for a local server.
"""

from __future__ import annotations

import io
import socket
import uuid

import pytest
from lk_support import found

ALLOW_LOOPBACK = """
[tool.contentlint.rules.broken-external-link]
allow-loopback = true
retry-backoff = 0.01
max-retry-wait = 1
timeout-connect = 2
timeout-read = 5
"""


def _urls(server):
    key = uuid.uuid4().hex[:8]
    return {
        "ok": server.url(f"/page/{key}"),
        "moved": server.url(f"/redirect/301?to=/page/{key}-new"),
        "new": server.url(f"/page/{key}-new"),
        "gone": server.url(f"/status/404?{key}"),
        "forbidden": server.url(f"/status/403?{key}"),
        "busy": server.url(f"/retry-after/{key}?after=0"),
    }


def _bodies(urls):
    en = (
        f"\n[A page]({urls['ok']}) and [an old page]({urls['moved']}).\n"  # line 19
        f"[A gone page]({urls['gone']}) and [a locked page]({urls['forbidden']}).\n"  # line 20
        f"[A busy page]({urls['busy']}) and [the gone page again]({urls['gone']}).\n"  # line 21
    )
    es = (
        f"\n[Una página]({urls['ok']}) y [una página antigua]({urls['moved']}).\n"  # line 19
        f"[Una página cerrada]({urls['forbidden']}) y [una que ya no existe]({urls['gone']}).\n"  # line 20
    )
    return en, es


def _sites(result, code):
    return sorted((f["path"].split("/")[1], f["line"], f["column"]) for f in result.findings() if f["code"] == code)


def _at(lang, body, label):
    """(lang, line, column) of the link labelled ``label`` in an appended body (first text line is 19)."""
    for number, text in enumerate(body.split("\n"), start=18):
        if f"[{label}]" in text:
            return (lang, number, text.index(f"[{label}]") + 1)
    raise AssertionError(label)


def test_every_outcome_at_every_occurrence(lint, server):
    urls = _urls(server)
    en, es = _bodies(urls)
    result = lint(select="LK1", config=ALLOW_LOOPBACK, args=("--links", "external"), en_body=en, es_body=es,
                  glossary_url=urls["gone"])
    assert result.code == 1, result.err
    # 404: an error at each of its four places (two in English, one in Spanish, one in the glossary).
    assert _sites(result, "LK101") == [
        ("data", 9, 49), _at("en", en, "A gone page"), _at("en", en, "the gone page again"),
        _at("es", es, "una que ya no existe"),
    ]
    # 403: a warning, at both places.
    assert _sites(result, "LK102") == [_at("en", en, "a locked page"), _at("es", es, "Una página cerrada")]
    # 301: a warning whose hint is the new address, at both places.
    assert _sites(result, "LK103") == [_at("en", en, "an old page"), _at("es", es, "una página antigua")]
    by_code = {f["code"]: f for f in result.findings()}
    assert urls["new"] in by_code["LK103"]["hint"]
    assert {f["severity"] for f in result.findings() if f["code"] == "LK101"} == {"error"}
    assert {f["severity"] for f in result.findings() if f["code"] in ("LK102", "LK103")} == {"warning"}
    assert "404" in by_code["LK101"]["message"] and "403" in by_code["LK102"]["message"]
    # 200 and 429-then-200 are fine: no finding names them.
    quiet = {_at("en", en, "A page"), _at("es", es, "Una página"), _at("en", en, "A busy page")}
    assert not quiet & set(_sites(result, "LK101") + _sites(result, "LK102") + _sites(result, "LK103"))
    assert len(result.findings()) == 8
    # Each URL was checked once, however often it is written (HEAD first; GET after a HEAD 4xx).
    stats = server.stats
    assert stats.count("*", "/page/" + urls["ok"].rsplit("/", 1)[1]) == 1
    assert stats.count("HEAD", "/status/404") == 1 and stats.count("GET", "/status/404") == 1
    busy_path = "/retry-after/" + urls["busy"].rsplit("/", 1)[1].split("?")[0]
    assert stats.count("*", busy_path) == 2  # the 429, then the retry that got 200
    # The one-line summary on stderr (not a terminal here).
    assert "contentlint: external links: 5 links: 2 ok, 1 redirect, 1 warning, 1 error" in result.err


def test_a_second_run_answers_from_the_cache(lint, server, cli, tmp_path):
    urls = _urls(server)
    body = f"\n[A page]({urls['ok']}), [an old page]({urls['moved']}), [a gone page]({urls['gone']}).\n"
    config = ALLOW_LOOPBACK + "cache-ttl-error = 3600\n"
    first = lint(select="LK1", config=config, args=("--links", "external"), en_body=body, glossary_url=urls["ok"])
    assert first.code == 1
    assert server.stats.total > 0
    server.stats.reset()
    second = cli("check", "--select", "LK1", "--links", "external", "--format", "json", cwd=tmp_path)
    assert server.stats.total == 0, "the second run sent requests"
    assert found(second) == found(first)
    assert [f["hint"] for f in second.findings()] == [f["hint"] for f in first.findings()]
    assert "(3 from cache)" in second.err
    assert (tmp_path / ".contentlint_cache" / "links.json").is_file()


def test_links_external_in_the_configuration(lint, server):
    urls = _urls(server)
    result = lint(select="LK1", config='links = "external"\n' + ALLOW_LOOPBACK,
                  en_body=f"\n[A gone page]({urls['gone']}).\n", glossary_url=urls["gone"])
    assert found(result) == [("LK101", "data", 9, 49), ("LK101", "en", 19, 1)]


def test_loopback_is_blocked_unless_allowed(lint, server):
    urls = _urls(server)
    result = lint(select="LK1", args=("--links", "external"), en_body=f"\n[A page]({urls['ok']}).\n",
                  glossary_url=urls["ok"])
    assert found(result) == [("LK101", "data", 9, 49), ("LK101", "en", 19, 1)]
    assert "Not checked" in result.findings()[0]["message"]
    assert server.stats.total == 0


def test_exclude_urls(lint, server):
    urls = _urls(server)
    config = ALLOW_LOOPBACK + 'exclude-urls = ["/status/"]\n'
    result = lint(select="LK1", config=config, args=("--links", "external"), en_body=f"\n[Gone]({urls['gone']}).\n",
                  glossary_url=urls["gone"])
    assert found(result) == []
    assert server.stats.total == 0


def test_a_plain_check_never_touches_the_network(lint, server, monkeypatch):
    """Without --links external no request is sent, even with LK1 selected explicitly."""
    urls = _urls(server)
    en, es = _bodies(urls)

    def refuse(self, address):
        raise AssertionError(f"network connection attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    for select in ("LK", "LK1", "ALL"):
        result = lint(select=select, config=ALLOW_LOOPBACK, en_body=en, es_body=es)
        assert not [f for f in result.findings() if f["code"].startswith(("LK1", "CL9"))], result.out
        assert "external links" not in result.err
    assert server.stats.total == 0


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ('exclude-urls = ["(unclosed"]', "bad regular expression"),
        ("allow-loopback = 3", "allow-loopback"),
        ("timeout-read = 0", "timeout-read"),
        ('allow-hosts = ["not a host"]', "allow-hosts"),
        ("no-such-option = 1", "no-such-option"),
    ],
)
def test_bad_options_are_configuration_errors(lint, table, error):
    result = lint(select="LK1", config=f"[tool.contentlint.rules.broken-external-link]\n{table}\n")
    assert result.code == 2
    assert error in result.err


def test_progress_bar_on_a_terminal_summary_otherwise():
    from contentlint.links.http.results import LinkResult
    from contentlint.links.progress import LinkProgress

    results = {
        "https://a.example/": LinkResult("https://a.example/", "ok", 200, None, False, "ok", "HTTP 200", ""),
        "https://b.example/": LinkResult("https://b.example/", "error", 404, None, False, "http-404", "HTTP 404", ""),
    }
    terminal = io.StringIO()
    bar = LinkProgress(terminal, tty=True)
    bar(0, 2)
    bar(2, 2)
    bar.finish(results)
    text = terminal.getvalue()
    assert "checking links [" in text and "2/2" in text
    assert text.endswith("\r\033[Kcontentlint: external links: 2 links: 1 ok, 0 redirects, 0 warnings, 1 error\n")
    log = io.StringIO()
    quiet = LinkProgress(log, tty=False)
    quiet(0, 2)
    quiet(2, 2)
    quiet.finish(results)
    assert log.getvalue() == "contentlint: external links: 2 links: 1 ok, 0 redirects, 0 warnings, 1 error\n"
