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
- spends more than ``timeout`` seconds of CPU (a case that loops), or makes no
  progress for ``stalled_after`` seconds (a case blocked on a FIFO or a lock: the
  worker is killed and replaced), or runs out of the memory cap.

Why CPU time and not the clock: the campaign runs for hours on a shared machine,
where a case can wait tens of seconds for a core (one was measured at 22.7 s of
wall time for 0.8 s of work). The wall time is still recorded: the summary lists
every case over ``timeout`` seconds of wall time with its CPU time ("starved"),
so a slow case is never silently forgiven, and a case that blocks without using
the CPU is caught by the progress watch.

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
    cpu_seconds: float = 0.0  # user + system time of the case's CLI runs


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
        started, cpu_started = time.perf_counter(), _cpu()
        runs = [_call(_argv(case), root)]
        if case.cached and case.command == "check":
            runs.append(_call(_argv(case), root))  # from the warm cache
        outcome.seconds = time.perf_counter() - started
        outcome.cpu_seconds = _cpu() - cpu_started
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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """CPU seconds a worker has used so far (Linux /proc; 0 where unreadable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _worker(conn: Connection) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    os.environ.pop("CONTENTLINT_DEBUG", None)
    os.environ["CONTENTLINT_UI_LANG"] = "en"
    while True:
        task = conn.recv()
        if task is None:
            return
        seed, index = task
        try:
            outcome = run_case(seed, index)
        except BaseException as exc:  # the harness itself: report, do not die
            outcome = Outcome(seed, index, "?", "?", False, failure="harness-error", detail=repr(exc)[:300])
        conn.send(outcome)


@dataclass
class Slot:
    process: Any
    conn: Connection
    task: tuple[int, int] | None = None
    started: float = 0.0
    # The progress watch: the worker's CPU seconds when last seen to grow, and when.
    cpu_start: float = 0.0
    cpu_seen: float = 0.0
    progressed: float = 0.0


def _spawn(context: Any) -> Slot:
    parent, child = context.Pipe()
    process = context.Process(target=_worker, args=(child,), daemon=True)
    process.start()
    return Slot(process, parent)


def run_campaign(
    seed: int,
    start: int,
    count: int,
    jobs: int = 2,
    timeout: float = 10.0,
    stalled_after: float = 60.0,
    progress: Any = None,
) -> list[Outcome]:
    """Run cases ``start .. start+count-1``. A case over ``timeout`` CPU seconds
    fails as slow; one whose worker spends more than ``6 * timeout`` CPU seconds,
    or uses no CPU for ``stalled_after`` seconds, is killed as a hang."""
    context = multiprocessing.get_context("fork")
    tasks = [(seed, index) for index in range(start, start + count)]
    tasks.reverse()
    slots = [_spawn(context) for _ in range(max(1, jobs))]
    outcomes: list[Outcome] = []
    while tasks or any(slot.task for slot in slots):
        for slot in slots:
            if slot.task is None and tasks:
                slot.task = tasks.pop()
                slot.started = slot.progressed = time.monotonic()
                slot.cpu_start = slot.cpu_seen = _process_cpu(slot.process.pid)
                slot.conn.send(slot.task)
        ready = multiprocessing.connection.wait([slot.conn for slot in slots if slot.task], timeout=1.0)
        for slot in slots:
            if slot.task is None:
                continue
            if slot.conn in ready:
                outcomes.append(_receive(slot, context, timeout))
                slot.task = None
                if progress:
                    progress(outcomes)
                continue
            hang = _hung(slot, timeout, stalled_after)
            if hang:
                case = make_case(*slot.task)
                outcomes.append(Outcome(*slot.task, case.kind, case.command, case.cached, failure="hang", detail=hang))
                _replace(slot, context)
                slot.task = None
    for slot in slots:
        with contextlib.suppress(OSError, BrokenPipeError):
            slot.conn.send(None)
        slot.process.join(timeout=5)
    return outcomes


def _receive(slot: Slot, context: Any, timeout: float) -> Outcome:
    try:
        outcome: Outcome = slot.conn.recv()
    except EOFError:  # the worker died (a crash in C, or killed by the memory cap)
        assert slot.task is not None
        outcome = Outcome(*slot.task, "?", "?", False, failure="worker-died", detail=str(slot.process.exitcode))
        _replace(slot, context)
    if not outcome.failure and outcome.cpu_seconds > timeout:
        outcome.failure, outcome.detail = "slow", f"{outcome.cpu_seconds:.1f} s of CPU ({outcome.seconds:.1f} s wall)"
    return outcome


def _hung(slot: Slot, timeout: float, stalled_after: float) -> str:
    """Why the slot's case counts as hung ("" while it is working)."""
    now, cpu = time.monotonic(), _process_cpu(slot.process.pid)
    if cpu > slot.cpu_seen + 0.005:
        slot.cpu_seen, slot.progressed = cpu, now
    used = cpu - slot.cpu_start
    if used > 6 * timeout:
        return f"> {6 * timeout:.0f} s of CPU"
    if now - slot.progressed > stalled_after:
        return f"no CPU used for {stalled_after:.0f} s (blocked)"
    return ""


def _replace(slot: Slot, context: Any) -> None:
    slot.process.kill()
    slot.process.join(timeout=5)
    fresh = _spawn(context)
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
        "max_cpu_seconds": round(max((o.cpu_seconds for o in outcomes), default=0.0), 2),
        # Over the limit in wall time only (waiting for a core): [index, wall, CPU].
        "starved": [[o.index, round(o.seconds, 2), round(o.cpu_seconds, 2)] for o in outcomes if o.seconds > 10 and not o.failure],
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
    total["max_cpu_seconds"] = max(part.get("max_cpu_seconds", 0.0) for part in parts)
    total["starved"] = [row for part in parts for row in part.get("starved", [])]
    total["wall_seconds"] = round(sum(part.get("wall_seconds", 0.0) for part in parts), 1)
    total["examples"] = [example for part in parts for example in part["examples"]][:50]
    return total


def dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
