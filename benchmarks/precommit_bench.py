"""The everyday pre-commit: one edited pair of the bundled library, caches warm.

Not a test: prints the wall time of ``contentlint check EN ES`` in a new process
(as the pre-commit hook runs it) after an edit of the pair, with the caches of
the run before warm, and checks that it reports the same findings as a full
check of the library has for the files it checked. Then the same with
``check --daemon`` (a warm daemon, its own runtime folder, stopped at the end),
checking that each served run prints exactly what a run in the process prints.
``--profile`` also prints where the time goes (``python -X importtime`` and
cProfile of one run in the process).

Run: .venv/bin/python benchmarks/precommit_bench.py [--runs 15] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bytecode import compile_package

TARGET_SECONDS = 0.35
PAIR = ("content/en/what-to-do-if-the-school-denies-an-iep.md", "content/es/que-hacer-si-la-escuela-niega-un-iep.md")


def _project(folder: Path) -> Path:
    """A copy of the bundled library as a project."""
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    return folder


SOURCE = ROOT / "src"  # --src: another checkout's code, to compare revisions on the same machine


RUNTIME: str = ""  # the daemon's runtime folder (XDG_RUNTIME_DIR), private to this benchmark


def _environment() -> dict[str, str]:
    """The measured code (this checkout's unless --src), whatever the current folder."""
    env = {**os.environ, "PYTHONPATH": str(SOURCE), "NO_COLOR": "1", "CI": ""}
    return {**env, "XDG_RUNTIME_DIR": RUNTIME} if RUNTIME else env


def _edit(project: Path, run: int) -> None:
    """A new sentence at the end of both guides of the pair, another each run (as a
    writer's edit), so neither the result cache nor the per-file cache can answer
    for the pair; the 12 guides linking to it are unchanged (their findings cached)."""
    english, spanish = (project / name for name in PAIR)
    with english.open("a", encoding="utf-8") as handle:
        handle.write(f"\nKeep a copy of letter {run} in your binder.\n")
    with spanish.open("a", encoding="utf-8") as handle:
        handle.write(f"\nGuarde una copia de la carta {run} en su carpeta.\n")


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "contentlint", *args]


def _time_precommit(
    project: Path, runs: int, first: int = 0, extra: tuple[str, ...] = ()
) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of each run. On a shared machine the CPU
    time is the steadier number: the wall time also counts waiting for a core.
    With ``--daemon`` the CPU time is the client's only (the daemon's worker is
    not a child of the run)."""
    walls, cpus = [], []
    env = _environment()
    for run in range(first, first + runs):
        _edit(project, run)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(_command("check", *extra, *PAIR), cwd=project, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def _same_findings(project: Path) -> tuple[bool, int]:
    """With findings planted in the pair (an impossible date, a changed step
    number), the pre-commit run reports exactly the full check's findings for the
    files it checked (the pair and the guides linking to it)."""
    env = _environment()
    spanish = project / PAIR[1]
    original = spanish.read_text(encoding="utf-8")
    spanish.write_text(original.replace("updated: 2026-11-20", "updated: 2026-02-30", 1)
                       .replace("\n5. **Solicite", "\n6. **Solicite", 1), encoding="utf-8")
    try:
        partial = subprocess.run(_command("check", "--format", "json", *PAIR), cwd=project, env=env,
                                 capture_output=True, text=True, check=False)
        full = subprocess.run(_command("check", "--no-cache", "--format", "json"), cwd=project, env=env,
                              capture_output=True, text=True, check=False)
        checked = subprocess.run(
            [sys.executable, "-c", _CHECKED, *PAIR], cwd=project, env=env, capture_output=True, text=True, check=True
        ).stdout.split()
    finally:
        spanish.write_text(original, encoding="utf-8")
    mine = json.loads(partial.stdout)["findings"]
    theirs = [f for f in json.loads(full.stdout)["findings"] if f["path"] in checked]
    return bool(mine) and mine == theirs, len(mine)


# The files a run on the pair checks (the JSON report counts them but does not list them).
_CHECKED = """
import sys
from pathlib import Path
from contentlint.pipeline.run import run_check
from contentlint.pipeline.selection import load_resolved
report = run_check([Path(p) for p in sys.argv[1:]], load_resolved(Path.cwd()))
print("\\n".join(report.checked))
"""


def _served_like_alone(project: Path) -> bool:
    """With findings planted in the pair, ``check --daemon`` prints exactly what a
    run in the process prints (text and JSON), and the daemon did serve it."""
    env = _environment()
    spanish = project / PAIR[1]
    original = spanish.read_text(encoding="utf-8")
    spanish.write_text(original.replace("\n5. **Solicite", "\n6. **Solicite", 1), encoding="utf-8")
    try:
        same = True
        for form in ("text", "json"):
            served, alone = (subprocess.run(_command("check", *how, "--format", form, *PAIR), cwd=project,
                                            env=env, capture_output=True, text=True, check=False)
                             for how in (("--daemon",), ("--no-cache",)))
            same = same and (served.returncode, served.stdout) == (alone.returncode, alone.stdout)
    finally:
        spanish.write_text(original, encoding="utf-8")
    status = subprocess.run(_command("daemon", "status"), cwd=project, env=env, capture_output=True, text=True,
                            check=False)
    return same and "(0 runs;" not in status.stdout


def _time_daemon(project: Path, runs: int) -> tuple[list[float], list[float], bool]:
    """The pre-commit run with ``--daemon``, the daemon warm; and whether its output
    is the in-process run's."""
    env = _environment()
    subprocess.run(_command("daemon", "start", "--idle", "300"), cwd=project, env=env, capture_output=True,
                   check=True)
    try:
        deadline = time.monotonic() + 60
        while subprocess.run(_command("daemon", "status"), cwd=project, env=env, capture_output=True,
                             check=False).returncode != 0:
            if time.monotonic() > deadline:
                raise SystemExit("the daemon did not answer within 60 s")
            time.sleep(0.2)
        _time_precommit(project, 3, 20_000, ("--daemon",))  # its first runs, as the hook's
        walls, cpus = _time_precommit(project, runs, 30_000, ("--daemon",))
        same = _served_like_alone(project)
    finally:
        subprocess.run(_command("daemon", "stop"), cwd=project, env=env, capture_output=True, check=False)
    return walls, cpus, same


def _profile(project: Path) -> None:
    env = _environment()
    _edit(project, 2000)
    imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "contentlint", "check", *PAIR], cwd=project,
                             env=env, capture_output=True, text=True, check=False)
    rows = []
    for line in imports.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            rows.append((int(parts[1].strip()), parts[2].rstrip()))
    print("\nslowest imports (cumulative, ms):")
    for cumulative, name in sorted(rows, reverse=True)[:25]:
        print(f"  {cumulative / 1000:7.1f}  {name}")
    _edit(project, 2001)
    out = project / "profile.out"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "contentlint", "check", *PAIR],
                   cwd=project, env=env, capture_output=True, check=False)
    import pstats

    print("\ncProfile, cumulative (top 40):")
    pstats.Stats(str(out)).sort_stats("cumulative").print_stats(40)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", action="store_true", help="also show where the time goes")
    parser.add_argument("--src", type=Path, help="measure the contentlint package in this src folder instead")
    parser.add_argument("--no-daemon", action="store_true", help="measure only the run in the process")
    args = parser.parse_args()
    global SOURCE, RUNTIME
    if args.src:
        SOURCE = args.src.resolve()
        os.environ["PYTHONPATH"] = str(SOURCE)  # compile_package compiles it too
    compile_package()
    # A short folder of its own for the daemon's socket (paths are limited to ~100 bytes).
    with tempfile.TemporaryDirectory() as temp, tempfile.TemporaryDirectory(prefix="clb", dir="/tmp") as runtime:
        RUNTIME = runtime
        project = _project(Path(temp))
        env = _environment()
        subprocess.run(_command("check"), cwd=project, env=env, capture_output=True, check=False)  # warm caches
        _time_precommit(project, 3, 10_000)  # warm the OS file cache
        times, cpus = _time_precommit(project, args.runs)
        same, count = _same_findings(project)
        median = statistics.median(times)
        print(f"pre-commit, one edited pair, caches warm: median {median:.3f} s wall, min {min(times):.3f} s; "
              f"CPU median {statistics.median(cpus):.3f} s, min {min(cpus):.3f} s "
              f"({args.runs} runs; target <= {TARGET_SECONDS} s wall {'met' if median <= TARGET_SECONDS else 'NOT met'})")
        print(f"same findings as a full check of those files: {'yes' if same else 'NO'} ({count} findings)")
        result = {"median_s": round(median, 4), "min_s": round(min(times), 4),
                  "cpu_median_s": round(statistics.median(cpus), 4), "runs": args.runs,
                  "target_s": TARGET_SECONDS, "same_findings": same}
        served_same = True
        if not args.no_daemon and os.name == "posix":
            walls, client_cpus, served_same = _time_daemon(project, args.runs)
            served = statistics.median(walls)
            print(f"pre-commit with check --daemon (daemon warm): median {served:.3f} s wall, min {min(walls):.3f} s;"
                  f" client CPU median {statistics.median(client_cpus):.3f} s"
                  f" ({args.runs} runs; target <= {TARGET_SECONDS} s wall {'met' if served <= TARGET_SECONDS else 'NOT met'})")
            print(f"served runs print what a run in the process prints: {'yes' if served_same else 'NO'}")
            result["daemon"] = {"median_s": round(served, 4), "min_s": round(min(walls), 4),
                                "client_cpu_median_s": round(statistics.median(client_cpus), 4),
                                "same_output": served_same}
        if args.profile:
            _profile(project)
        out = ROOT / "reports" / "benchmarks-precommit.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps({"precommit": result}, indent=2) + "\n")
    return 0 if same and served_same else 1


if __name__ == "__main__":
    sys.exit(main())
