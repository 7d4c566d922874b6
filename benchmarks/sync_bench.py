"""Benchmark: 1,000 English/Spanish pairs through `contentlint check` (all rules, and PR only).

Usage:  .venv/bin/python benchmarks/sync_bench.py [--pairs 1000] [--keep]

The pairs are derived from the bundled guide "What to Do If the School Denies
an IEP" (content/en + content/es, falling back to the sync test fixture) and
written to a temporary folder with the bundled data files. All pairs are then
marked with `contentlint sync mark --all`; after that, to give the sync rules
real work, every 10th English guide gets a changed number (stale facts),
every 25th Spanish guide loses a step (missing block) and every 50th Spanish
guide gets a block copied from English (untranslated). Each measurement runs
the real CLI in a fresh process (result cache off) and reports wall time and
that process's peak RSS. `--select ST001` is the baseline (loading and
parsing the library, one trivial rule), so `--select PR` minus it is the
cost of the PR rules.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EN_SEED = ROOT / "content/en/what-to-do-if-the-school-denies-an-iep.md"
ES_SEED = ROOT / "content/es/que-hacer-si-la-escuela-niega-un-iep.md"
FIXTURE = ROOT / "tests/fixtures/sync/clean/content"
# Runs the command in a child and prints the child's peak RSS (KiB on Linux).
_MEASURE = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def seeds() -> tuple[str, str, Path | None]:
    """The English and Spanish guide to derive pairs from, and the data folder."""
    if EN_SEED.is_file() and ES_SEED.is_file():
        data = ROOT / "content/data"
        return EN_SEED.read_text(encoding="utf-8"), ES_SEED.read_text(encoding="utf-8"), data if data.is_dir() else None
    return (
        (FIXTURE / "en/school-denies-iep.md").read_text(encoding="utf-8"),
        (FIXTURE / "es/la-escuela-niega-un-iep.md").read_text(encoding="utf-8"),
        FIXTURE / "data",
    )


def _front(text: str, key: str, value: str) -> str:
    return re.sub(rf"(?m)^{key}:.*$", f"{key}: {value}", text, count=1)


def generate(folder: Path, pairs: int) -> None:
    """Write ``pairs`` English/Spanish guides, a pyproject.toml and the data files."""
    english, spanish, data = seeds()
    content = folder / "content"
    (content / "en").mkdir(parents=True)
    (content / "es").mkdir(parents=True)
    if data is not None:
        shutil.copytree(data, content / "data")
    for number in range(pairs):
        en_slug, es_slug = f"guide-{number}", f"guia-{number}"
        en = _front(_front(english, "id", f"guide-{number}"), "slug", en_slug)
        en = re.sub(r"(?m)^  href: \.\./es/.*$", f"  href: ../es/{es_slug}.md", en, count=1)
        es = _front(_front(spanish, "id", f"guide-{number}"), "slug", es_slug)
        es = re.sub(r"(?m)^  href: \.\./en/.*$", f"  href: ../en/{en_slug}.md", es, count=1)
        (content / "en" / f"{en_slug}.md").write_text(en, encoding="utf-8")
        (content / "es" / f"{es_slug}.md").write_text(es, encoding="utf-8")
    (folder / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")


def drift(folder: Path, pairs: int) -> dict[str, int]:
    """Edit some guides after the mark so the sync rules have something to find."""
    content = folder / "content"
    counts = {"stale": 0, "missing": 0, "untranslated": 0}
    for number in range(pairs):
        if number % 10 == 0:
            path = content / "en" / f"guide-{number}.md"
            text = path.read_text(encoding="utf-8")
            changed = re.sub(r"within 60 days", "within 90 days", text, count=1)
            if changed != text:
                path.write_text(changed, encoding="utf-8")
                counts["stale"] += 1
        if number % 25 == 0:
            path = content / "es" / f"guia-{number}.md"
            text = path.read_text(encoding="utf-8")
            changed = re.sub(r"(?m)^3\. .*\n", "", text, count=1)
            if changed != text:
                path.write_text(changed, encoding="utf-8")
                counts["missing"] += 1
        if number % 50 == 0:
            en_text = (content / "en" / f"guide-{number}.md").read_text(encoding="utf-8")
            en_para = next((p for p in en_text.split("\n\n") if p.startswith("Keep every")), None)
            path = content / "es" / f"guia-{number}.md"
            text = path.read_text(encoding="utf-8")
            es_para = next((p for p in text.split("\n\n") if p.startswith("Guarde cada")), None)
            if en_para and es_para:
                path.write_text(text.replace(es_para, en_para), encoding="utf-8")
                counts["untranslated"] += 1
    return counts


def measure(folder: Path, *args: str) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MiB) of one CLI run in a fresh process."""
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "contentlint", *args]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    code, rss_kib = (int(part) for part in done.stdout.split())
    return wall, code, rss_kib // 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the generated library and print its path")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="contentlint-sync-bench-"))
    try:
        generate(folder, args.pairs)
        print(f"{args.pairs} pairs ({2 * args.pairs} guides) in {folder}")
        wall, code, rss = measure(folder, "sync", "mark", "--all")
        print(f"  sync mark --all           {wall:6.2f} s  peak RSS {rss:4d} MiB  (exit {code})")
        counts = drift(folder, args.pairs)
        print(f"  drift: {counts['stale']} stale English, {counts['missing']} missing Spanish steps, "
              f"{counts['untranslated']} untranslated blocks")
        for label, extra in (
            ("check (all rules)", ()),
            ("check --select PR", ("--select", "PR")),
            ("check --select ST001", ("--select", "ST001")),
            ("check --ignore PR", ("--ignore", "PR")),
            ("check one changed pair", ("content/es/guia-10.md",)),
            ("sync status", None),
        ):
            cli = ("sync", "status") if extra is None else ("check", "--no-cache", "--format", "json", *extra)
            wall, code, rss = measure(folder, *cli)
            print(f"  {label:<25} {wall:6.2f} s  peak RSS {rss:4d} MiB  (exit {code})")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
