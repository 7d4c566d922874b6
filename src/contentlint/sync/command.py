"""``contentlint sync mark|status``: record and list English/Spanish sync state.

``mark`` writes ``content/sync/<id>.yaml`` (see :mod:`contentlint.sync.store`)
after someone checked that the Spanish guide matches the English one.
``status`` lists every pair whose English changed since its mark, or that
was never marked; it exits 1 when there is any, 0 when all pairs are in sync,
2 on a usage or configuration error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contentlint.library import Library, Pair
    from contentlint.sync.staleness import SyncState

EXIT_CLEAN, EXIT_STALE, EXIT_ERROR = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``contentlint sync``."""
    sub = parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    status = sub.add_parser(
        "status", help="list Spanish guides whose English changed since the last mark (exit 1 if any)"
    )
    status.add_argument("guide", nargs="*", help="guide ids or paths (default: every pair)")
    status.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    mark = sub.add_parser("mark", help="record that a Spanish guide matches its English now")
    mark.add_argument("guide", nargs="*", help="a guide id, or the path of its English or Spanish file")
    mark.add_argument("--all", action="store_true", help="mark every English/Spanish pair")


def run(args: argparse.Namespace) -> int:
    """Load the library and run ``mark`` or ``status``."""
    from contentlint.config import ConfigError, load_config
    from contentlint.engine import UsageError, discover, load_library
    from contentlint.library import Library

    try:
        config = load_config(Path.cwd())
        files, _targets, _root = discover([], config)
        library = Library(load_library(files, config), config)
        pairs = _select(library, args.guide, getattr(args, "all", False) or args.sync_command == "status")
    except (ConfigError, UsageError) as exc:
        sys.stderr.write(f"contentlint: error: {exc}\n")
        return EXIT_ERROR
    if args.sync_command == "mark":
        return _mark(library, pairs)
    return _status(library, pairs, args.format)


def _select(library: Library, names: list[str], default_all: bool) -> list[Pair]:
    """The pairs named by id or path (every pair when none is named and ``default_all``)."""
    from contentlint.engine import UsageError

    if not names:
        if default_all:
            return list(library.pairs)
        raise UsageError("name a guide id or path, or use --all")
    by_id = {pair.doc_id: pair for pair in library.pairs}
    chosen: list[Pair] = []
    for name in names:
        doc_id = _guide_id(library, name)
        pair = by_id.get(doc_id or "")
        if pair is None:
            raise UsageError(_why_unpaired(library, name, doc_id))
        if pair not in chosen:
            chosen.append(pair)
    return chosen


def _guide_id(library: Library, name: str) -> str | None:
    path = Path(name)
    if path.suffix.lower() in (".md", ".markdown") or os.sep in name or "/" in name:
        doc = library.by_path.get(path.resolve())
        return doc.doc_id if doc is not None else None
    return name


def _why_unpaired(library: Library, name: str, doc_id: str | None) -> str:
    if doc_id is None:
        return f"{name}: not a guide of the content folder"
    english = library.by_id.get((doc_id, "en"), [])
    spanish = library.by_id.get((doc_id, "es"), [])
    if not english and not spanish:
        return f"{name}: no guide has this id"
    if len(english) > 1 or len(spanish) > 1:
        return f"{name}: more than one guide per language has id {doc_id!r} (see PR003)"
    missing = "Spanish" if english else "English"
    return f"{name}: guide {doc_id!r} has no {missing} guide, so there is nothing to sync"


def _now() -> str:
    """UTC time of the mark; SOURCE_DATE_EPOCH makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    )
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _mark(library: Library, pairs: list[Pair]) -> int:
    from contentlint.sources import display_path
    from contentlint.sync.align import pair_alignment
    from contentlint.sync.store import block_entry, digest, sync_path, write_sync_file

    root = library.config.root
    for pair in pairs:
        alignment = pair_alignment(pair, library)
        entries = [block_entry(info, alignment.counterpart(i)) for i, info in enumerate(alignment.en)]
        path = sync_path(pair.en)
        updated = write_sync_file(
            path, pair.doc_id, pair.en.display, pair.es.display, _now(), entries, digest(alignment.en)
        )
        verb = "updated" if updated else "wrote"
        sys.stdout.write(f"{verb} {display_path(path, root)}: {len(entries)} English blocks marked in sync\n")
        missing = len(alignment.missing) if alignment.confident else len(entries)
        if missing:
            sys.stderr.write(
                f"note: {pair.es.display} has no counterpart for {missing} English block(s); "
                "`contentlint check` keeps reporting them (PR010/PR013)\n"
            )
    return EXIT_CLEAN


def _status(library: Library, pairs: list[Pair], output: str) -> int:
    from contentlint.sync.staleness import sync_state

    states = [(pair, sync_state(pair, library)) for pair in pairs]
    rows = [_row(library, pair, state) for pair, state in states]
    orphans = _orphan_sync_files(library)
    if output == "json":
        document = {"version": 1, "pairs": rows, "orphan_sync_files": orphans, "summary": _summary(rows)}
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    else:
        _write_text(rows, orphans)
    return EXIT_STALE if any(row["status"] != "synced" for row in rows) else EXIT_CLEAN


def _row(library: Library, pair: Pair, state: SyncState) -> dict[str, Any]:
    from contentlint.sources import display_path
    from contentlint.sync.align import pair_alignment
    from contentlint.sync.describe import describe
    from contentlint.sync.staleness import spanish_index

    alignment = pair_alignment(pair, library)
    changes = []
    for change in state.changes:
        es_index = spanish_index(change, alignment)
        info = change.info
        changes.append(
            {
                "kind": change.kind,
                "en_line": info.block.line if info else None,
                "es_line": alignment.es[es_index].block.line if es_index is not None else None,
                "block": describe(info) if info else f"{change.mark.kind if change.mark else 'block'} “{_cut(change.mark.text if change.mark else '')}”",
                "diff": change.diff(),
            }
        )
    return {
        "id": pair.doc_id,
        "en": pair.en.display,
        "es": pair.es.display,
        "status": state.status,
        "sync_file": display_path(state.path, library.config.root),
        "synced": state.synced,
        "error": state.error,
        "changes": changes,
    }


def _cut(text: str) -> str:
    from contentlint.sync.text import snippet

    return snippet(text)


def _summary(rows: list[dict[str, Any]]) -> dict[str, int]:
    out = {"pairs": len(rows), "synced": 0, "stale": 0, "never": 0, "invalid": 0}
    for row in rows:
        out[row["status"]] += 1
    return out


def _orphan_sync_files(library: Library) -> list[str]:
    """Sync files whose id has no pair (the guide was renamed or removed)."""
    from contentlint.sources import display_path

    folder = library.config.content_root / "sync"
    if not folder.is_dir():
        return []
    ids = {pair.doc_id for pair in library.pairs}
    return [
        display_path(path, library.config.root) for path in sorted(folder.glob("*.yaml")) if path.stem not in ids
    ]


_LABELS = {"kind": {"text": "words changed", "facts": "facts changed", "added": "added", "removed": "removed"}}


def _write_text(rows: list[dict[str, Any]], orphans: list[str]) -> None:
    out = sys.stdout
    for row in rows:
        if row["status"] == "synced":
            continue
        if row["status"] == "never":
            out.write(f"{row['es']}: never marked in sync ({row['sync_file']} does not exist)\n")
            continue
        if row["status"] == "invalid":
            out.write(f"{row['es']}: {row['sync_file']} cannot be used: {row['error']}\n")
            continue
        out.write(f"{row['es']}: stale, {len(row['changes'])} English change(s) since {row['synced'] or 'the mark'}\n")
        for change in row["changes"]:
            where = f"{row['es']}:{change['es_line']}" if change["es_line"] else "(no Spanish block)"
            english = f" (English line {change['en_line']})" if change["en_line"] else ""
            out.write(f"  {where}: {change['block']}: {_LABELS['kind'][change['kind']]}{english}\n")
            for line in change["diff"].splitlines():
                out.write(f"      {line}\n")
    for orphan in orphans:
        out.write(f"note: {orphan} belongs to no English/Spanish pair; delete it if the guide is gone\n")
    summary = _summary(rows)
    if summary["pairs"] == summary["synced"]:
        out.write(f"All {summary['pairs']} pair(s) in sync.\n")
    else:
        out.write(
            f"{summary['stale']} stale, {summary['never']} never marked, {summary['invalid']} unusable, "
            f"{summary['synced']} in sync ({summary['pairs']} pair(s)).\n"
        )
