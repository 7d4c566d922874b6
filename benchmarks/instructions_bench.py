"""Instructions executed by each benchmark case, for two revisions: a speed
comparison that a busy machine cannot blur.

Not a test. Wall and CPU times on a shared 2-core machine drift by 30 % and more
between runs (other jobs, hypervisor steal), which hides a 10 % regression. The
number of instructions a run executes (valgrind's cachegrind, ``I refs``) does
not depend on the load: with a fixed hash seed the same code on the same files
executes the same instructions to within a few hundredths of a percent, so one
run per case and revision is enough. Instructions are not time (a cache miss
costs more than an add), but a change that makes a run do 10 % more work shows
as 10 % more instructions; CodSpeed measures CI benchmarks the same way.

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python benchmarks/instructions_bench.py /tmp/before/src src [--pairs 200]

Cases (the same as run_benchmarks.py, at a scale valgrind can run in minutes):
a cold check of one bundled pair without the cache; the same pair edited with
the caches warm (the pre-commit path); a generated library of ``--pairs`` pairs,
every offline check, no cache; the same library answered by the result cache;
the same library with one guide edited. Needs valgrind (``apt-get install
valgrind``).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_library import generate

PAIR = ["content/en/prior-written-notice.md", "content/es/notificacion-previa-por-escrito.md"]
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _instructions(src: Path, args: list[str], cwd: Path) -> int:
    """Instructions a ``contentlint`` run executes under cachegrind."""
    env = {**os.environ, "PYTHONPATH": str(src.resolve()), "PYTHONHASHSEED": "0", "NO_COLOR": "1",
           "SOURCE_DATE_EPOCH": "1796169600"}
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, "-m", "contentlint", *args]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    found = _REFS.search(result.stderr)
    if not found:
        raise RuntimeError(f"no instruction count for {args}: {result.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def _bundled(folder: Path) -> Path:
    shutil.copytree(ROOT / "content", folder / "content")
    (folder / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    return folder


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def _cases(src: Path, base: Path, pairs: int) -> dict[str, int]:
    """Each case's instruction count for the code in ``src`` (fresh copies of the files)."""
    counts: dict[str, int] = {}
    bundled = _bundled(base / "bundled")
    counts["one bundled pair, no cache"] = _instructions(src, ["check", "--no-cache", *PAIR], bundled)
    _instructions(src, ["check", *PAIR], bundled)  # warm the caches
    _append(bundled / PAIR[0], "\nKeep a copy of the letter in your binder.\n")
    _append(bundled / PAIR[1], "\nGuarde una copia de la carta en su carpeta.\n")
    counts["one bundled pair edited, caches warm (pre-commit)"] = _instructions(src, ["check", *PAIR], bundled)
    library = generate(base / "library", pairs, 0.05, 1)
    counts[f"{pairs} pairs, all offline checks, no cache"] = _instructions(
        src, ["check", "--no-cache", "--format", "json"], library)
    _instructions(src, ["check", "--format", "json"], library)  # fill the result cache
    counts[f"{pairs} pairs, nothing changed (result cache)"] = _instructions(src, ["check", "--format", "json"], library)
    guide = sorted((library / "content" / "en").glob("*.md"))[len(PAIR)]
    _append(guide, "\nKeep a copy of the letter in your binder.\n")
    counts[f"{pairs} pairs, one guide edited"] = _instructions(src, ["check", "--format", "json"], library)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src/ folder of the revision before")
    parser.add_argument("after", type=Path, help="the src/ folder of the revision after")
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--json", type=Path, help="write the counts here")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    measured: dict[str, dict[str, int]] = {}
    for src in (args.before, args.after):
        # Without its .pyc files (PYTHONDONTWRITEBYTECODE keeps a checkout from writing
        # them) a revision would be charged for compiling itself on every run.
        compileall.compile_dir(str(src / "contentlint"), quiet=1)
    for label, src in (("before", args.before), ("after", args.after)):
        with tempfile.TemporaryDirectory() as temp:
            measured[label] = _cases(src, Path(temp), args.pairs)
    print(f"{'case':<55} {'before (M)':>11} {'after (M)':>10} {'after/before':>13}")
    rows = []
    for case, before in measured["before"].items():
        after = measured["after"][case]
        rows.append({"case": case, "before": before, "after": after, "ratio": round(after / before, 3)})
        print(f"{case:<55} {before / 1e6:>11,.0f} {after / 1e6:>10,.0f} {after / before:>13.3f}")
    if args.json:
        args.json.write_text(json.dumps({"pairs": args.pairs, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
