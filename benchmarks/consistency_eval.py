"""PR045 (inconsistent-translation) on text its rule was not written with.

Not a test. Builds one library of every correct translator-variation pair of
tests/corpus/translations (each case renamed to its own id and slug) and, with
``--real``, the real federal pairs of tests/corpus/real, runs
``contentlint check --select PR045 --format json --no-cache`` on it through the
real CLI and prints every finding (the reported Spanish, the English, and the
other rendering), so each can be judged by a reader.

Run: PYTHONPATH=src .venv/bin/python benchmarks/consistency_eval.py [--real] [--defects]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

import harness


def _renamed(text: str, new_id: str, slug: str) -> str:
    """The guide with its id and slug replaced (every case reuses a few ids)."""
    text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text, count=1)
    return re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text, count=1)


def build(root: Path, cases: list[harness.Case]) -> int:
    """One project holding every case; the number of pairs written."""
    (root / "pyproject.toml").write_text(harness.PYPROJECT, encoding="utf-8")
    shutil.copytree(harness.DATA, root / "content" / "data")
    for index, case in enumerate(cases):
        case_id = f"case-{index:03d}"
        for lang in ("en", "es"):
            text = (case.folder / f"{lang}.md").read_text(encoding="utf-8")
            slug = f"{case_id}-{lang}"
            dest = root / "content" / lang / f"{slug}.md"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(_renamed(text, case_id, slug), encoding="utf-8")
    return len(cases)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true", help="add the real federal pairs")
    parser.add_argument("--defects", action="store_true", help="add the defective twins too")
    args = parser.parse_args()
    wanted = {"correct", "defect"} if args.defects else {"correct"}
    cases = [c for c in harness.load_cases() if c.status in wanted]
    if args.real:
        cases += harness.load_real()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pairs = build(root, cases)
        env = {**os.environ, "CONTENTLINT_UI_LANG": "en", "NO_COLOR": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "contentlint", "check", "--select", "PR045", "--format", "json", "--no-cache"],
            cwd=root, env=env, capture_output=True, text=True, check=False,
        )
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        findings = json.loads(done.stdout)["findings"]
    print(f"{pairs} pairs, {len(findings)} PR045 findings")
    for finding in findings:
        print(f"- {finding['path']}:{finding['line']}: {finding['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
