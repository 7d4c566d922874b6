"""The result cache: a run over unchanged content answers from disk.

The key covers everything a result depends on: contentlint's own code (every
module's content, and the version), the raw configuration
table and command-line selection, the paths asked for, and the content hash of
every file under the content folder (data files and sync marks included). Any
change to any of them is a miss. A hit needs only the standard library: no
YAML, Markdown or pydantic import, which is what makes it fast.

The cache lives in ``<project>/.contentlint_cache/results-v2/``: one file per
stored run, named by its key, and the rule tables they share. Writes are atomic
(temp file + rename), so two runs at once cannot corrupt it: the last writer
wins. An unreadable or corrupt cache file is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import contentlint
from contentlint import fileio
from contentlint.config.discover import read_table
from contentlint.errors import ConfigError
from contentlint.findings import Applicability, Edit, Finding, Fix, Location, Severity
from contentlint.i18n import from_data, to_data
from contentlint.report import Report, RuleInfo, Views

CACHE_DIR = fileio.CACHE_DIR
# One file per stored run (the key's digest), and the rule tables they share: a run
# reads only its own entry (a miss is one failed open) and writes only its own, where
# a single file of every entry was read and rewritten by each run (30-60 ms).
CACHE_FOLDER = "results-v2"
OLD_CACHE_FILE = "results-v1.json"
FORMAT = 2
RULES_PREFIX = "rules-"
MAX_ENTRIES = 16
MAX_RULE_TABLES = 4
_CONTENT_SUFFIXES = (".md", ".markdown", ".yaml", ".yml")


@dataclass(frozen=True)
class CachedSettings:
    """The parts of the configuration a cached run still needs."""

    root: Path
    fail_on: Severity


@functools.cache
def package_fingerprint() -> str:
    """contentlint's version and the content of every module and data file.

    Content, not modification times: a reinstall of the same code (a CI run
    restoring the cache into a fresh virtualenv) keeps the cache valid.
    """
    package = Path(contentlint.__file__).parent
    digest = hashlib.blake2b(contentlint.__version__.encode(), digest_size=16)
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json", ".gz", ".mo", ".po", ".txt")):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, package).encode())
                with open(path, "rb") as handle:
                    digest.update(hashlib.blake2b(handle.read(), digest_size=16).digest())
    return digest.hexdigest()


def _file_digest(path: Path, root: Path, max_bytes: int) -> bytes:
    """A file's content hash, read through the safe file layer exactly as the run
    would read it: a symbolic link out of the project, a FIFO or a device is never
    opened for a blocking read, and nothing over the size cap is read (the run reports
    those without their content, so the reason is the exact key)."""
    from contentlint.content.read import STATE_FILE_MAX_BYTES, FileTooLargeError, is_inside, read_bytes_safely

    try:
        link = os.readlink(path)
    except OSError:
        link = None
    prefix = b"" if link is None else b"->" + link.encode("utf-8", "surrogateescape") + b"\x00"
    try:
        data = read_bytes_safely(path, max(max_bytes, STATE_FILE_MAX_BYTES), root if is_inside(path, root) else None)
    except FileTooLargeError as exc:
        return prefix + f"<too large:{exc.size}>".encode()
    except OSError as exc:
        return prefix + f"<unreadable:{exc.__class__.__name__}:{exc}>".encode("utf-8", "surrogateescape")
    return prefix + hashlib.blake2b(data, digest_size=20).digest()


def _content_digest(root: Path, content: Path, paths: list[Path], max_bytes: int = 2_000_000) -> str:
    digest = hashlib.blake2b(digest_size=20)
    files: list[Path] = []
    for folder in [content, *[p for p in paths if p.is_dir()]]:
        for base, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            files.extend(Path(base, n) for n in sorted(names) if n.endswith(_CONTENT_SUFFIXES))
    files.extend(p for p in paths if not p.is_dir())
    for path in files:
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        digest.update(_file_digest(path, root, max_bytes))
    return digest.hexdigest()


def referenced_state(root: Path, table: dict[str, Any]) -> list[str]:
    """What rule options point at outside the content: files (hashed) and git refs (resolved).

    A readability baseline file that is rewritten, or a ``git:REF`` that moves,
    changes results without any content change.
    """
    out: list[str] = []
    for options in (table.get("rules") or {}).values():
        if not isinstance(options, dict):
            continue
        for value in options.values():
            if not isinstance(value, str) or not value:
                continue
            if value.startswith("git:"):
                import subprocess

                done = subprocess.run(
                    ["git", "rev-parse", "--verify", "--quiet", value[4:] + "^{commit}"],
                    cwd=root, capture_output=True, text=True, check=False,
                )
                out.append(f"{value}={done.stdout.strip()}")
            elif len(value) < 4096 and (root / value).is_file():
                out.append(f"{value}={_file_digest(root / value, root, 0).hex()}")
    return out


def _max_file_bytes(table: dict[str, Any]) -> int:
    value = table.get("max-file-bytes", table.get("max_file_bytes"))
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 2_000_000


class RunCache:
    """Looks up and stores whole-run results under one key."""

    def __init__(self, root: Path, key: str, table: dict[str, Any]) -> None:
        self.root = root
        self.key = key
        self.table = table
        self.folder = root / CACHE_DIR / CACHE_FOLDER

    @classmethod
    def open(
        cls, start: Path, explicit: Path | None, overrides: dict[str, Any], paths: list[Path], views: bool = False
    ) -> RunCache | None:
        """A cache for this run, or None when the key cannot be computed (``views``:
        the report must carry the editor's views, so a stored one without them is a miss)."""
        from contentlint.content.clock import today

        try:
            root, _source, table = read_table(start, explicit, paths)
            if "external" in (table.get("links"), overrides.get("links")):
                return None  # network results age; the link checker has its own cache
            content = (root / str(table.get("content", "content"))).resolve()
            resolved = [p.resolve() for p in paths]
            parts = {
                "tool": package_fingerprint(),
                "config": table,
                "referenced": referenced_state(root, table),
                "overrides": overrides,
                "paths": [str(p) for p in resolved],
                "content": _content_digest(root, content, resolved, _max_file_bytes(table)),
                "cwd": str(start.resolve()),
                "views": views,
                "today": today().isoformat(),  # ages (ST010) change with the date, not the content
            }
            key = hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=20).hexdigest()
        except (OSError, ValueError, TypeError, AttributeError, ConfigError):
            return None
        return cls(root, key, table)

    def _read_json(self, path: Path) -> Any:
        """One stored file, decoded (None: missing, unreadable or not JSON: a miss)."""
        try:
            from contentlint.content.read import STATE_FILE_MAX_BYTES, read_text_safely

            return json.loads(read_text_safely(path, STATE_FILE_MAX_BYTES, self.root, follow=False))
        except (OSError, ValueError, RecursionError):
            return None

    def lookup(self) -> tuple[CachedSettings, Report] | None:
        """The stored result for this key, if any (a file of any other shape is a miss)."""
        entry = self._read_json(self.folder / f"{self.key}.json")
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        try:
            settings = CachedSettings(self.root, Severity.parse(_typed(entry["fail_on"], str)))
            data = dict(_typed(entry["report"], dict))
            digest = _typed(data["rules"], str)
            if not _is_digest(digest):
                return None
            data["rules"] = self._read_json(self.folder / f"{RULES_PREFIX}{digest}.json")
            report = _report_from_json(data)
        except DECODE_ERRORS:
            return None
        return settings, report

    def store(self, fail_on: Severity, report: Report) -> None:
        """Remember this run's result (never a run with internal errors)."""
        if report.internal_errors:
            return
        from contentlint.fileio import atomic_write_text, cache_folder, safe_folder

        data = _report_to_json(report)
        # The rules' metadata (their documentation: most of a report's bytes) is the
        # same for every run of a configuration: stored once, by digest, beside the
        # entries that refer to it.
        table = json.dumps(data["rules"], ensure_ascii=False)
        digest = hashlib.blake2b(table.encode(), digest_size=16).hexdigest()
        entry = {"format": FORMAT, "fail_on": fail_on.label, "report": {**data, "rules": digest}}
        try:
            cache_folder(self.root)  # never through a symbolic link
            safe_folder(self.folder, self.root)
            rules = self.folder / f"{RULES_PREFIX}{digest}.json"
            if rules.is_symlink() or not rules.is_file():
                atomic_write_text(rules, table, self.root, durable=False)
            else:
                os.utime(rules, follow_symlinks=False)  # in use: the newest rule table is kept
            atomic_write_text(self.folder / f"{self.key}.json", json.dumps(entry, ensure_ascii=False), self.root,
                              durable=False)
            self._evict()
            (self.root / CACHE_DIR / OLD_CACHE_FILE).unlink(missing_ok=True)  # the single file of format 1
        except OSError:
            pass  # a read-only checkout (or a symlinked cache folder) still gets its results, just not cached

    def _evict(self) -> None:
        """Keep the newest MAX_ENTRIES entries and MAX_RULE_TABLES rule tables (an
        entry whose table was evicted is a miss). Only names this cache writes are
        removed; unlink never follows a symbolic link."""
        entries: list[tuple[int, str]] = []
        tables: list[tuple[int, str]] = []
        with os.scandir(self.folder) as listing:
            for item in listing:
                name = item.name
                if not name.endswith(".json"):
                    continue
                stem = name[:-5]
                table = stem.startswith(RULES_PREFIX)
                if not _is_digest(stem[len(RULES_PREFIX):] if table else stem):
                    continue
                try:
                    when = item.stat(follow_symlinks=False).st_mtime_ns
                except OSError:
                    continue
                (tables if table else entries).append((when, name))
        for kept, found in ((MAX_ENTRIES, entries), (MAX_RULE_TABLES, tables)):
            for _when, name in sorted(found, reverse=True)[kept:]:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)


def _is_digest(text: str) -> bool:
    """A hexadecimal digest as this cache names its files (nothing else is read or removed)."""
    return 0 < len(text) <= 64 and all(c in "0123456789abcdef" for c in text)


# What decoding a malformed cache row can raise; every one of them is a miss.
DECODE_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError, RecursionError, OverflowError)


def _typed(value: Any, kind: Any) -> Any:
    """``value`` when it has the type ``kind`` (a bool is not an int), else TypeError."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool and bool not in _as_tuple(kind)):
        raise TypeError(f"a cached value is {type(value).__name__}, not {kind}")
    return value


@functools.cache
def _field_hints(record: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's fields with their resolved annotations (resolving is slow: once per class)."""
    hints = typing.get_type_hints(record)
    return tuple((field.name, hints[field.name]) for field in dataclasses.fields(record))


def _as_tuple(kind: Any) -> tuple[Any, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _check_hint(value: Any, hint: Any, depth: int = 0) -> None:
    """TypeError unless ``value`` matches the type annotation ``hint`` (dataclasses, unions,
    tuples, dicts, plain types): a decoded record is checked field by field."""
    if depth > 32:
        raise TypeError("a cached value is nested too deeply")
    if hint is Any:
        return
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            try:
                _check_hint(value, arg, depth + 1)
            except TypeError:
                continue
            return
        raise TypeError(f"a cached value does not match {hint}")
    if origin is tuple:
        _typed(value, (tuple, list))  # JSON has no tuples; Views.from_data keeps some lists
        if len(args) == 2 and args[1] is Ellipsis:
            for item in value:
                _check_hint(item, args[0], depth + 1)
        else:
            if len(value) != len(args):
                raise TypeError("a cached tuple has the wrong length")
            for item, arg in zip(value, args, strict=True):
                _check_hint(item, arg, depth + 1)
        return
    if origin is dict:
        _typed(value, dict)
        for key, item in value.items():
            _check_hint(key, args[0], depth + 1)
            _check_hint(item, args[1], depth + 1)
        return
    if origin is list:
        _typed(value, list)
        for item in value:
            _check_hint(item, args[0], depth + 1)
        return
    if hint is None or hint is type(None):
        if value is not None:
            raise TypeError("a cached value is not None")
        return
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        _typed(value, hint)
        for name, field_hint in _field_hints(hint):
            _check_hint(getattr(value, name), field_hint, depth + 1)
        return
    if hint is float:
        _typed(value, (int, float))
        return
    if isinstance(hint, type):
        _typed(value, hint)
        return
    raise TypeError(f"a cached value has an unchecked type {hint}")


def checked_record(value: Any) -> Any:
    """A decoded dataclass record (a Finding, the Views), checked field by field against its annotations."""
    _check_hint(value, type(value))
    return value


def _text_from_data(value: Any) -> str:
    text = from_data(value)
    if not isinstance(text, str):
        raise TypeError("a cached text is not a string")
    return text


def _location_to_json(loc: Location) -> list[Any]:
    return [loc.path, loc.line, loc.column, loc.end_line, loc.end_column, to_data(loc.note)]


def _location_from_json(item: Any) -> Location:
    path, line, column, end_line, end_column, note = _typed(item, list)
    location = Location(path, line, column, end_line, end_column, _text_from_data(note))
    return checked_record(location)  # type: ignore[no-any-return]


def finding_to_json(f: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data; messages keep their template and parameters
    so a cached finding is still shown in the user's language."""
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": to_data(f.message),
        "hint": to_data(f.hint),
        "location": _location_to_json(f.location),
        "related": [_location_to_json(r) for r in f.related],
        "detail": to_data(f.detail),
        "fix": _fix_to_json(f.fix) if f.fix is not None else None,
    }


def _fix_to_json(fix: Fix) -> dict[str, Any]:
    edits = [[e.path, e.line, e.column, e.end_line, e.end_column, e.old, e.new] for e in fix.edits]
    return {"title": to_data(fix.title), "edits": edits, "applicability": fix.applicability.value}


def _fix_from_json(item: Any) -> Fix | None:
    if item is None:
        return None
    _typed(item, dict)
    edits = tuple(Edit(*_typed(row, list)) for row in _typed(item["edits"], list))
    return Fix(_text_from_data(item["title"]), edits, Applicability(_typed(item["applicability"], str)))


def finding_from_json(item: Any) -> Finding:
    """The finding :func:`finding_to_json` wrote (one of DECODE_ERRORS when it is anything else)."""
    _typed(item, dict)
    finding = Finding(
        _typed(item["code"], str),
        _typed(item["name"], str),
        Severity.parse(_typed(item["severity"], str)),
        _text_from_data(item["message"]),
        _location_from_json(item["location"]),
        _text_from_data(item["hint"]),
        tuple(_location_from_json(r) for r in _typed(item["related"], list)),
        {},
        _text_from_data(item["detail"]),
        _fix_from_json(item.get("fix")),
    )
    return checked_record(finding)  # type: ignore[no-any-return]


def findings_from_json(data: Any) -> list[Finding]:
    """A list of stored findings (one of DECODE_ERRORS when the row is not a list of findings)."""
    return [finding_from_json(item) for item in _typed(data, list)]


def _report_to_json(report: Report) -> dict[str, Any]:
    return {
        "checked": report.checked,
        "rules": [[r.code, r.name, r.summary, r.severity.label, r.documentation] for r in report.rules],
        "findings": [finding_to_json(f) for f in report.findings],
        "views": report.views.to_data() if report.views is not None else None,
        "sources": report.sources,
    }


def _report_from_json(data: dict[str, Any]) -> Report:
    findings = findings_from_json(data["findings"])
    rules = []
    for row in _typed(data["rules"], list):
        code, name, summary, sev, doc = _typed(row, list)
        rules.append(checked_record(RuleInfo(code, name, summary, Severity.parse(_typed(sev, str)), doc)))
    checked = [_typed(path, str) for path in _typed(data["checked"], list)]
    views = checked_record(Views.from_data(_typed(data["views"], dict))) if data["views"] is not None else None
    sources = {
        _typed(path, str): {int(_typed(number, str)): _typed(text, str) for number, text in _typed(lines, dict).items()}
        for path, lines in _typed(data["sources"], dict).items()
    }
    return Report(findings=findings, checked=checked, rules=rules, from_cache=True, views=views, sources=sources)
