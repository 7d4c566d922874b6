"""Run generated cases through the real CLI in worker processes, and judge them.

A case fails when the CLI

- prints a traceback or "internal error", or a rule crashes (CL900);
- exits with a code its command may not give (check and report: 0 or 1; a
  configuration case, and ``sync mark``, may also exit 2 with a one-line
  reason);
- gives a different answer from its warm result cache than from the cold run
  (cached cases run ``check`` twice);
- changes anything outside the project (an "outside" folder of bait files sits
  beside it, reachable through the case's symlinks);
- takes more than ``timeout`` seconds, or runs past ``kill_after`` (a hang:
  the worker is killed and replaced), or runs out of the memory cap.

A case over ``timeout`` is run a second time at once in the same worker: on a
loaded machine (the campaign runs for hours beside other work) a case can be
starved of CPU. It fails as "slow" only if the second run is over the limit
too; otherwise it counts as "replayed" with both times kept, so a starved
first run is visible in the summary, never silently forgiven.

Each worker caps its address space (``RLIMIT_AS``) so a runaway allocation is
a ``MemoryError`` (an internal error, counted) instead of swapping the machine,
and reports its peak resident size.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import Case, make_case  # noqa: E402

MEMORY_CAP = 3 * 1024**3
OUTSIDE_FILES = {
    "secret.yaml": b"token: s3cr3t-outside\nversion: 1\nid: meeting-survival-kit\n",
    "secret.md": b"---\nid: meeting-survival-kit\nlang: en\n---\nOutside text.\n",
}


@dataclass
class Outcome:
    """What one case did."""

    seed: int
    index: int
    kind: str
    command: str
    cached: bool
    codes: list[int] = field(default_factory=list)
    failure: str = ""  # empty when the case passed
    detail: str = ""
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    description: str = ""
    first_seconds: float = 0.0  # set when the case was over the limit once and replayed


# -- building the project ------------------------------------------------------------------------


def _safe_name(rel: str) -> str:
    """File names longer than the OS allows are cut (the case is about content, not ENAMETOOLONG)."""
    parts = [part.encode("utf-8", "surrogateescape")[:240].decode("utf-8", "ignore") or "_" for part in rel.split("/")]
    return "/".join(parts)


def _write(root: Path, case: Case, outside: Path) -> None:
    for rel, data in case.files.items():
        path = root / _safe_name(rel)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except (IsADirectoryError, NotADirectoryError, FileExistsError):
            continue  # a special took that place
    for rel, kind in case.specials:
        _make_special(root, _safe_name(rel), kind, outside)


def _make_special(root: Path, rel: str, kind: str, outside: Path) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    bait = outside / ("secret.yaml" if rel.endswith((".yaml", "sync")) else "secret.md")
    if kind == "symlink-outside":
        path.symlink_to(bait)
    elif kind == "symlink-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink-loop":
        path.symlink_to(path)
    elif kind == "dangling":
        path.symlink_to(root / "no-such-target")
    elif kind == "dir-as-file":
        if rel in ("content/sync", ".contentlint_cache", "reports"):
            path.write_bytes(b"a file where a folder belongs\n")
        else:
            path.mkdir()
    elif kind == "symlink-dir-outside":
        path.symlink_to(outside)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# -- running the CLI -----------------------------------------------------------------------------


def _argv(case: Case) -> list[str]:
    if case.command == "sync":
        return ["sync", "mark", "--all"]
    tail = [] if case.cached else ["--no-cache"]
    # --links internal: the campaign never touches the network, whatever the fuzzed configuration says.
    if case.command == "report":
        return ["report", "--links", "internal", "--jobs", "1", *tail]
    return ["check", "--format", "json", "--links", "internal", "--jobs", "1", *tail]


def _call(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    from contentlint.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace"), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(previous)
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8", "backslashreplace"), err.getvalue()  # type: ignore[attr-defined]


def _allowed(case: Case, err: str) -> set[int]:
    if case.kind == "config" or case.command == "sync":
        return {0, 1, 2}  # a bad configuration, a pair that cannot be marked: exit 2 with the reason
    if case.command == "report" and "cannot write" in err:
        return {0, 1, 2}  # a reports folder that is a file or a symlink is refused
    return {0, 1}


def _judge(case: Case, runs: list[tuple[int, str, str]]) -> tuple[str, str]:
    for code, out, err in runs:
        if "Traceback" in err or "internal error" in err or "panicked" in err:
            return "internal-error", err.strip().splitlines()[-1][:300] if err.strip() else ""
        if code not in _allowed(case, err):
            return f"exit-{code}", (err.strip() or out.strip())[:300]
        if code == 2 and not err.startswith("contentlint: "):
            return "unexplained-exit-2", err[:300]
        if '"CL900"' in out:
            start = out.find('"CL900"')
            return "rule-crash", out[start : start + 300]
    if len(runs) == 2 and runs[0][:2] != runs[1][:2]:
        return "cache-mismatch", f"cold exit {runs[0][0]}, warm exit {runs[1][0]}"
    return "", ""


def run_case(seed: int, index: int) -> Outcome:
    """Build, run and judge one case in this process."""
    case = make_case(seed, index)
    outcome = Outcome(seed, index, case.kind, case.command, case.cached, description=case.description)
    base = Path(tempfile.mkdtemp(prefix="cl-fuzz-"))
    try:
        root, outside = base / "project", base / "outside"
        root.mkdir()
        outside.mkdir()
        for name, data in OUTSIDE_FILES.items():
            (outside / name).write_bytes(data)
        _write(root, case, outside)
        started = time.perf_counter()
        runs = [_call(_argv(case), root)]
        if case.cached and case.command == "check":
            runs.append(_call(_argv(case), root))  # from the warm cache
        outcome.seconds = time.perf_counter() - started
        gc.collect()  # many runs in one process: free each run's garbage (see pipeline/run.py)
        outcome.codes = [code for code, _, _ in runs]
        outcome.failure, outcome.detail = _judge(case, runs)
        if not outcome.failure and _snapshot(outside) != OUTSIDE_FILES:
            outcome.failure, outcome.detail = "write-outside", str(sorted(_snapshot(outside)))
    finally:
        with contextlib.suppress(OSError):
            _chmod_tree(base)
            shutil.rmtree(base, ignore_errors=True)
    outcome.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


def _chmod_tree(base: Path) -> None:
    for path in base.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


# -- workers -------------------------------------------------------------------------------------


def _run_with_replay(seed: int, index: int, timeout: float) -> Outcome:
    outcome = run_case(seed, index)
    if outcome.failure or outcome.seconds <= timeout:
        return outcome
    again = run_case(seed, index)
    again.first_seconds = outcome.seconds
    return again


def _worker(conn: Connection, timeout: float) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    os.environ.pop("CONTENTLINT_DEBUG", None)
    os.environ["CONTENTLINT_UI_LANG"] = "en"
    while True:
        task = conn.recv()
        if task is None:
            return
        seed, index = task
        try:
            outcome = _run_with_replay(seed, index, timeout)
        except BaseException as exc:  # the harness itself: report, do not die
            outcome = Outcome(seed, index, "?", "?", False, failure="harness-error", detail=repr(exc)[:300])
        conn.send(outcome)


@dataclass
class Slot:
    process: Any
    conn: Connection
    task: tuple[int, int] | None = None
    started: float = 0.0


def _spawn(context: Any, timeout: float) -> Slot:
    parent, child = context.Pipe()
    process = context.Process(target=_worker, args=(child, timeout), daemon=True)
    process.start()
    return Slot(process, parent)


def run_campaign(
    seed: int, start: int, count: int, jobs: int = 2, timeout: float = 10.0, kill_after: float = 60.0,
    progress: Any = None,
) -> list[Outcome]:
    """Run cases ``start .. start+count-1``; a case over ``kill_after`` seconds is killed as a hang."""
    context = multiprocessing.get_context("fork")
    tasks = [(seed, index) for index in range(start, start + count)]
    tasks.reverse()
    slots = [_spawn(context, timeout) for _ in range(max(1, jobs))]
    outcomes: list[Outcome] = []
    while tasks or any(slot.task for slot in slots):
        for slot in slots:
            if slot.task is None and tasks:
                slot.task, slot.started = tasks.pop(), time.monotonic()
                slot.conn.send(slot.task)
        ready = multiprocessing.connection.wait([slot.conn for slot in slots if slot.task], timeout=1.0)
        for slot in slots:
            if slot.task is None:
                continue
            if slot.conn in ready:
                try:
                    outcome = slot.conn.recv()
                except EOFError:  # the worker died (a crash in C, or killed by the memory cap)
                    outcome = Outcome(*slot.task, "?", "?", False, failure="worker-died", detail=str(slot.process.exitcode))
                    _replace(slot, context, timeout)
                if not outcome.failure and outcome.seconds > timeout:
                    outcome.failure, outcome.detail = "slow", f"{outcome.seconds:.1f} s"
                outcomes.append(outcome)
                slot.task = None
                if progress:
                    progress(outcomes)
            elif time.monotonic() - slot.started > kill_after + timeout:
                case = make_case(*slot.task)
                outcomes.append(Outcome(*slot.task, case.kind, case.command, case.cached, failure="hang", detail=f"> {kill_after} s"))
                _replace(slot, context, timeout)
                slot.task = None
    for slot in slots:
        with contextlib.suppress(OSError, BrokenPipeError):
            slot.conn.send(None)
        slot.process.join(timeout=5)
    return outcomes


def _replace(slot: Slot, context: Any, timeout: float) -> None:
    slot.process.kill()
    slot.process.join(timeout=5)
    fresh = _spawn(context, timeout)
    slot.process, slot.conn = fresh.process, fresh.conn


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    """Counts by kind, command, cache use and failure class, and the worst time and memory."""
    failures = [o for o in outcomes if o.failure]
    return {
        "cases": len(outcomes),
        "by_kind": dict(Counter(o.kind for o in outcomes)),
        "by_command": dict(Counter(o.command for o in outcomes)),
        "cached": sum(o.cached for o in outcomes),
        "uncached": sum(not o.cached for o in outcomes),
        "cli_runs": sum(len(o.codes) for o in outcomes),
        "exit_codes": dict(Counter(str(code) for o in outcomes for code in o.codes)),
        "failures": dict(Counter(o.failure for o in failures)),
        "replayed_after_slow": [[o.index, round(o.first_seconds, 2), round(o.seconds, 2)] for o in outcomes if o.first_seconds],
        "indices": _ranges(sorted(o.index for o in outcomes)),
        "max_seconds": round(max((o.seconds for o in outcomes), default=0.0), 2),
        "peak_rss_mb": round(max((o.peak_rss_mb for o in outcomes), default=0.0), 1),
        "examples": [o.__dict__ for o in failures[:50]],
    }


def _ranges(indices: list[int]) -> list[list[int]]:
    """Completed case indices as [first, last] runs: a campaign run in parts can be checked for gaps."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and index == runs[-1][1] + 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return runs


def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary from the summaries of a campaign's parts (same seed, disjoint case ranges)."""
    seeds = {part["seed"] for part in parts}
    if len(seeds) != 1:
        raise ValueError(f"parts of different campaigns (seeds {sorted(seeds)})")
    indices = sorted(i for part in parts for first, last in part["indices"] for i in range(first, last + 1))
    if len(indices) != len(set(indices)):
        raise ValueError("parts overlap: a case was counted twice")
    total: dict[str, Any] = {"seed": seeds.pop(), "parts": len(parts), "indices": _ranges(indices)}
    for key in ("cases", "cached", "uncached", "cli_runs"):
        total[key] = sum(part[key] for part in parts)
    for key in ("by_kind", "by_command", "exit_codes", "failures"):
        counter: Counter[str] = Counter()
        for part in parts:
            counter.update(part[key])
        total[key] = dict(counter)
    total["max_seconds"] = max(part["max_seconds"] for part in parts)
    total["peak_rss_mb"] = max(part["peak_rss_mb"] for part in parts)
    total["replayed_after_slow"] = [row for part in parts for row in part.get("replayed_after_slow", [])]
    total["wall_seconds"] = round(sum(part.get("wall_seconds", 0.0) for part in parts), 1)
    total["examples"] = [example for part in parts for example in part["examples"]][:50]
    return total


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
