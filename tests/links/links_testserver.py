"""A loopback HTTP server with every scenario the link checker must handle.

Used by the tests (in a background thread: :class:`LoopbackServer`) and by
``benchmarks/links_bench.py`` (as a subprocess: ``python links_testserver.py
--ports 21 --delay 0.05``, which prints one JSON line with its ports and then
serves until stdin closes or ``--lifetime`` seconds pass).  It binds
127.0.0.1 only.  Every request loop in it is bounded.

Paths (any port answers every path):

=============================  =====================================================
``/ok``, ``/page/<n>``         200 small HTML
``/status/<code>``             that status (HEAD and GET)
``/redirect/<code>``           that status, ``Location: ?to=`` (default ``/ok``)
``/chain/<c1>,<c2>,...``       ``c1`` -> ``/chain/<c2>,...`` -> ... -> ``/ok``
``/chain-broken``              301 -> ``/status/404``
``/loop/a``, ``/loop/b``       302 to each other
``/many/<n>``                  302 -> ``/many/<n-1>`` ... ``/many/0`` -> 200
``/retry-after/<key>``         429 + ``Retry-After: ?after=`` (``&date=1``: HTTP date)
                               for the first ``?times=`` (1) hits per key, then 200
``/always/<code>``             always that status (``?retry_after=`` optional)
``/slow``                      200 after ``?delay=`` seconds (default 3)
``/drip``                      200 status line at once, body trickles slowly
``/huge``                      200, streams ``?size=`` bytes (default 200 MB);
                               ``?nohead=1``: 405 to HEAD
``/no-head``                   405 to HEAD, 200 to GET
``/head-fails/<code>``         that status to HEAD, 200 to GET
``/bot-block``                 403 unless the User-Agent contains "Mozilla"
``/echo-headers``              200, JSON of the request headers (GET)
``/site/...``                  a tiny site for LinkChecker (index, good, missing)
``/robots.txt``                ``Disallow: /private/``
``/__control/stats|reset``     counters (JSON) / reset; never counted
=============================  =====================================================
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import select
import socket
import sys
import threading
import time
from email.utils import formatdate
from typing import Any

from aiohttp import web

HOST = "127.0.0.1"

SITE_INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Guide</title></head>
<body>
<h1>IEP guide</h1>
<p>Read the <a href="good.html">good page</a>.</p>
<p>And the <a href="missing.html">missing page</a>.</p>
</body></html>
"""
SITE_GOOD = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Good</title></head>'
    "<body><p>ok</p></body></html>\n"
)
SITE_ANCHORS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Anchors</title></head>
<body>
<h1 id="top">Anchors</h1>
<p><a href="anchors.html#top">to the top</a> and <a href="anchors.html#no-such-part">to nowhere</a>.</p>
</body></html>
"""
PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title></head>'
    '<body><h2 id="top">Top</h2><h2 id="section-a">A</h2></body></html>\n'
)


class Stats:
    """Counters shared between the server loop and the test thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with getattr(self, "lock", threading.Lock()):
            self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
            self.total = 0
            self.inflight = 0
            self.peak_inflight = 0
            self.peak_by_path_prefix: dict[str, int] = {}
            self.inflight_by_prefix: collections.Counter[str] = collections.Counter()
            self.huge_sent = 0
            self.retry_state: collections.Counter[str] = collections.Counter()
            self.user_agents: dict[str, str] = {}
            self.headers: dict[str, dict[str, str]] = {}

    def count(self, method: str, path: str) -> int:
        """Requests seen with this method ("*" for any) and path."""
        with self.lock:
            if method == "*":
                return sum(n for (m, p), n in self.counts.items() if p == path)
            return self.counts[(method, path)]

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "total": self.total,
                "peak_inflight": self.peak_inflight,
                "huge_sent": self.huge_sent,
                "by_method": dict(collections.Counter(m for (m, _p) in self.counts.elements())),
            }


def build_app(stats: Stats, delay: float = 0.0) -> web.Application:
    """The aiohttp application serving every scenario."""

    @web.middleware
    async def counting(request: web.Request, handler: Any) -> web.StreamResponse:
        path = request.path
        if path.startswith("/__control/"):
            return await handler(request)
        prefix = "/" + path.strip("/").split("/", 1)[0]
        with stats.lock:
            stats.counts[(request.method, path)] += 1
            stats.total += 1
            stats.inflight += 1
            stats.peak_inflight = max(stats.peak_inflight, stats.inflight)
            stats.inflight_by_prefix[prefix] += 1
            stats.peak_by_path_prefix[prefix] = max(
                stats.peak_by_path_prefix.get(prefix, 0), stats.inflight_by_prefix[prefix]
            )
            stats.user_agents[path] = request.headers.get("User-Agent", "")
            stats.headers[path] = dict(request.headers)
        try:
            if delay:
                await asyncio.sleep(delay)
            return await handler(request)
        finally:
            with stats.lock:
                stats.inflight -= 1
                stats.inflight_by_prefix[prefix] -= 1

    def html(text: str, status: int = 200) -> web.Response:
        return web.Response(text=text, status=status, content_type="text/html")

    def redirect(code: int, location: str) -> web.Response:
        return web.Response(status=code, headers={"Location": location})

    async def handle(request: web.Request) -> web.StreamResponse:
        path = request.path
        method = request.method
        parts = [p for p in path.split("/") if p]
        head = parts[0] if parts else ""
        query = request.query

        if path == "/__control/stats":
            return web.json_response(stats.snapshot())
        if path == "/__control/reset":
            stats.reset()
            return web.json_response({"ok": True})
        if path in ("/", "/ok") or head == "page":
            return html(PAGE)
        if path == "/robots.txt":
            return web.Response(text="User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        if head == "status" and len(parts) == 2:
            code = int(parts[1])
            return web.Response(status=code, text=f"status {code}\n")
        if head == "redirect" and len(parts) >= 2:
            return redirect(int(parts[1]), query.get("to", "/ok"))
        if head == "chain" and len(parts) == 2:
            codes = parts[1].split(",")
            rest = ",".join(codes[1:])
            return redirect(int(codes[0]), f"/chain/{rest}" if rest else "/ok")
        if path == "/chain-broken":
            return redirect(301, "/status/404")
        if path == "/loop/a":
            return redirect(302, "/loop/b")
        if path == "/loop/b":
            return redirect(302, "/loop/a")
        if head == "many" and len(parts) == 2:
            n = int(parts[1])
            return html(PAGE) if n <= 0 else redirect(302, f"/many/{n - 1}")
        if head == "retry-after" and len(parts) == 2:
            times = int(query.get("times", "1"))
            after = float(query.get("after", "1"))
            with stats.lock:
                stats.retry_state[parts[1]] += 1
                hits = stats.retry_state[parts[1]]
            if hits <= times:
                value = formatdate(time.time() + after, usegmt=True) if query.get("date") else str(int(after))
                return web.Response(status=429, text="slow down\n", headers={"Retry-After": value})
            return html(PAGE)
        if head == "always" and len(parts) == 2:
            headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
            return web.Response(status=int(parts[1]), text="always\n", headers=headers)
        if path == "/slow":
            await asyncio.sleep(float(query.get("delay", "3")))
            return html(PAGE)
        if path == "/drip":
            resp = web.StreamResponse(status=200, headers={"Content-Type": "text/plain"})
            await resp.prepare(request)
            if method == "GET":
                for _ in range(int(query.get("chunks", "20"))):
                    await resp.write(b"x" * 10)
                    await asyncio.sleep(float(query.get("every", "0.5")))
            return resp
        if path == "/huge":
            if method == "HEAD" and query.get("nohead"):
                return web.Response(status=405)
            size = int(query.get("size", str(200 * 1024 * 1024)))
            resp = web.StreamResponse(status=200, headers={"Content-Type": "application/octet-stream"})
            resp.content_length = size
            await resp.prepare(request)
            if method == "GET":
                chunk = b"\0" * 65536
                sent = 0
                try:
                    while sent < size:
                        piece = chunk[: min(len(chunk), size - sent)]
                        await resp.write(piece)
                        sent += len(piece)
                        with stats.lock:
                            stats.huge_sent += len(piece)
                except (ConnectionError, RuntimeError):
                    return resp
            return resp
        if path == "/no-head":
            return web.Response(status=405) if method == "HEAD" else html(PAGE)
        if head == "head-fails" and len(parts) == 2:
            return web.Response(status=int(parts[1])) if method == "HEAD" else html(PAGE)
        if path == "/bot-block":
            if "Mozilla" in request.headers.get("User-Agent", ""):
                return html(PAGE)
            return web.Response(status=403, text="bots go away\n")
        if path == "/echo-headers":
            return web.json_response(dict(request.headers))
        if head == "site":
            name = parts[1] if len(parts) > 1 else "index.html"
            if name == "index.html":
                return html(SITE_INDEX)
            if name == "good.html":
                return html(SITE_GOOD)
            if name == "anchors.html":
                return html(SITE_ANCHORS)
            return web.Response(status=404, text="not found\n")
        if head == "private":
            return html(PAGE)
        return web.Response(status=404, text="no such scenario\n")

    app = web.Application(middlewares=[counting])
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


class LoopbackServer:
    """The scenario server on ``n_ports`` random 127.0.0.1 ports, in a thread."""

    def __init__(self, n_ports: int = 1, delay: float = 0.0) -> None:
        self.n_ports = n_ports
        self.delay = delay
        self.stats = Stats()
        self.ports: list[int] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._runner: web.AppRunner | None = None
        self._error: BaseException | None = None

    @property
    def port(self) -> int:
        return self.ports[0]

    def url(self, path: str, index: int = 0) -> str:
        return f"http://{HOST}:{self.ports[index]}{path}"

    async def _astart(self) -> None:
        self._runner = web.AppRunner(build_app(self.stats, self.delay), access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        for _ in range(self.n_ports):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((HOST, 0))
            sock.listen(1024)
            self.ports.append(sock.getsockname()[1])
            await web.SockSite(self._runner, sock).start()

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._astart())
        except BaseException as exc:  # pragma: no cover - surfaced in start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._ashutdown())
            loop.close()

    async def _ashutdown(self) -> None:
        assert self._runner is not None
        await self._runner.cleanup()
        current = asyncio.current_task()
        pending = [t for t in asyncio.all_tasks() if t is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def start(self) -> LoopbackServer:
        self._thread = threading.Thread(target=self._run, name="links-loopback-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("loopback server did not start")
        if self._error is not None:
            raise RuntimeError(f"loopback server failed: {self._error!r}")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ConnectionCanary:
    """A 127.0.0.1 listener that only counts the connections it accepts.

    Used to prove that the address guard blocks *before* connecting.
    """

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((HOST, 0))
        self.sock.listen(16)
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="links-canary", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.sock], [], [], 0.05)
            if ready:
                try:
                    conn, _addr = self.sock.accept()
                except OSError:
                    continue
                self.accepted += 1
                conn.close()

    def __enter__(self) -> ConnectionCanary:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


def main(argv: list[str] | None = None) -> int:
    """Subprocess mode for the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, default=1)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--lifetime", type=float, default=1800.0, help="exit after this many seconds")
    args = parser.parse_args(argv)
    server = LoopbackServer(args.ports, args.delay).start()
    print(json.dumps({"ports": server.ports}), flush=True)
    deadline = time.monotonic() + args.lifetime
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([sys.stdin], [], [], 0.5)
            if ready and not sys.stdin.readline():
                break  # parent closed our stdin
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
