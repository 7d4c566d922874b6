"""Persistent cache of external-link results.

One JSON file (default ``<project>/.contentlint_cache/links.json``, see
:func:`default_cache_path`)::

    {"format": "contentlint-links-cache", "version": 1,
     "entries": {"https://example.org/a": {"checked": 1764300000.0,
                                           "result": {"outcome": "ok", "status": 200, ...}}}}

Design:

* **Keyed by URL** (fragment removed), storing the whole result: status, final
  URL, permanent-redirect flag, reason, message and hint, so a cached redirect
  is still reported as a redirect.
* **Expiry at read time**: an entry is fresh while ``now - checked`` is below
  the TTL for its kind under the *current* settings (``ttl_ok`` for ``ok`` and
  ``redirect``, ``ttl_error`` for ``warning`` and ``error``; 0 disables).
  Entries older than both TTLs are dropped when the file is written.
* **Atomic writes**: the file is written to a temporary file in the same
  directory, flushed and fsynced, then ``os.replace``-d over the old one, so a
  reader sees either the old or the new file, never a partial one.
* **Two writers**: before writing, the file on disk is read again and merged
  (for each URL the newer check wins), so two processes rarely lose each
  other's entries; when they race, the last ``os.replace`` wins whole.
* **Corruption**: an unreadable, non-JSON or wrongly shaped file is ignored
  (``load_error`` says why) and rebuilt on the next save; bad entries are
  skipped one by one.  Nothing here raises on a bad cache file.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from contentlint.i18n import Message, from_data, to_data

__all__ = ["CACHE_FORMAT", "CACHE_VERSION", "LinkCache", "default_cache_path"]

CACHE_FORMAT = "contentlint-links-cache"
CACHE_VERSION = 1
CACHE_DIR_NAME = ".contentlint_cache"
CACHE_FILE_NAME = "links.json"

_OK_OUTCOMES = frozenset({"ok", "redirect"})
_BAD_OUTCOMES = frozenset({"warning", "error"})
_RESULT_FIELDS = ("outcome", "status", "final_url", "permanent", "reason", "message", "hint")


def default_cache_path(
    project_root: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Path:
    """Where the link cache lives by default.

    With a project root: ``<root>/.contentlint_cache/links.json``.  Without one:
    ``$XDG_CACHE_HOME/contentlint/links.json`` (``~/.cache/...`` when unset).
    """
    if project_root is not None:
        return Path(project_root) / CACHE_DIR_NAME / CACHE_FILE_NAME
    environ = os.environ if env is None else env
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "contentlint" / CACHE_FILE_NAME


def _valid_result(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        return None
    outcome = raw.get("outcome")
    if outcome not in _OK_OUTCOMES and outcome not in _BAD_OUTCOMES:
        return None
    status = raw.get("status")
    if status is not None and (not isinstance(status, int) or isinstance(status, bool)):
        return None
    final_url = raw.get("final_url")
    if final_url is not None and not isinstance(final_url, str):
        return None
    out: dict[str, Any] = {
        "outcome": outcome,
        "status": status,
        "final_url": final_url,
        "permanent": bool(raw.get("permanent", False)),
    }
    for key in ("reason", "message", "hint"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            return None
        out[key] = value
    for key in ("message", "hint"):
        # The translatable form (template and values), so a cached result still
        # shows in the UI language; used only if it renders the stored English.
        translatable = _translatable(raw.get(key + "_i18n"), out[key])
        if translatable is not None:
            out[key] = translatable
            out[key + "_i18n"] = raw[key + "_i18n"]
    return out


def _translatable(data: Any, english: str) -> Any:
    if data is None:
        return None
    try:
        text = from_data(data)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return None
    return text if isinstance(text, Message) and str(text) == english else None


def _valid_entry(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        return None
    checked = raw.get("checked")
    if not isinstance(checked, (int, float)) or isinstance(checked, bool):
        return None
    if not math.isfinite(checked):
        return None
    result = _valid_result(raw.get("result"))
    if result is None:
        return None
    return {"checked": float(checked), "result": result}


class LinkCache:
    """The link cache: load once, ``get``/``put`` in memory, ``save`` atomically."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        ttl_ok: float = 86400.0,
        ttl_error: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.ttl_ok = float(ttl_ok)
        self.ttl_error = float(ttl_error)
        self._clock = clock
        self._entries: dict[str, dict[str, Any]] = {}
        self._dirty: dict[str, dict[str, Any]] = {}
        #: Why the file on disk was ignored at the last load, if it was.
        self.load_error: str | None = None
        #: Why the last save failed, if it did.
        self.save_error: str | None = None
        self._loaded = False

    # -- reading ---------------------------------------------------------
    def _read_file(self) -> tuple[dict[str, dict[str, Any]], str | None]:
        try:
            from contentlint.content.read import STATE_FILE_MAX_BYTES, read_bytes_safely

            data = read_bytes_safely(self.path, STATE_FILE_MAX_BYTES, self._project_root(), follow=False)
        except FileNotFoundError:
            return {}, None
        except OSError as exc:
            return {}, f"cannot read {self.path}: {exc.strerror or exc}"
        try:
            doc = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            return {}, f"{self.path} is not valid JSON ({exc}); it will be rebuilt"
        if (
            not isinstance(doc, dict)
            or doc.get("format") != CACHE_FORMAT
            or doc.get("version") != CACHE_VERSION
            or not isinstance(doc.get("entries"), dict)
        ):
            return {}, f"{self.path} is not a contentlint link cache (version {CACHE_VERSION}); it will be rebuilt"
        entries: dict[str, dict[str, Any]] = {}
        for url, raw in doc["entries"].items():
            entry = _valid_entry(raw)
            if isinstance(url, str) and entry is not None:
                entries[url] = entry
        return entries, None

    def load(self) -> None:
        """Read the file; a missing or bad file leaves an empty cache."""
        self._entries, self.load_error = self._read_file()
        self._loaded = True

    def _ttl_for(self, outcome: str) -> float:
        return self.ttl_ok if outcome in _OK_OUTCOMES else self.ttl_error

    def _fresh(self, entry: dict[str, Any], now: float) -> bool:
        ttl = self._ttl_for(entry["result"]["outcome"])
        age = now - entry["checked"]
        return ttl > 0 and -60.0 <= age < ttl  # a clock 60 s behind is tolerated

    def get(self, url: str) -> dict[str, Any] | None:
        """The cached result fields for ``url`` if fresh (a copy), else ``None``."""
        if not self._loaded:
            self.load()
        entry = self._entries.get(url)
        if entry is None or not self._fresh(entry, self._clock()):
            return None
        return {key: value for key, value in entry["result"].items() if not key.endswith("_i18n")}

    def checked_at(self, url: str) -> float | None:
        """When ``url`` was checked, for a present entry (fresh or not)."""
        entry = self._entries.get(url)
        return None if entry is None else entry["checked"]

    def __len__(self) -> int:
        return len(self._entries)

    # -- writing ---------------------------------------------------------
    def cacheable(self, outcome: str) -> bool:
        """Whether a result with this outcome is stored at all."""
        return (outcome in _OK_OUTCOMES or outcome in _BAD_OUTCOMES) and self._ttl_for(outcome) > 0

    def put(self, url: str, result: Mapping[str, Any], checked: float | None = None) -> bool:
        """Remember a result (fields as in ``LinkResult``); returns whether it was stored."""
        fields = {k: result.get(k) for k in _RESULT_FIELDS}
        fields["permanent"] = bool(fields["permanent"])
        for key in ("reason", "message", "hint"):
            fields[key] = fields[key] or ""
        for key in ("message", "hint"):
            value = fields[key]
            if isinstance(value, Message):
                fields[key + "_i18n"] = to_data(value)
        clean = _valid_result(fields)
        if clean is None or not self.cacheable(clean["outcome"]):
            return False
        entry = {"checked": self._clock() if checked is None else float(checked), "result": clean}
        self._entries[url] = entry
        self._dirty[url] = entry
        return True

    @property
    def dirty(self) -> bool:
        """Whether there is anything to write."""
        return bool(self._dirty)

    def _prune(self, entries: dict[str, dict[str, Any]], now: float) -> dict[str, dict[str, Any]]:
        keep_for = max(self.ttl_ok, self.ttl_error)
        return {u: e for u, e in entries.items() if now - e["checked"] < keep_for}

    def save(self) -> bool:
        """Merge with the file on disk and replace it atomically.

        Returns ``False`` (and sets ``save_error``) when the file cannot be
        written; a cache never fails a lint run.
        """
        self.save_error = None
        if not self._dirty:
            return True
        now = self._clock()
        on_disk, _err = self._read_file()
        merged = dict(on_disk)
        for url, entry in self._dirty.items():
            other = merged.get(url)
            if other is None or other["checked"] <= entry["checked"]:
                merged[url] = entry
        merged = self._prune(merged, now)
        doc = {"format": CACHE_FORMAT, "version": CACHE_VERSION, "entries": merged}
        payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
        try:
            self._atomic_write(payload)
        except OSError as exc:
            self.save_error = f"cannot write {self.path}: {exc.strerror or exc}"
            return False
        self._entries = merged
        self._dirty = {}
        return True

    def _project_root(self) -> Path | None:
        """The project, when the file lives in its ``.contentlint_cache`` folder."""
        directory = self.path.parent
        return directory.parent if directory.name == CACHE_DIR_NAME else None

    def _atomic_write(self, payload: bytes) -> None:
        # Through the safe file layer: never through a symbolic link (a symlinked
        # .contentlint_cache committed by a pull request), umask-respecting, atomic.
        from contentlint.fileio import atomic_write_bytes, cache_folder

        root = self._project_root()
        if root is not None:
            cache_folder(root)
        atomic_write_bytes(self.path, payload, root)
