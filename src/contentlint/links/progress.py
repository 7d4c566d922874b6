"""Progress of the external link check, on stderr.

Rules never print; this module is the one exception, and only the LK1 rules
(``--links external``) use it. Checking hundreds of URLs over the network
takes seconds to minutes, while everything else contentlint does takes a
fraction of a second: without a sign of life a user would think it hung, and
without a tally they could not tell "3 errors among 400 links, 380 from the
cache" from "nothing was checked". It writes to stderr, never stdout, so JSON,
SARIF and the other reports on stdout stay machine-readable.

* stderr is a terminal: a bar redrawn in place (at most ten times a second),
  replaced at the end by the summary line.
* otherwise (CI logs, pipes, pre-commit): no bar, just the summary line at the
  end (:func:`contentlint.links.http.engine.summarize`), so logs stay clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from contentlint.links.http.results import LinkResult, RunStats

_WIDTH = 24
_INTERVAL = 0.1


class LinkProgress:
    """``progress(done, total)`` callback for ``check_urls``, plus the closing summary."""

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if tty is None:
            isatty = getattr(self.stream, "isatty", None)
            try:
                tty = bool(isatty()) if callable(isatty) else False
            except (OSError, ValueError):
                tty = False
        self.tty = tty
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar (terminals only; throttled)."""
        if not self.tty or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < _INTERVAL:
            return
        self._last = now
        filled = _WIDTH * done // total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self._write(f"\r\033[Kchecking links [{bar}] {done}/{total}")
        self._drawn = True

    def finish(self, results: Mapping[str, LinkResult], stats: RunStats | None = None) -> None:
        """Replace the bar with the one-line summary (always printed)."""
        from contentlint.links.http.results import summarize

        line = "contentlint: external links: " + summarize(results)
        if stats is not None and stats.cache_error:
            line += f" [link cache not used: {stats.cache_error}]"
        prefix = "\r\033[K" if self._drawn else ""
        self._write(prefix + line + "\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr must not fail the check
            pass
