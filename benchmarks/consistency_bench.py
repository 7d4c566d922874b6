"""What PR045 (inconsistent-translation) adds to a run: cold and pre-commit, bundled and generated.

Not a test. For the bundled library (a copy) and a generated library of ``--pairs``
pairs (``generate_library.py``, seed 1), runs in new processes, alternating the
two variants ``--runs`` times:

* cold: ``check --no-cache --format json`` with every check, and with ``--ignore PR045``;
* pre-commit: ``check EN ES`` of one pair after an edit of that pair, the caches warm
  from a full run of the same variant (so the other pairs' sentence tables come
  from the cache database, or are not needed at all without PR045).

Prints the medians of CPU time (user + system of the process and its workers: on a
shared machine the steadier number) and of wall time, and the number of PR045
findings of the cold run.

Run: PYTHONPATH=src .venv/bin/python benchmarks/consistency_bench.py [--pairs 1000] [--runs 3]
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
from generate_library import generate

VARIANTS = {"with PR045": (), "without PR045": ("--ignore", "PR045")}


def _timed(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """CPU seconds, wall seconds and stdout of one run in a new process."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall, done.stdout


def _pair(project: Path) -> tuple[str, str]:
    """The first English guide that has a Spanish translation, and that translation."""
    spanish = {}
    for path in sorted((project / "content" / "es").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("id: "):
                spanish[line[4:].strip()] = path
                break
    for path in sorted((project / "content" / "en").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("id: ") and line[4:].strip() in spanish:
                return str(path.relative_to(project)), str(spanish[line[4:].strip()].relative_to(project))
    raise SystemExit("no pair found")


def _edit(project: Path, pair: tuple[str, str], run: int) -> None:
    with (project / pair[0]).open("a", encoding="utf-8") as handle:
        handle.write(f"\nKeep a copy of letter {run} in your binder.\n")
    with (project / pair[1]).open("a", encoding="utf-8") as handle:
        handle.write(f"\nGuarde una copia de la carta {run} en su carpeta.\n")


def measure(name: str, project: Path, runs: int, cold_runs: bool = True) -> None:
    """Print the cold and pre-commit rows of one library."""
    cold: dict[str, list[tuple[float, float]]] = {v: [] for v in VARIANTS}
    found = 0
    for _ in range(runs if cold_runs else 0):
        for variant, extra in VARIANTS.items():
            cpu, wall, out = _timed(["check", "--no-cache", "--format", "json", *extra], project)
            cold[variant].append((cpu, wall))
            if not extra:
                found = sum(1 for f in json.loads(out)["findings"] if f["code"] == "PR045")
    pair = _pair(project)
    warm: dict[str, list[tuple[float, float]]] = {v: [] for v in VARIANTS}
    edit = 0
    for variant, extra in VARIANTS.items():
        shutil.rmtree(project / ".contentlint_cache", ignore_errors=True)
        _timed(["check", *extra], project)  # warms the caches of this variant
        for _ in range(runs):
            _edit(project, pair, edit)
            edit += 1
            cpu, wall, _out = _timed(["check", *extra, *pair], project)
            warm[variant].append((cpu, wall))
    print(f"\n{name}: {found} PR045 findings on a cold run")
    print("| case | with PR045 CPU / wall | without PR045 CPU / wall | added CPU |")
    print("|---|---|---|---|")
    for label, rows in (("cold, --no-cache", cold), ("pre-commit on one edited pair, caches warm", warm)):
        if not rows["with PR045"]:
            continue
        with_cpu = statistics.median(r[0] for r in rows["with PR045"])
        without_cpu = statistics.median(r[0] for r in rows["without PR045"])
        with_wall = statistics.median(r[1] for r in rows["with PR045"])
        without_wall = statistics.median(r[1] for r in rows["without PR045"])
        print(f"| {label} | {with_cpu:.2f} s / {with_wall:.2f} s | {without_cpu:.2f} s / {without_wall:.2f} s "
              f"| {with_cpu - without_cpu:+.2f} s ({(with_cpu / without_cpu - 1) * 100:+.0f} %) |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-bundled", action="store_true")
    parser.add_argument("--skip-cold", action="store_true", help="only the pre-commit rows")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        bundled = Path(folder) / "bundled"
        bundled.mkdir()
        shutil.copytree(ROOT / "content", bundled / "content")
        (bundled / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
        if not args.skip_bundled:
            measure("bundled library", bundled, args.runs, not args.skip_cold)
        if args.pairs:
            generated = generate(Path(folder) / "generated", args.pairs, 0.05, 1)
            measure(f"generated library, {args.pairs} pairs", generated, args.runs, not args.skip_cold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
