"""The pipeline of one run: discover, load, select rules, schedule, finalize.

Pure stages with typed hand-offs (:mod:`.discover`, :mod:`.load`,
:mod:`.selection`, :mod:`.schedule`, :mod:`.finalize`); nothing here prints.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.config.settings import Config
from contentlint.content.documents import Document
from contentlint.content.library import Library, Pair
from contentlint.context import Project, RunContext
from contentlint.findings import Finding
from contentlint.pipeline.discover import discover, walk
from contentlint.pipeline.finalize import finalize
from contentlint.pipeline.load import load_library
from contentlint.pipeline.schedule import run_rules
from contentlint.pipeline.selection import instantiate, rule_info
from contentlint.pipeline.views import build_views, source_lines
from contentlint.report import Report

if TYPE_CHECKING:
    from contentlint.cache.db import CacheDB

def run_check(
    paths: Sequence[Path],
    config: Config,
    *,
    mentioning: Sequence[str] = (),
    changed_only: bool = False,
    target_cache: bool = False,
    views: bool = False,
    cached_links: bool = False,
) -> Report:
    """Check ``paths`` (default: the content folder) and return the report.

    ``changed_only``: ``paths`` are the changed files (possibly none); the guides
    whose text names a file in ``mentioning`` (deleted files) are checked too.
    ``target_cache``: reuse the stored findings of unchanged files and pairs
    (:mod:`contentlint.cache.targets`). ``views``: also compute what the editor's
    report shows (:mod:`contentlint.pipeline.views`). ``cached_links``: the
    external-link rules answer from the link cache alone (``contentlint fix``).
    """
    if changed_only and not paths:
        files, targets = list(walk(config.content_root)), list[Path]()
    else:
        files, targets, _root = discover(paths, config)
    db = _open_cache_db(config) if target_cache else None
    # A run allocates millions of small, long-lived objects (documents, blocks,
    # memoized facts) that the collector's default thresholds rescan over and
    # over (measured: 8-9 % of a large run, 2 % after this). Collections are made
    # rarer for the run and the loaded library is frozen; both are undone at the
    # end, so a long-lived caller (the tests, an editor) collects it as usual.
    thresholds = gc.get_threshold()
    gc.set_threshold(20_000, 20, 20)
    try:
        return _check_loaded(files, targets, config, mentioning, db, views, cached_links)
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        # Unfrozen objects land in the oldest generation without counting towards
        # its next collection, so a caller that runs many checks in one process
        # grows by each run's garbage (0.33 MB a run on one pair; the fuzz campaign
        # reached 938 MB after 2,250 runs) until it calls gc.collect() itself, as
        # the fuzz harness does after each case. Not here: the full collection
        # costs a one-shot CLI run 35 ms (10 % of a pre-commit run) for memory the
        # process is about to give back.
        if db is not None:
            db.close()


def _open_cache_db(config: Config) -> CacheDB | None:
    import sys

    from contentlint.cache.db import CacheDB
    from contentlint.cache.run import CACHE_DIR, package_fingerprint

    db = CacheDB.open(config.root / CACHE_DIR)
    if db is not None:
        # The parser's installed files, not its imported version: a run whose YAML
        # all comes from the cache never imports ruamel.yaml.
        db.salt = f"{package_fingerprint()}|{installed_stamp('ruamel.yaml')}|{sys.version}"
    return db


def installed_stamp(package: str) -> str:
    """Where a package is installed and when its ``__init__`` was written, without
    importing it: a reinstall or an upgrade changes the stamp."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
    except (ImportError, ValueError, OSError):
        return f"{package}:unknown"
    if origin is None or info is None:
        return f"{package}:unknown"
    return f"{origin}:{info.st_size}:{info.st_mtime_ns}"


def _memo_key(db: CacheDB) -> str:
    return f"locale-data|{db.salt}|{installed_stamp('babel')}"


def _recall_locale_data(db: CacheDB) -> set[str]:
    """Hand the CLDR data an earlier run kept to the fact extractor (see
    :func:`contentlint.facts.extract.remember_locale_data`); the locales it had."""
    import json

    from contentlint.facts.extract import remember_locale_data

    stored = db.get("memo", _memo_key(db))
    try:
        data = json.loads(stored) if isinstance(stored, str) else None
    except (ValueError, RecursionError):
        return set()  # a row that does not decode is a miss
    return remember_locale_data(data)


def _keep_locale_data(db: CacheDB, recalled: set[str]) -> None:
    """Store the CLDR data for the next run when this run read more from babel."""
    import json

    from contentlint.facts.extract import known_locale_data

    known = known_locale_data()
    if set(known) - recalled:
        db.put("memo", _memo_key(db), json.dumps(known, ensure_ascii=False, sort_keys=True))


def _check_loaded(
    files: list[Path], targets: list[Path], config: Config, mentioning: Sequence[str], db: CacheDB | None,
    views: bool, cached_links: bool = False,
) -> Report:
    documents = load_library(files, config, db)
    gc.freeze()  # the loaded library lives as long as the run: stop rescanning it
    library = Library(documents)
    target_set = {p.absolute() for p in targets}
    selected = [d for d in documents if d.path.absolute() in target_set]
    if mentioning:
        chosen = {id(d) for d in selected}
        selected += [d for d in documents if d.text and id(d) not in chosen and any(n in d.text for n in mentioning)]
    selected = _with_counterparts(selected, library)
    project = Project(config.root, config.content_root, online=config.settings.links == "external",
                      cached_links=cached_links)
    ctx = RunContext(library, project, tuple(selected))
    rules = instantiate(config)
    cache = None
    if db is not None:
        from contentlint.cache.targets import TargetCache

        cache = TargetCache.open(config, library, db)
        ctx.store = cache  # per-pair analyses a library rule needs of every pair (PR045)
    recalled = _recall_locale_data(db) if db is not None else set()
    findings, internal = run_rules(rules, selected, ctx, config.settings.jobs, cache)
    if db is not None:
        _keep_locale_data(db, recalled)
    findings = finalize(findings, selected, config)
    return Report(
        findings=findings,
        checked=[d.display for d in selected],
        rules=[rule_info(rule, config) for rule in rules],
        internal_errors=internal,
        views=build_views(findings, selected, ctx, config) if views else None,
        sources=source_lines(findings, documents),
    )


def _with_counterparts(selected: list[Document], library: Library) -> list[Document]:
    """Bring in what a changed file can break: its translation and the guides linking to it.

    pre-commit passes only staged files; a pair check needs both files, and a
    renamed or edited guide can break the links of guides that were not touched.
    """
    chosen = {id(d): d for d in selected}
    if len(chosen) == len(library.documents):
        return sorted(chosen.values(), key=lambda d: d.display)
    for doc in list(chosen.values()):
        other = library.counterpart(doc)
        if other is not None:
            chosen.setdefault(id(other), other)
    for doc in linking_to(list(chosen.values()), library):
        chosen.setdefault(id(doc), doc)
    for doc in _generated_from(list(chosen.values()), library):
        chosen.setdefault(id(doc), doc)
    return sorted(chosen.values(), key=lambda d: d.display)


def _generated_from(targets: list[Document], library: Library) -> list[Document]:
    """The generated pages (Glossary, Acronym Decoder) when a data file they are made
    from is a target: an edited term makes them stale, and ST020 must see them."""
    from contentlint.schema.pages import SPEC_BY_SOURCE

    if not any(t.kind == "data" and t.front.get("type") in SPEC_BY_SOURCE for t in targets):
        return []
    # Every page reads both files (the Glossary names short forms, the Decoder links terms).
    return [doc for doc in library.guides if isinstance(doc.front.get("generated_from"), str)]


def linking_to(targets: list[Document], library: Library) -> list[Document]:
    """Guides with a link that resolves to one of ``targets``."""
    from contentlint.content.library import outgoing_links

    wanted = {id(t) for t in targets}
    # A cheap text test first, so only plausible guides get their body parsed.
    needles = {t.path.name for t in targets} | {f"{t.doc_id}" for t in targets if t.doc_id}
    found = []
    for doc in library.guides:
        if id(doc) in wanted or not doc.text or not any(n in doc.text for n in needles):
            continue
        for link in outgoing_links(doc):
            target = library.resolve_href(doc, link.href)
            if target is not None and id(target) in wanted:
                found.append(doc)
                break
    return found


# What `sync mark` records: the findings it clears, never a reason to refuse it.
SYNC_STATE_CODES = frozenset({"PR020", "PR021", "PR022", "PR023", "PR024", "PR025"})


def open_pair_findings(ctx: RunContext, config: Config, pair: Pair) -> list[Finding]:
    """The findings of the enabled pair rules (the ``pairs`` family) on one pair's two
    files, with the configured severities, ignores and suppressions; the sync-state
    findings a mark clears are left out (``sync mark`` refuses while an error is open)."""
    rules = [r for r in instantiate(config) if r.groups[0] == "pairs" and r.code not in SYNC_STATE_CODES]
    codes = {r.code for r in rules}
    findings, _internal = run_rules(rules, [pair.en, pair.es], ctx, jobs=1)
    shown = {pair.en.display, pair.es.display}
    return [f for f in finalize(findings, [pair.en, pair.es], config)
            if f.code in codes and f.location.path in shown]


def load_context(config: Config) -> RunContext:
    """The whole content folder loaded into a run context (for commands other than ``check``)."""
    files, _targets, _root = discover([], config)
    library = Library(load_library(files, config))
    project = Project(config.root, config.content_root, online=config.settings.links == "external")
    return RunContext(library, project, tuple(library.documents))
