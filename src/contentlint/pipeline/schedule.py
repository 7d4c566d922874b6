"""Scheduling: every rule on its targets, in one process or several, with the target cache.

File and pair rules are independent per target: a target whose findings the
target cache holds is not checked again, and the others are split between the
main process and forked workers (which inherit the parsed library and the run
context: nothing is pickled but the findings coming back). Library-scope rules
run once, in the main process. Findings are sorted later, so the output is the
same whatever the split.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from contentlint.content.documents import Document
from contentlint.content.library import Pair
from contentlint.errors import is_crash, log_info
from contentlint.findings import Finding, Location, Severity
from contentlint.i18n import msg
from contentlint.rules.base import Rule, Scope

if TYPE_CHECKING:
    from contentlint.cache.targets import TargetCache
    from contentlint.context import RunContext


# A library at least this large is checked by two processes (see run_rules).
PARALLEL_MIN_FILES = 400

# One target (a document or a pair) with the rules that check it.
Group = list[tuple[Rule, object]]

# What a forked worker inherits: set just before the fork, read by _worker.
_FORK_STATE: tuple[RunContext, list[list[tuple[int, Group]]]] | None = None


def run_rules(
    rules: list[Rule], selected: list[Document], ctx: RunContext, jobs: int = 0, cache: TargetCache | None = None
) -> tuple[list[Finding], int]:
    """Run every rule on its targets; in parallel when the library is large (see the module docstring)."""
    library = ctx.library
    selected_ids = {id(d) for d in selected}
    pairs = [p for p in library.pairs if id(p.en) in selected_ids or id(p.es) in selected_ids]
    file_rules = [r for r in rules if r.scope is Scope.FILE]
    pair_rules = [r for r in rules if r.scope is Scope.PAIR]
    groups: list[Group] = [[(rule, doc) for rule in _file_rules_for(doc, file_rules)] for doc in selected]
    groups = [group for group in groups if group]
    groups += [[(rule, pair) for rule in pair_rules] for pair in pairs] if pair_rules else []
    whole: Group = [(rule, library) for rule in rules if rule.scope is Scope.LIBRARY]
    findings: list[Finding] = []
    keys: dict[int, str] = {}
    pending: list[tuple[int, Group]] = []
    stored: dict[str, list[Finding]] = {}
    if cache is not None:
        keys = {index: _target_key(cache, group[0][1], ctx) for index, group in enumerate(groups)}
        stored = cache.lookup(keys.values())
    for index, group in enumerate(groups):
        if index in keys and keys[index] in stored:
            findings += stored[keys[index]]
        else:
            pending.append((index, group))
    # Files still to check (a pair counts as its share of files); none: no processes to start.
    workers = _worker_count(jobs, len(pending) * len(selected) // max(len(groups), 1)) if pending else 1
    if workers > 1:
        done, internal = _run_parallel(ctx, pending, whole, workers)
    else:
        done, internal = _run_groups([*pending, (-1, whole)], ctx)
    for index, found, errors in done:
        findings += found
        if cache is not None and index >= 0 and not errors:
            cache.put(keys[index], found)
    if cache is not None:
        log_info(
            __name__, "target cache: %d of %d targets reused, %d checked",
            len(groups) - len(pending), len(groups), len(pending),
        )
    shown = {d.display for d in selected}
    findings = [f for f in findings if f.location.path in shown or f.code == "CL900"]
    return findings, internal


# The families whose file rules still run on an unsound guide (front matter unreadable or
# contradicting its folder): they report the root cause. The others would judge the
# guide by a language or an id it may not have, a cascade of findings with one cause.
ROOT_CAUSE_FAMILIES = frozenset({"core", "schema"})


def _file_rules_for(doc: Document, file_rules: list[Rule]) -> list[Rule]:
    if doc.kind != "guide" or doc.sound:
        return file_rules
    return [rule for rule in file_rules if rule.groups[0] in ROOT_CAUSE_FAMILIES]


def _target_key(cache: TargetCache, target: object, ctx: RunContext) -> str:
    if isinstance(target, Document):
        return cache.file_key(target, ctx.library)
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


def _run_groups(groups: list[tuple[int, Group]], ctx: RunContext) -> tuple[list[GroupResult], int]:
    """Each group's findings and internal-error count, in group order."""
    out: list[GroupResult] = []
    total = 0
    for index, group in groups:
        findings: list[Finding] = []
        internal = 0
        for rule, target in group:
            try:
                findings.extend(rule.check(target, ctx))
            except BaseException as exc:  # a rule bug must not hide other findings
                if not is_crash(exc):
                    raise
                internal += 1
                findings.append(_internal_error(rule, target, exc))
        out.append((index, findings, internal))
        total += internal
    return out, total


def _run_parallel(
    ctx: RunContext,
    pending: list[tuple[int, Group]],
    whole: Group,
    workers: int,
) -> tuple[list[GroupResult], int]:
    import multiprocessing

    global _FORK_STATE
    shares = _shares(pending, workers)
    _FORK_STATE = (ctx, shares)
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers - 1) as pool:
            waiting = pool.map_async(_worker, range(1, workers))
            # The main process takes share 0 and the library-wide rules meanwhile.
            done, internal = _run_groups([*shares[0], (-1, whole)], ctx)
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
    ctx, shares = _FORK_STATE
    return _run_groups(shares[share], ctx)


def _internal_error(rule: Rule, target: object, exc: BaseException) -> Finding:
    import logging  # a crashed rule is rare; its traceback goes to a configured log

    logging.getLogger(__name__).exception("rule %s failed", rule.code)
    # A document's file, a pair's English file; the library has none.
    path = getattr(target, "display", None) or getattr(getattr(target, "en", None), "display", None) or "(library)"
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
