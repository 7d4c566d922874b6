"""The pipeline: discover, load, validate, run rules, filter, sort.

Pure stages with typed hand-offs; nothing here prints.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.config import Config
from contentlint.content.documents import DATA_SUFFIXES, GUIDE_SUFFIXES, Document, load_document
from contentlint.errors import UsageError
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.content.library import Library, Pair
from contentlint.report import Report, RuleInfo
from contentlint.rules.base import Rule, Scope
from contentlint.content.read import display_path

if TYPE_CHECKING:
    from contentlint.cache.db import CacheDB
    from contentlint.cache.targets import TargetCache
    from contentlint.content.yamlload import YamlStore

log = logging.getLogger(__name__)
CONTENT_SUFFIXES = GUIDE_SUFFIXES | DATA_SUFFIXES
# Folders that hold tool state or drafts for other tools, never content.
SKIPPED_DIRS = frozenset({".git", "node_modules", "__pycache__", ".contentlint_cache"})


def discover(paths: Sequence[Path], config: Config) -> tuple[list[Path], list[Path], Path]:
    """Files of the library, the files to report on, and the library root."""
    content_root = config.content_root
    if not paths:
        if not content_root.is_dir():
            raise UsageError(
                msg(
                    "content folder {folder} does not exist (set content = ... in [tool.contentlint])",
                    folder=str(content_root),
                )
            )
        files = list(_walk(content_root))
        return files, files, content_root
    resolved = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(msg("{path}: no such file or folder", path=str(path)))
        resolved.append(path)
    targets: list[Path] = []
    for path in resolved:
        targets.extend(_walk(path) if path.is_dir() else [path])
    if all(_inside(p, content_root) for p in resolved):
        return list(_walk(content_root)), targets, content_root
    if len(resolved) == 1 and resolved[0].is_dir():
        return targets, targets, resolved[0].resolve()
    return targets, targets, Path(os.path.commonpath([p.resolve().parent for p in resolved]))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _walk(root: Path) -> Iterable[Path]:
    """Content files under ``root``, sorted; symlinks are never followed out of it."""
    real_root = root.resolve()
    stack = [root]
    found: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name in SKIPPED_DIRS or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if folder == root and entry.name == "sync":
                    continue  # tool-owned sync marks; read by the sync rules
                stack.append(path)
            elif Path(entry.name).suffix.lower() in CONTENT_SUFFIXES:
                if entry.is_symlink() and not _inside(path, real_root):
                    found.append(path)  # reported by load as outside the root
                    continue
                found.append(path)
    return sorted(found)


def load_library(files: Sequence[Path], config: Config, store: YamlStore | None = None) -> list[Document]:
    """Load and validate every file (``store``: YAML parsed in earlier runs)."""
    from contentlint.schema.validate import validate_document
    from contentlint.content.read import LoadProblem

    content_root = config.content_root
    docs = []
    for path in files:
        shown = display_path(path.absolute(), config.root)
        if config.excluded(shown):
            continue
        if path.is_symlink() and not _inside(path, content_root) and _inside(path.parent, content_root):
            doc = Document(path, shown, "guide", None)
            doc.problems.append(
                LoadProblem(
                    "CL001",
                    msg("symbolic link points outside the content folder; not read"),
                    hint=msg("Copy the file into content/ instead of linking to it."),
                )
            )
            docs.append(doc)
            continue
        doc = load_document(path, shown, config.settings.max_file_bytes, store)
        validate_document(doc)
        docs.append(doc)
    return docs


def run_check(
    paths: Sequence[Path],
    config: Config,
    *,
    mentioning: Sequence[str] = (),
    changed_only: bool = False,
    target_cache: bool = False,
) -> Report:
    """Check ``paths`` (default: the content folder) and return the report.

    ``changed_only``: ``paths`` are the changed files (possibly none); the guides
    whose text names a file in ``mentioning`` (deleted files) are checked too.
    ``target_cache``: reuse the stored findings of unchanged files and pairs
    (:mod:`contentlint.cache.targets`).
    """
    if changed_only and not paths:
        files, targets = list(_walk(config.content_root)), []
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
        return _check_loaded(files, targets, config, mentioning, db)
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        if db is not None:
            db.close()


def _open_cache_db(config: Config) -> CacheDB | None:
    import sys

    import ruamel.yaml

    from contentlint.cache.db import CacheDB
    from contentlint.cache.run import CACHE_DIR, package_fingerprint

    db = CacheDB.open(config.root / CACHE_DIR)
    if db is not None:
        db.salt = f"{package_fingerprint()}|{ruamel.yaml.__version__}|{sys.version}"
    return db


def _check_loaded(
    files: list[Path], targets: list[Path], config: Config, mentioning: Sequence[str], db: CacheDB | None
) -> Report:
    documents = load_library(files, config, db)
    gc.freeze()  # the loaded library lives as long as the run: stop rescanning it
    library = Library(documents, config)
    target_set = {p.absolute() for p in targets}
    selected = [d for d in documents if d.path.absolute() in target_set]
    if mentioning:
        chosen = {id(d) for d in selected}
        selected += [d for d in documents if d.text and id(d) not in chosen and any(n in d.text for n in mentioning)]
    selected = _with_counterparts(selected, library)
    rules = _instantiate(config)
    cache = None
    if db is not None:
        from contentlint.cache.targets import TargetCache

        cache = TargetCache.open(config, library, db)
    findings, internal = _run_rules(rules, selected, library, config.settings.jobs, cache)
    findings = _finalize(findings, selected, config)
    return Report(
        findings=findings,
        checked=[d.display for d in selected],
        rules=[_info(rule, config) for rule in rules],
        library=library,
        internal_errors=internal,
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
    for doc in _linking_to(list(chosen.values()), library):
        chosen.setdefault(id(doc), doc)
    return sorted(chosen.values(), key=lambda d: d.display)


def _linking_to(targets: list[Document], library: Library) -> list[Document]:
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


def _instantiate(config: Config) -> list[Rule]:
    from contentlint.rules import registry

    out = []
    for rule_class in registry().rules:
        if rule_class.code in config.enabled:
            out.append(rule_class(config.options.get(rule_class.code)))
    return out


def _info(rule: Rule, config: Config) -> RuleInfo:
    cls = type(rule)
    severity = config.severities.get(cls.code, cls.default_severity)
    return RuleInfo(cls.code, cls.name, cls.summary(), severity, cls.documentation())


# A library at least this large is checked by two processes (see _run_rules).
PARALLEL_MIN_FILES = 400

# One target (a document or a pair) with the rules that check it.
Group = list[tuple[Rule, object]]

# What a forked worker inherits: set just before the fork, read by _worker.
_FORK_STATE: tuple[Library, list[list[tuple[int, Group]]]] | None = None


def _run_rules(
    rules: list[Rule], selected: list[Document], library: Library, jobs: int = 0, cache: TargetCache | None = None
) -> tuple[list[Finding], int]:
    """Run every rule on its targets; in parallel when the library is large.

    File and pair rules are independent per target: a target whose findings
    the target cache holds is not checked again, and the others are split
    between the main process and forked workers (which inherit the parsed
    library: nothing is pickled but the findings coming back). Library rules run
    in the main process. Findings are sorted later, so the output is the same
    whatever the split.
    """
    selected_ids = {id(d) for d in selected}
    pairs = [p for p in library.pairs if id(p.en) in selected_ids or id(p.es) in selected_ids]
    file_rules = [r for r in rules if r.scope is Scope.FILE]
    pair_rules = [r for r in rules if r.scope is Scope.PAIR]
    groups: list[Group] = [[(rule, doc) for rule in file_rules] for doc in selected] if file_rules else []
    groups += [[(rule, pair) for rule in pair_rules] for pair in pairs] if pair_rules else []
    whole: Group = [(rule, library) for rule in rules if rule.scope is Scope.LIBRARY]
    findings: list[Finding] = []
    keys: dict[int, str] = {}
    pending: list[tuple[int, Group]] = []
    stored: dict[str, list[Finding]] = {}
    if cache is not None:
        keys = {index: _target_key(cache, group[0][1], library) for index, group in enumerate(groups)}
        stored = cache.lookup(keys.values())
    for index, group in enumerate(groups):
        if index in keys and keys[index] in stored:
            findings += stored[keys[index]]
        else:
            pending.append((index, group))
    # Files still to check (a pair counts as its share of files); none: no processes to start.
    workers = _worker_count(jobs, len(pending) * len(selected) // max(len(groups), 1)) if pending else 1
    if workers > 1:
        done, internal = _run_parallel(library, pending, whole, workers)
    else:
        done, internal = _run_groups(pending + [(-1, whole)], library)
    for index, found, errors in done:
        findings += found
        if cache is not None and index >= 0 and not errors:
            cache.put(keys[index], found)
    if cache is not None:
        log.info("target cache: %d of %d targets reused, %d checked", len(groups) - len(pending), len(groups), len(pending))
    shown = {d.display for d in selected}
    findings = [f for f in findings if f.location.path in shown or f.code == "CL900"]
    return findings, internal


def _target_key(cache: TargetCache, target: object, library: Library) -> str:
    if isinstance(target, Document):
        return cache.file_key(target, library)
    assert isinstance(target, Pair)
    return cache.pair_key(target.en, target.es)


def _target_documents(target: object) -> list[Document]:
    """The documents a file or pair target reads."""
    if isinstance(target, Pair):
        return [target.en, target.es]
    assert isinstance(target, Document)
    return [target]


def _worker_count(jobs: int, files: int) -> int:
    if jobs == 1 or (jobs == 0 and files < PARALLEL_MIN_FILES):
        return 1
    if os.name != "posix" or "fork" not in __import__("multiprocessing").get_all_start_methods():
        return 1
    return jobs if jobs > 1 else min(os.cpu_count() or 1, 4)


GroupResult = tuple[int, list[Finding], int]


def _run_groups(groups: list[tuple[int, Group]], library: Library) -> tuple[list[GroupResult], int]:
    """Each group's findings and internal-error count, in group order."""
    out: list[GroupResult] = []
    total = 0
    for index, group in groups:
        findings: list[Finding] = []
        internal = 0
        for rule, target in group:
            try:
                findings.extend(rule.check(target, library))
            except Exception as exc:  # a rule bug must not hide other findings
                internal += 1
                findings.append(_internal_error(rule, target, exc))
        out.append((index, findings, internal))
        total += internal
    return out, total


def _run_parallel(
    library: Library,
    pending: list[tuple[int, Group]],
    whole: Group,
    workers: int,
) -> tuple[list[GroupResult], int]:
    import multiprocessing

    global _FORK_STATE
    shares = _shares(pending, workers)
    _FORK_STATE = (library, shares)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers - 1) as pool:
            waiting = pool.map_async(_worker, range(1, workers))
            # The main process takes share 0 and the library-wide rules meanwhile.
            done, internal = _run_groups([*shares[0], (-1, whole)], library)
            for more, errors in waiting.get():
                done += more
                internal += errors
    finally:
        _FORK_STATE = None
    return done, internal


def _shares(pending: list[tuple[int, Group]], workers: int) -> list[list[tuple[int, Group]]]:
    """Split the targets between processes, keeping a pair's targets together.

    Both files of a pair and the pair itself go to one process: their parsed
    blocks, alignment and facts are memoized per process, so splitting them
    would parse and align the same guides twice. Buckets go, largest first, to
    the process with the least text so far.
    """
    buckets: dict[object, list[tuple[int, Group]]] = {}
    sizes: dict[object, int] = {}
    for item in pending:
        target = item[1][0][1]
        docs = _target_documents(target)
        affinity: object = docs[0].doc_id or id(target)  # a pair and its files share the id
        buckets.setdefault(affinity, []).append(item)
        sizes[affinity] = sizes.get(affinity, 0) + sum(len(d.text or "") for d in docs)
    shares: list[list[tuple[int, Group]]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for affinity in sorted(buckets, key=lambda key: -sizes[key]):
        least = loads.index(min(loads))
        shares[least].extend(buckets[affinity])
        loads[least] += sizes[affinity]
    return shares


def _worker(share: int) -> tuple[list[GroupResult], int]:
    assert _FORK_STATE is not None
    library, shares = _FORK_STATE
    return _run_groups(shares[share], library)


def _internal_error(rule: Rule, target: object, exc: Exception) -> Finding:
    log.exception("rule %s failed", rule.code)
    path = getattr(target, "display", None) or getattr(getattr(target, "en", None), "display", "(library)")
    return Finding(
        "CL900",
        "internal-error",
        Severity.ERROR,
        msg(
            "rule {code} ({name}) failed: {error}: {detail}",
            code=rule.code,
            name=rule.name,
            error=type(exc).__name__,
            detail=str(exc),
        ),
        Location(path, 1, 1),
        msg("This is a contentlint bug; please report it with the file. Other checks still ran."),
    )


def _finalize(findings: list[Finding], selected: list[Document], config: Config) -> list[Finding]:
    from contentlint.rules import registry
    from contentlint.pipeline.suppressions import (
        apply_suppressions,
        parse_directives,
        unused_findings,
    )

    reg = registry()
    out = []
    for finding in findings:
        severity = config.severities.get(finding.code)
        if severity is not None and severity != finding.severity:
            finding = dataclasses.replace(finding, severity=severity)
        ignored = config.ignored_for(finding.location.path)
        if finding.code != "CL900" and any(_matches(i, finding) for i in ignored):
            continue
        out.append(finding)
    directives = {}
    for doc in selected:
        found, invalid = parse_directives(doc, reg)
        if found:
            directives[doc.display] = found
        if "CL010" in config.enabled:
            out.extend(invalid)
    out = apply_suppressions(out, directives, reg)
    if "CL011" in config.enabled:
        out.extend(unused_findings(directives))
    unique = {(*f.sort_key, f.severity): f for f in out}
    return sorted(unique.values(), key=lambda f: f.sort_key)


def _matches(pattern: str, finding: Finding) -> bool:
    return pattern.lower() == finding.name or finding.code.startswith(pattern.upper())
