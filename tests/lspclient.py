"""A minimal Language Server Protocol client over stdio, as an editor talks to a server.

Used by tests/test_lsp.py and benchmarks/lsp_bench.py: it starts ``contentlint lsp``
as a child process, frames JSON-RPC messages with ``Content-Length`` headers, and
reads the server's messages on a thread into a queue, so every wait is bounded.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

SRC = Path(__file__).resolve().parents[1] / "src"


class LspClient:
    """One server process and the messages it sent."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        environment = {**os.environ, "PYTHONPATH": str(SRC), "CONTENTLINT_UI_LANG": "en", **(env or {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "contentlint", "lsp"], cwd=cwd, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self._next_id = 0
        assert self.process.stdout is not None
        self._reader = threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stream: BinaryIO) -> None:
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None, timeout: float = 60) -> Any:
        """Send a request and wait (at most ``timeout`` seconds) for its answer."""
        self._next_id += 1
        number = self._next_id
        self.send({"id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline, f"the answer to {method}")
            if message.get("id") == number and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result")
            self._keep(message)

    def _next(self, deadline: float, what: str) -> dict[str, Any]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {what} from the language server")
        try:
            return self.messages.get(timeout=left)
        except queue.Empty:
            raise TimeoutError(f"no {what} from the language server") from None

    def _keep(self, message: dict[str, Any]) -> None:
        if "method" in message and "id" in message:  # a request from the server: answer it
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)

    def mark(self) -> int:
        """A place in the notifications: ``diagnostics(uri, after=mark)`` waits for newer ones."""
        while True:
            try:
                self._keep(self.messages.get_nowait())
            except queue.Empty:
                return len(self.notifications)

    def diagnostics(self, uri: str, after: int = 0, timeout: float = 60) -> list[dict[str, Any]]:
        """The first diagnostics published for ``uri`` after the notification number ``after``."""
        deadline = time.monotonic() + timeout
        seen = after
        while True:
            for note in self.notifications[seen:]:
                seen += 1
                if note["method"] == "textDocument/publishDiagnostics" and note["params"]["uri"] == uri:
                    return list(note["params"]["diagnostics"])
            self._keep(self._next(deadline, f"diagnostics for {uri}"))

    def initialize(self, root: Path, options: dict[str, Any] | None = None) -> Any:
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {},
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "initializationOptions": options or {},
        }, timeout=120)
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": path.as_uri(), "languageId": "markdown", "version": version, "text": text}})

    def change(self, path: Path, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": path.as_uri(), "version": version},
            "contentChanges": [{"text": text}],
        })

    def close(self, timeout: float = 30) -> int:
        """shutdown, exit, and wait for the process; its exit code."""
        try:
            self.request("shutdown", None, timeout=timeout)
            self.notify("exit", {})
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=timeout)
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()
