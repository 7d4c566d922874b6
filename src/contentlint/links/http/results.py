"""What the external link check returns: a verdict per URL, and run counters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

OUTCOMES = ("ok", "redirect", "warning", "error", "excluded")


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The verdict on one URL.

    ``outcome``: ``"ok"``, ``"redirect"`` (permanent redirect: a warning),
    ``"warning"``, ``"error"`` or ``"excluded"``.  ``status`` is the last HTTP
    status (``None`` without one).  ``final_url`` is set when the URL
    redirected.  ``reason`` is a short machine code (``ok``,
    ``redirect-permanent``, ``redirect-temporary``, ``http-404``, ``timeout``,
    ``dns``, ``refused``, ``tls``, ``connection``, ``redirect-loop``,
    ``too-many-redirects``, ``blocked-address``, ``too-large``,
    ``invalid-url``, ``excluded``, ``unsupported-scheme``, ``mailto``,
    ``invalid-mailto``, ``tel``, ``invalid-tel``, ...).
    """

    url: str
    outcome: str
    status: int | None
    final_url: str | None
    permanent: bool
    reason: str
    message: str
    hint: str
    from_cache: bool = False

    @property
    def severity(self) -> str:
        """``"error"``, ``"warning"`` or ``"ok"`` (``ok`` also for excluded links)."""
        if self.outcome == "error":
            return "error"
        if self.outcome in ("warning", "redirect"):
            return "warning"
        return "ok"

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-friendly)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class RunStats:
    """Counters for one run (optional out-parameter of :func:`check_urls`)."""

    urls: int = 0
    checked: int = 0
    from_cache: int = 0
    requests: int = 0
    elapsed: float = 0.0
    cache_error: str | None = None


# ---------------------------------------------------------------------------
# mailto: and tel: (syntax only)


def summarize(results: Mapping[str, LinkResult] | Iterable[LinkResult]) -> str:
    """One line such as ``"12 links: 9 ok, 1 redirect, 1 warning, 1 error (9 from cache)"``."""
    items = list(results.values()) if isinstance(results, Mapping) else list(results)
    counts = {name: 0 for name in OUTCOMES}
    for item in items:
        counts[item.outcome] = counts.get(item.outcome, 0) + 1
    cached = sum(1 for item in items if item.from_cache)

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    parts = [f"{counts['ok']} ok", plural(counts["redirect"], "redirect"), plural(counts["warning"], "warning"),
             plural(counts["error"], "error")]
    if counts["excluded"]:
        parts.append(f"{counts['excluded']} excluded")
    line = f"{plural(len(items), 'link')}: " + ", ".join(parts)
    if cached:
        line += f" ({cached} from cache)"
    return line

