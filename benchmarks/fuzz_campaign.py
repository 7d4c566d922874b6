"""The hardening fuzz campaign: hostile projects through the real CLI, at scale.

Usage::

    python benchmarks/fuzz_campaign.py --cases 100000 --seed 12 --jobs 2 --json fuzz.json

Each case is a copy of a real bundled pair (its sync mark and the data files
included) with one kind of input damaged: front matter, Markdown, a data file,
the sync mark, the configuration, or file names and file types (symlinks out
of the project, FIFOs, /dev/zero, loops, folders where files belong). Half the
cases run with the result cache (``check`` twice: cold, then warm, and the two
answers must agree), half with ``--no-cache``. The cases and the judging live
in tests/fuzz/ (cases.py, runner.py); tests/test_fuzz_campaign.py replays a
short fixed slice in CI. Any failure replays alone with
``--start INDEX --cases 1``.

A long campaign can run in parts: stop it (kill it, never pause it: a paused
worker's case is judged a hang), then start the next part with ``--start`` at
the end of the last checkpoint's ``indices``; ``--merge a.json b.json ...`` adds the parts' counts
into one summary, refusing parts of different seeds or overlapping ranges.

Prints the counts by input kind, command and cache use, the exit codes, the
failures by class (traceback or internal error, rule crash, unexpected exit
code, cache disagreement, a write outside the project, a case over 10 s of CPU (the wall time is recorded too: cases over 10 s of wall time that waited for a core are listed as starved), a
hang: over 60 s of CPU, or no CPU used for 60 s, a worker that died), the slowest case and the peak
resident memory of any worker. Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))

from runner import dump, merge, run_campaign, summarize


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--start", type=int, default=0, help="first case index (to replay one case)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="a case using more CPU seconds than this fails")
    parser.add_argument("--json", type=Path, help="write the summary and the failures here")
    parser.add_argument("--merge", type=Path, nargs="+", help="add up the summaries of a campaign's parts")
    args = parser.parse_args()
    if args.merge:
        total = merge([json.loads(path.read_text(encoding="utf-8")) for path in args.merge])
        print(json.dumps({key: value for key, value in total.items() if key != "examples"}, indent=2))
        if args.json:
            dump(args.json, total)
        return 1 if total["failures"] else 0

    started = time.monotonic()
    last = [started]

    def progress(outcomes: list) -> None:  # type: ignore[type-arg]
        now = time.monotonic()
        if now - last[0] > 60:
            last[0] = now
            failed = sum(1 for o in outcomes if o.failure)
            print(f"  {len(outcomes)}/{args.cases} cases, {failed} failed, {now - started:.0f} s", flush=True)
            if args.json:  # a checkpoint: a campaign stopped early still leaves its counts
                # Only the unbroken run of cases from --start (a case still running in
                # another worker leaves a gap): the next part starts where it ends.
                done = {o.index for o in outcomes}
                end = args.start
                while end in done:
                    end += 1
                checkpoint = summarize([o for o in outcomes if o.index < end])
                checkpoint.update(seed=args.seed, start=args.start, wall_seconds=round(now - started, 1), partial=True)
                dump(args.json, checkpoint)

    outcomes = run_campaign(args.seed, args.start, args.cases, jobs=args.jobs, timeout=args.timeout, progress=progress)
    summary = summarize(outcomes)
    summary.update(seed=args.seed, start=args.start, wall_seconds=round(time.monotonic() - started, 1))
    printable = {key: value for key, value in summary.items() if key != "examples"}
    print(json.dumps(printable, indent=2))
    for example in summary["examples"][:20]:
        print(f"FAIL #{example['index']} {example['kind']}/{example['command']}: {example['failure']}"
              f" ({example['description'][:80]!r}) {example['detail'][:200]!r}")
    if args.json:
        dump(args.json, summary)
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
