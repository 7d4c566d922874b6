"""The everyday pre-commit: one edited pair of the bundled library, caches warm.

Not a test: prints the wall time of ``contentlint check EN ES`` in a new process
(as the pre-commit hook runs it) after an edit of the pair, with the caches of
the run before warm, and checks that it reports the same findings as a full
check of the library has for the files it checked. ``--profile`` also prints
where the time goes (``python -X importtime`` and cProfile of one run).

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


def _environment() -> dict[str, str]:
    """The measured code (this checkout's unless --src), whatever the current folder."""
    return {**os.environ, "PYTHONPATH": str(SOURCE), "NO_COLOR": "1"}


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


def _time_precommit(project: Path, runs: int, first: int = 0) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of each run. On a shared machine the CPU
    time is the steadier number: the wall time also counts waiting for a core."""
    walls, cpus = [], []
    env = _environment()
    for run in range(first, first + runs):
        _edit(project, run)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(_command("check", *PAIR), cwd=project, env=env, capture_output=True, check=False)
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
    args = parser.parse_args()
    global SOURCE
    if args.src:
        SOURCE = args.src.resolve()
        os.environ["PYTHONPATH"] = str(SOURCE)  # compile_package compiles it too
    compile_package()
    with tempfile.TemporaryDirectory() as temp:
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
        if args.profile:
            _profile(project)
        out = ROOT / "reports" / "benchmarks-precommit.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps({"precommit": {"median_s": round(median, 4), "min_s": round(min(times), 4),
                                                  "cpu_median_s": round(statistics.median(cpus), 4),
                                                  "runs": args.runs, "target_s": TARGET_SECONDS,
                                                  "same_findings": same}}, indent=2) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
