"""The external-link engine against real loopback servers (127.0.0.1 only)."""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import replace as with_

import pytest

from contentlint.links.http.engine import check_urls, check_urls_async
from contentlint.links.http.results import LinkResult, RunStats, summarize
from contentlint.links.http.settings import BROWSER_USER_AGENT, ExternalLinkSettings, HostSettings


def one(url: str, settings: ExternalLinkSettings) -> LinkResult:
    return check_urls([url], settings)[url]


def test_200_is_ok(server, fast):
    result = one(server.url("/ok"), fast)
    assert (result.outcome, result.status, result.reason) == ("ok", 200, "ok")
    assert result.final_url is None and not result.permanent and not result.from_cache
    assert result.severity == "ok"


@pytest.mark.parametrize("code", [301, 308])
def test_permanent_redirect_is_a_warning_with_the_final_url_as_hint(server, fast, code):
    result = one(server.url(f"/redirect/{code}"), fast)
    final = server.url("/ok")
    assert result.outcome == "redirect" and result.severity == "warning"
    assert result.permanent is True
    assert result.status == 200
    assert result.final_url == final
    assert result.reason == "redirect-permanent"
    assert final in result.hint


@pytest.mark.parametrize("code", [302, 303, 307])
def test_temporary_redirect_is_ok_and_reported(server, fast, code):
    result = one(server.url(f"/redirect/{code}"), fast)
    assert result.outcome == "ok"
    assert result.permanent is False
    assert result.final_url == server.url("/ok")
    assert result.reason == "redirect-temporary"
    assert str(code) in result.message


def test_permanent_chain(server, fast):
    result = one(server.url("/chain/301,308,301"), fast)
    assert result.outcome == "redirect" and result.permanent
    assert result.final_url == server.url("/ok")
    assert result.hint == f"Update the link to {server.url('/ok')}"
    assert "301, 308, 301" in result.message


def test_chain_mixing_permanent_and_temporary_hints_the_permanent_target(server, fast):
    result = one(server.url("/chain/301,302,307"), fast)
    assert result.outcome == "redirect" and result.permanent
    assert result.final_url == server.url("/ok")
    # The link moved permanently to /chain/302,307; what follows is temporary.
    assert result.hint == f"Update the link to {server.url('/chain/302,307')}"


def test_chain_starting_temporary_is_ok(server, fast):
    result = one(server.url("/chain/302,301"), fast)
    assert result.outcome == "ok" and not result.permanent
    assert result.final_url == server.url("/ok")


def test_redirect_to_404_is_an_error(server, fast):
    result = one(server.url("/chain-broken"), fast)
    assert result.outcome == "error"
    assert result.status == 404 and result.reason == "http-404"
    assert result.final_url == server.url("/status/404")


def test_redirect_loop_is_an_error(server, fast):
    before = server.stats.count("*", "/loop/a")
    result = one(server.url("/loop/a"), fast)
    assert result.outcome == "error"
    assert result.reason == "redirect-loop"
    assert "/loop/b" in result.message
    # Detected on the first repeat, not after max_redirects hops.
    assert server.stats.count("*", "/loop/a") - before == 1


def test_too_many_redirects(server, fast):
    settings = with_(fast, max_redirects=5)
    assert one(server.url("/many/5"), settings).outcome == "ok"
    result = one(server.url("/many/12"), settings)
    assert result.outcome == "error"
    assert result.reason == "too-many-redirects"


@pytest.mark.parametrize("code", [404, 410])
def test_gone_pages_are_errors(server, fast, code):
    result = one(server.url(f"/status/{code}"), fast)
    assert result.outcome == "error" and result.severity == "error"
    assert result.status == code
    assert result.reason == f"http-{code}"
    assert "gone" in result.hint.lower()


def test_429_with_retry_after_then_200(server, fast, unique):
    path = f"/retry-after/{unique('ra')}"
    settings = with_(fast, max_retry_wait=5.0)
    started = time.monotonic()
    result = one(server.url(path + "?after=1"), settings)
    elapsed = time.monotonic() - started
    assert result.outcome == "ok" and result.status == 200
    assert "2 attempts" in result.message
    assert elapsed >= 0.95, "Retry-After: 1 was not honoured"
    assert elapsed < 4.0
    assert server.stats.count("*", path) == 2


def test_429_retry_after_is_capped(server, fast, unique):
    path = f"/retry-after/{unique('cap')}"
    settings = with_(fast, max_retry_wait=0.3)
    started = time.monotonic()
    result = one(server.url(path + "?after=30"), settings)
    elapsed = time.monotonic() - started
    assert result.outcome == "ok"
    assert 0.3 <= elapsed < 3.0, f"waited {elapsed:.2f}s for Retry-After 30 capped at 0.3"


def test_429_retry_after_http_date(server, fast, unique):
    path = f"/retry-after/{unique('date')}"
    started = time.monotonic()
    result = one(server.url(path + "?after=2&date=1"), with_(fast, max_retry_wait=5.0))
    elapsed = time.monotonic() - started
    assert result.outcome == "ok"
    assert 0.9 <= elapsed < 4.0


def test_persistent_429_is_a_warning_after_bounded_retries(server, fast):
    before = server.stats.count("*", "/always/429")
    result = one(server.url("/always/429?retry_after=0"), with_(fast, max_retries=1))
    assert result.outcome == "warning" and result.reason == "http-429"
    assert server.stats.count("*", "/always/429") - before == 2


def test_403_bot_block_is_a_warning_by_default_and_ok_as_a_browser(server, fast):
    url = server.url("/bot-block")
    result = one(url, fast)
    assert result.outcome == "warning" and result.status == 403 and result.reason == "http-403"
    assert "bot" in result.hint.lower()
    assert "contentlint" in server.stats.user_agents["/bot-block"]
    browser = one(url, with_(fast, user_agent=BROWSER_USER_AGENT))
    assert browser.outcome == "ok"


def test_warn_statuses_are_configurable(server, fast):
    result = one(server.url("/bot-block"), with_(fast, warn_statuses=frozenset()))
    assert result.outcome == "error"


def test_405_to_head_falls_back_to_get(server, fast):
    head0 = server.stats.count("HEAD", "/no-head")
    get0 = server.stats.count("GET", "/no-head")
    result = one(server.url("/no-head"), fast)
    assert result.outcome == "ok" and result.status == 200
    assert server.stats.count("HEAD", "/no-head") - head0 == 1
    assert server.stats.count("GET", "/no-head") - get0 == 1


def test_host_that_rejects_head_gets_get_directly_afterwards(server, fast):
    head0 = server.stats.count("HEAD", "/no-head")
    get0 = server.stats.count("GET", "/no-head")
    settings = with_(fast, per_host_concurrency=1)
    urls = [server.url("/no-head?n=1", 1), server.url("/no-head?n=2", 1), server.url("/no-head?n=3", 1)]
    results = check_urls(urls, settings)
    assert all(r.outcome == "ok" for r in results.values())
    assert server.stats.count("HEAD", "/no-head") - head0 == 1
    assert server.stats.count("GET", "/no-head") - get0 == 3


def test_other_head_failure_falls_back_to_get(server, fast):
    result = one(server.url("/head-fails/404"), fast)
    assert result.outcome == "ok"


def test_get_only_setting_sends_no_head(server, fast, unique):
    path = f"/page/{unique('get')}"
    one(server.url(path), with_(fast, head_first=False))
    assert server.stats.count("HEAD", path) == 0 and server.stats.count("GET", path) == 1


def test_500_is_an_error_after_bounded_retries(server, fast):
    head0 = server.stats.count("HEAD", "/always/500")
    get0 = server.stats.count("GET", "/always/500")
    result = one(server.url("/always/500"), with_(fast, max_retries=2))
    assert result.outcome == "error" and result.status == 500 and result.reason == "http-500"
    assert "3 attempts" in result.message
    # HEAD once, then GET for the first attempt and both retries.
    assert server.stats.count("HEAD", "/always/500") - head0 == 1
    assert server.stats.count("GET", "/always/500") - get0 == 3


def test_slower_than_read_timeout_is_a_timeout_warning(server, fast):
    settings = with_(fast, timeout_read=0.3, max_retries=1)
    started = time.monotonic()
    result = one(server.url("/slow?delay=3"), settings)
    elapsed = time.monotonic() - started
    assert result.outcome == "warning" and result.reason == "timeout"
    assert result.status is None
    assert "0.3 s" in result.message and "2 attempts" in result.message
    assert elapsed < 2.0
    strict = one(server.url("/slow?delay=3"), with_(settings, max_retries=0, timeouts_are_warnings=False))
    assert strict.outcome == "error" and strict.reason == "timeout"


def test_huge_body_reads_at_most_max_bytes(server, fast):
    sent0 = server.stats.huge_sent
    settings = with_(fast, max_bytes=64 * 1024)
    started = time.monotonic()
    result = one(server.url("/huge?nohead=1"), settings)  # 200 MB offered, HEAD refused
    elapsed = time.monotonic() - started
    assert result.outcome == "ok" and result.status == 200
    assert elapsed < 5.0
    time.sleep(0.2)  # let the server notice the closed connection
    assert server.stats.huge_sent - sent0 < 64 * 1024 * 1024, "the client read far more than max_bytes"


def test_trickling_body_does_not_turn_a_200_into_a_timeout(server, fast):
    settings = with_(fast, timeout_read=0.4, head_first=False)
    started = time.monotonic()
    result = one(server.url("/drip?every=0.3&chunks=30"), settings)
    assert result.outcome == "ok"
    assert time.monotonic() - started < 3.0


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_refused_connection_is_an_error(fast):
    url = f"http://127.0.0.1:{_closed_port()}/"
    result = one(url, with_(fast, max_retries=1))
    assert result.outcome == "error" and result.reason == "refused"
    assert result.status is None


def test_tls_failure_is_an_error(server, fast):
    # A plain-HTTP server on an https:// URL: the TLS handshake fails.
    result = one(f"https://127.0.0.1:{server.port}/ok", fast)
    assert result.outcome == "error" and result.reason == "tls"


def test_dns_failure_is_an_error(fast):
    result = one("https://no-such-host.invalid/page", fast)
    assert result.outcome == "error" and result.reason == "dns"
    assert "no-such-host.invalid" in result.message


def test_name_resolved_then_connected(server, fast, no_real_dns, unique):
    no_real_dns["guides.test"] = ["127.0.0.1"]
    path = f"/page/{unique('named')}"
    result = one(f"http://guides.test:{server.port}{path}", fast)
    assert result.outcome == "ok"
    assert server.stats.count("*", path) == 1


def test_exclusions_send_nothing(server, fast, unique):
    path = f"/page/{unique('excluded')}"
    result = one(server.url(path), with_(fast, exclude=(r"/page/excluded-",)))
    assert result.outcome == "excluded" and result.reason == "excluded"
    assert server.stats.count("*", path) == 0


def test_per_host_settings(server, fast):
    key = f"127.0.0.1:{server.ports[1]}"
    settings = with_(
        fast,
        hosts={key: HostSettings(headers={"X-Contentlint-Test": "yes"}, accept_statuses=frozenset({403}))},
    )
    # The accepted status applies to that host only.
    assert one(server.url("/bot-block", 1), settings).outcome == "ok"
    assert one(server.url("/bot-block", 0), settings).outcome == "warning"
    one(server.url("/echo-headers", 1), settings)
    assert server.stats.headers["/echo-headers"].get("X-Contentlint-Test") == "yes"


def test_per_host_and_global_concurrency_limits(server, fast):
    server.stats.reset()
    urls = [server.url(f"/slow?delay=0.15&n={i}", i % 2) for i in range(8)]
    settings = with_(fast, hosts={f"127.0.0.1:{server.ports[0]}": HostSettings(concurrency=1)}, per_host_concurrency=2)
    check_urls(urls[::2], settings)  # all on port 0: one at a time
    assert server.stats.peak_inflight == 1
    server.stats.reset()
    check_urls(urls, with_(fast, max_concurrency=3, per_host_concurrency=8))
    assert server.stats.peak_inflight == 3


def test_duplicates_and_fragments_are_fetched_once(server, fast, unique):
    path = f"/page/{unique('dup')}"
    urls = [server.url(path), server.url(path + "#top"), server.url(path + "#section-a"), server.url(path)]
    results = check_urls(urls, fast)
    assert list(results) == urls[:3]
    assert all(r.outcome == "ok" for r in results.values())
    assert results[urls[1]].url == urls[1]
    assert server.stats.count("*", path) == 1


def test_progress_and_summary(server, fast):
    calls: list[tuple[int, int]] = []
    urls = [server.url("/ok"), server.url("/status/404"), server.url("/redirect/301"), "mailto:help@example.org",
            "ftp://example.org/file"]
    stats = RunStats()
    results = check_urls(urls, fast, progress=lambda d, t: calls.append((d, t)), stats=stats)
    assert calls[0] == (0, 5) and calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert stats.urls == 5 and stats.requests >= 3
    line = summarize(results)
    assert line == "5 links: 2 ok, 1 redirect, 0 warnings, 1 error, 1 excluded"
    assert "\n" not in line


def test_only_http_schemes_touch_the_network(fast):
    results = check_urls(
        ["mailto:ayuda@example.org", "tel:+1-800-555-0199", "javascript:void(0)", "relative/path.md"], fast
    )
    assert results["mailto:ayuda@example.org"].outcome == "ok"
    assert results["tel:+1-800-555-0199"].outcome == "ok"
    assert results["javascript:void(0)"].outcome == "excluded"
    assert results["relative/path.md"].reason == "invalid-url"


def test_sync_wrapper_refuses_a_running_loop_and_async_form_works(server, fast):
    async def inside() -> dict[str, LinkResult]:
        with pytest.raises(RuntimeError, match="check_urls_async"):
            check_urls([server.url("/ok")], fast)
        return await check_urls_async([server.url("/ok")], fast)

    assert asyncio.run(inside())[server.url("/ok")].outcome == "ok"


def test_settings_are_validated():
    with pytest.raises(ValueError, match="exclude"):
        ExternalLinkSettings(exclude=("(unclosed",))
    with pytest.raises(ValueError):
        ExternalLinkSettings(max_concurrency=0)
    with pytest.raises(ValueError, match="allow_hosts"):
        ExternalLinkSettings(allow_hosts=frozenset({"no-port"}))
    with pytest.raises(TypeError):
        ExternalLinkSettings(hosts={"example.org": {"concurrency": 2}})  # type: ignore[dict-item]
