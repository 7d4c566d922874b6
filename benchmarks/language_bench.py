#!/usr/bin/env python3
"""Speed of the language checks (LQ001-LQ020).

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/language_bench.py [--runs 5] [--mib 1.0]

1. The bundled library, cold (``check --no-cache`` in a fresh process, so no result
   cache): the median wall time with ``--ignore LQ`` and with the LQ rules on, (a)
   with the per-project memo of suggestions, (b) without it. The difference is what
   the language checks add. Then the CPU time of the same check with and without LQ,
   alternated (the steadier measure on a shared machine).
2. 1 MiB of Spanish guide prose (the clean set's sentences, shuffled, with a share of
   words made unique by a suffix so the text is not one small vocabulary repeated),
   checked in one fresh process exactly as the rules check it (tokenizer, vocabulary,
   the shipped word sets, context accents, plain-word and respectful-language
   lists; no suggestions, which only findings need); half of it and a quarter too,
   to show the time grows linearly. Wall and CPU time are both printed: on a shared
   machine the CPU time is the steadier measure.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}


def _check(project: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "contentlint", "check", "--no-cache", "--format", "json", *extra],
                   cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def _check_cpu(project: Path, *extra: str) -> float:
    """The CPU time (user + system) of one cold check: steadier than the wall time on a
    shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _check(project, *extra)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _memo_files(project: Path) -> list[Path]:
    return list((project / ".contentlint_cache").glob("words-*.marshal"))


def library(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "lib"
        project.mkdir()
        shutil.copytree(ROOT / "content", project / "content")
        shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
        _check(project)  # warm the file system and write the word memo
        without = statistics.median(_check(project, "--ignore", "LQ") for _ in range(runs))
        with_memo = statistics.median(_check(project) for _ in range(runs))
        cold_memo = []
        for _ in range(runs):
            for path in _memo_files(project):
                path.unlink()
            cold_memo.append(_check(project))
        no_memo = statistics.median(cold_memo)
        cpu_without: list[float] = []
        cpu_with: list[float] = []
        for _ in range(runs):  # alternated, so a change of load falls on both
            cpu_without.append(_check_cpu(project, "--ignore", "LQ"))
            cpu_with.append(_check_cpu(project))
    print(f"bundled library, cold run (median of {runs}): without LQ {without:.3f} s; "
          f"with LQ {with_memo:.3f} s (+{with_memo - without:.3f} s); "
          f"with LQ and no word memo {no_memo:.3f} s (+{no_memo - without:.3f} s)")
    low, high = statistics.median(cpu_without), statistics.median(cpu_with)
    print(f"bundled library, cold run, CPU time (median of {runs}, alternated): without LQ {low:.3f} s; "
          f"with LQ {high:.3f} s (+{high - low:.3f} s)")


_PROBE = r"""
import sys, time
sys.path.insert(0, {src!r})
text = open({path!r}, encoding="utf-8").read()
started, cpu = time.perf_counter(), time.process_time()
from contentlint.language.accents import accent_hits
from contentlint.language.lexicon import lexicon
from contentlint.language.speller import Speller
from contentlint.language.spelling import unknown
from contentlint.language.tokens import ProseLine, document_words, mask
from contentlint.language.vocabulary import Vocabulary, shipped_words
spellers = {{lang: Speller(lang) for lang in ("en", "es")}}
vocabulary = Vocabulary(shipped_words("es"))
known = spellers["es"].known
plain, respectful = lexicon("plain", "es"), lexicon("respectful", "es")
lines = []
for number, raw in enumerate(text.splitlines(), 1):
    masked, english = mask(raw, "es")
    lines.append(ProseLine(number, masked, tuple(english), True, "paragraph"))
# as the rules do it: the unknown words of the whole guide, then each line's phrases
found = sum(1 for _ in unknown(document_words(lines, "es"), "es", vocabulary, spellers.__getitem__))
for line in lines:
    found += len(accent_hits(line.text, known=known)) + len(plain.hits(line.text)) + len(respectful.hits(line.text))
print(f"{{time.perf_counter() - started:.3f}} {{time.process_time() - cpu:.3f}} {{found}}")
"""


def spanish(mib: float, seed: int) -> None:
    lines = [line for line in (ROOT / "tests/data/language/clean-es.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rng = random.Random(seed)
    for share in (0.25, 0.5, 1.0):
        target = int(mib * share * 1024 * 1024)
        out: list[str] = []
        size = 0
        while size < target:
            sentences = rng.sample(lines, 5)
            paragraph = " ".join(sentences)
            # one word in 40 made unique ("escuela" -> "escuelas" is a real form; an
            # invented suffix is not): what a big library's rarer vocabulary costs
            words = paragraph.split(" ")
            for index in range(0, len(words), 40):
                if words[index].isalpha() and words[index].islower():
                    words[index] = words[index] + rng.choice(["s", "mente", "ción", "ito", "ísimo"])
            paragraph = " ".join(words)
            out.append(paragraph)
            size += len(paragraph.encode()) + 2
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as handle:
            handle.write("\n\n".join(out))
            path = handle.name
        probe = _PROBE.format(src=str(ROOT / "src"), path=path)
        result = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=True)
        seconds, cpu, found = result.stdout.split()
        print(f"{share * mib:.2f} MiB of Spanish: {float(seconds):.3f} s wall, {float(cpu):.3f} s CPU, "
              f"{found} findings")
        Path(path).unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mib", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    library(args.runs)
    spanish(args.mib, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
