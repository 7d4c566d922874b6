"""The persistent link cache: zero requests on a warm run, expiry, corruption,
and two processes writing at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import replace as with_
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.links.cache import CACHE_FORMAT, LinkCache, default_cache_path
from contentlint.links.http.engine import check_urls
from contentlint.links.http.results import LinkResult, RunStats

SRC = Path(__file__).resolve().parents[2] / "src"


def test_second_run_sends_no_request(server, fast, tmp_path, unique):
    cache = tmp_path / "proj" / ".contentlint_cache" / "links.json"
    settings = with_(fast, cache_path=cache)
    pages = [server.url(f"/page/{unique('c')}", i % 2) for i in range(20)]
    redirect = server.url(f"/redirect/301?to=/page/{unique('moved')}")
    urls = [*pages, redirect]
    first = check_urls(urls, settings)
    assert all(r.outcome in ("ok", "redirect") for r in first.values())
    assert not any(r.from_cache for r in first.values())
    assert cache.exists() and (cache.parent / ".gitignore").exists()

    total_before = server.stats.total
    stats = RunStats()
    started = time.perf_counter()
    second = check_urls(urls, settings, stats=stats)
    elapsed = time.perf_counter() - started
    assert server.stats.total == total_before, "a warm run must send no request"
    assert stats.requests == 0 and stats.from_cache == len(urls)
    assert all(r.from_cache for r in second.values())
    assert elapsed < 1.0
    # The redirect keeps its final URL and hint (lychee's cache loses them).
    cached = second[redirect]
    assert cached.outcome == "redirect" and cached.permanent
    assert cached.final_url == first[redirect].final_url
    assert cached.hint == first[redirect].hint
    assert {k: v for k, v in cached.to_dict().items() if k != "from_cache"} == {
        k: v for k, v in first[redirect].to_dict().items() if k != "from_cache"
    }


def test_failures_are_rechecked_unless_a_failure_ttl_is_set(server, fast, tmp_path):
    url = server.url("/status/404")
    settings = with_(fast, cache_path=tmp_path / "links.json")
    check_urls([url], settings)
    before = server.stats.count("*", "/status/404")
    assert check_urls([url], settings)[url].from_cache is False
    assert server.stats.count("*", "/status/404") > before

    cached_errors = with_(settings, cache_ttl_error=600)
    check_urls([url], cached_errors)
    before = server.stats.count("*", "/status/404")
    again = check_urls([url], cached_errors)[url]
    assert again.from_cache and again.outcome == "error" and again.status == 404
    assert server.stats.count("*", "/status/404") == before


def test_expired_entries_are_rechecked(server, fast, tmp_path, unique):
    path = f"/page/{unique('exp')}"
    url = server.url(path)
    cache = tmp_path / "links.json"
    settings = with_(fast, cache_path=cache, cache_ttl_ok=3600)
    check_urls([url], settings)
    assert check_urls([url], settings)[url].from_cache
    assert server.stats.count("*", path) == 1
    # Age the entry by two hours on disk.
    doc = json.loads(cache.read_text())
    (key,) = [k for k in doc["entries"] if k.startswith(url)]
    doc["entries"][key]["checked"] -= 7200
    cache.write_text(json.dumps(doc))
    result = check_urls([url], settings)[url]
    assert not result.from_cache
    assert server.stats.count("*", path) == 2
    # A shorter TTL in the settings applies to existing entries at once.
    assert not check_urls([url], with_(settings, cache_ttl_ok=0.000001))[url].from_cache


def test_expiry_with_a_clock():
    now = [1000.0]
    cache = LinkCache("/nonexistent/links.json", ttl_ok=10, ttl_error=2, clock=lambda: now[0])
    cache.load()
    ok = {"outcome": "ok", "status": 200, "final_url": None, "permanent": False, "reason": "ok", "message": "",
          "hint": ""}
    bad = dict(ok, outcome="error", status=500, reason="http-500")
    assert cache.put("https://a.example/", ok)
    assert cache.put("https://b.example/", bad)
    now[0] += 1.5
    assert cache.get("https://a.example/") and cache.get("https://b.example/")
    now[0] += 1.0
    assert cache.get("https://a.example/") and cache.get("https://b.example/") is None
    now[0] += 8.0
    assert cache.get("https://a.example/") is None
    no_errors = LinkCache("/nonexistent/links.json", ttl_error=0)
    assert not no_errors.put("https://b.example/", bad)
    assert not no_errors.put("https://c.example/", dict(ok, outcome="excluded"))


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xffnot json at all{",
        b'{"format": "contentlint-links-cache", "version": 1, "entries": {"x": ',
        b"[1, 2, 3]",
        b'{"format": "something-else", "version": 1, "entries": {}}',
        b'{"format": "contentlint-links-cache", "version": 99, "entries": {}}',
        b"",
    ],
)
def test_corrupt_cache_is_ignored_and_rebuilt(server, fast, tmp_path, content, unique):
    cache = tmp_path / "links.json"
    cache.write_bytes(content)
    url = server.url(f"/page/{unique('corrupt')}")
    stats = RunStats()
    result = check_urls([url], with_(fast, cache_path=cache), stats=stats)[url]
    assert result.outcome == "ok" and not result.from_cache
    assert stats.cache_error is not None or content == b""
    doc = json.loads(cache.read_text())
    assert doc["format"] == CACHE_FORMAT and any(k.startswith(url) for k in doc["entries"])
    assert check_urls([url], with_(fast, cache_path=cache))[url].from_cache


def test_bad_entries_are_skipped_one_by_one(tmp_path):
    path = tmp_path / "links.json"
    now = time.time()
    good = {"checked": now, "result": {"outcome": "ok", "status": 200, "final_url": None, "permanent": False,
                                       "reason": "ok", "message": "HTTP 200", "hint": ""}}
    path.write_text(json.dumps({
        "format": CACHE_FORMAT, "version": 1,
        "entries": {
            "https://good.example/": good,
            "https://bad1.example/": {"checked": "yesterday", "result": good["result"]},
            "https://bad2.example/": {"checked": now, "result": {"outcome": "maybe"}},
            "https://bad3.example/": {"checked": now, "result": dict(good["result"], status="200")},
            "https://bad4.example/": [],
        },
    }))
    cache = LinkCache(path)
    cache.load()
    assert cache.load_error is None
    assert len(cache) == 1 and cache.get("https://good.example/")["message"] == "HTTP 200"


def test_unwritable_cache_does_not_fail_the_run(server, fast, tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    stats = RunStats()
    url = server.url("/ok")
    result = check_urls([url], with_(fast, cache_path=blocker / "links.json"), stats=stats)[url]
    assert result.outcome == "ok"
    assert stats.cache_error and "cannot write" in stats.cache_error


def test_default_cache_path(tmp_path):
    assert default_cache_path(tmp_path) == tmp_path / ".contentlint_cache" / "links.json"
    xdg = default_cache_path(env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert xdg == tmp_path / "xdg" / "contentlint" / "links.json"
    home = default_cache_path(env={})
    assert home.parts[-3:] == (".cache", "contentlint", "links.json")


WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from contentlint.links.cache import LinkCache
    path, tag, rounds = sys.argv[2], sys.argv[3], int(sys.argv[4])
    result = {"outcome": "ok", "status": 200, "final_url": None, "permanent": False,
              "reason": "ok", "message": "x" * 200, "hint": ""}
    cache = LinkCache(path)
    cache.load()
    for i in range(rounds):
        for j in range(5):
            cache.put(f"https://{tag}.example/{i}/{j}", result)
        cache.save()
        if cache.save_error:
            raise SystemExit(cache.save_error)
    """
)


def test_two_processes_writing_at_once_never_corrupt_the_file(tmp_path):
    path = tmp_path / "links.json"
    rounds = 60
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(SRC), str(path), tag, str(rounds)])
        for tag in ("alpha", "beta")
    ]
    reads = 0
    deadline = time.monotonic() + 60
    while any(p.poll() is None for p in procs) and time.monotonic() < deadline:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        doc = json.loads(data)  # never a torn file
        assert doc["format"] == CACHE_FORMAT
        reads += 1
    for proc in procs:
        assert proc.wait(timeout=60) == 0
    assert reads > 0
    cache = LinkCache(path)
    cache.load()
    assert cache.load_error is None
    hosts = {url.split("/")[2] for url in cache._entries}
    # Last writer wins whole; merging keeps the other writer's earlier saves too.
    assert len(cache) >= rounds * 5
    assert hosts <= {"alpha.example", "beta.example"}
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "links.json"]
    assert leftovers == [], f"temporary files left behind: {leftovers}"


@settings(max_examples=60, deadline=None)
@given(
    outcome=st.sampled_from(["ok", "redirect", "warning", "error"]),
    status=st.none() | st.integers(100, 599),
    final_url=st.none() | st.text(max_size=40),
    permanent=st.booleans(),
    text=st.text(max_size=60),
)
def test_cache_round_trip(tmp_path_factory, outcome, status, final_url, permanent, text):
    path = tmp_path_factory.mktemp("rt") / "links.json"
    result = LinkResult("https://é.example/ü?q=1", outcome, status, final_url, permanent, "r-" + text[:5], text, text)
    writer = LinkCache(path, ttl_ok=60, ttl_error=60)
    assert writer.put("k", result.to_dict())
    assert writer.save()
    reader = LinkCache(path, ttl_ok=60, ttl_error=60)
    hit = reader.get("k")
    assert hit is not None
    assert LinkResult(url=result.url, from_cache=False, **hit) == result
    assert os.listdir(path.parent) == ["links.json"]


def test_results_from_a_relaxed_guard_are_not_served_to_a_strict_run(server, fast, tmp_path, unique):
    url = server.url(f"/page/{unique('policy')}")
    cache = tmp_path / "links.json"
    relaxed = with_(fast, cache_path=cache)  # allow_loopback=True
    check_urls([url], relaxed)
    assert check_urls([url], relaxed)[url].from_cache
    strict = check_urls([url], with_(relaxed, allow_loopback=False))[url]
    assert not strict.from_cache
    assert strict.reason == "blocked-address"
