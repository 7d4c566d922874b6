"""What the MP rules (meaning parity) add to a cold run of a generated library.

Not a test. Generates a library of N pairs (benchmarks/generate_library.py, 5 %
seeded defects), then runs the real CLI in a fresh process with the result cache
off, alternating ``check`` (every offline rule) and ``check --ignore MP`` so that
the machine's noise falls on both alike, and prints the median CPU seconds (user +
system of the child and its workers) and wall seconds of each, and the share the
MP family adds. Issue 19's budget: at most 15 %.

    python benchmarks/meaning_bench.py [--pairs 1000] [--rounds 5] [--jobs 1] [--src src]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_library import generate


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall seconds of one run of ``command`` in a new process."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return _children_cpu() - cpu, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", default="1", help="--jobs of the check (1: one process, the CPU is all its own)")
    parser.add_argument("--src", default=str(ROOT / "src"))
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": args.src, "NO_COLOR": "1"}
    base = [sys.executable, "-m", "contentlint", "check", "--no-cache", "--format", "json", "--jobs", args.jobs]
    cases = {"all rules": base, "without MP": [*base, "--ignore", "MP"]}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    with tempfile.TemporaryDirectory() as temp:
        library = generate(Path(temp) / "lib", args.pairs, 0.05, 1)
        _run(base, library, env)  # warm the file system and the bytecode once
        for _ in range(args.rounds):
            for name, command in cases.items():
                times[name].append(_run(command, library, env))
    cpu = {name: statistics.median(t[0] for t in found) for name, found in times.items()}
    wall = {name: statistics.median(t[1] for t in found) for name, found in times.items()}
    print(f"{args.pairs} pairs, {args.rounds} alternating rounds, --jobs {args.jobs}")
    for name in cases:
        runs = ", ".join(f"{c:.2f}" for c, _ in times[name])
        print(f"{name:<11} CPU median {cpu[name]:.2f} s (runs: {runs}); wall median {wall[name]:.2f} s")
    added = cpu["all rules"] / cpu["without MP"] - 1
    print(f"MP adds {added:+.1%} CPU (budget +15%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
