"""Scores the MP rules on tests/meaning/corpus.yaml through the real CLI.

Every sentence pair becomes one paragraph of a throw-away guide pair, after a
fixed lead sentence ("Here is one more point." / "Este es otro punto."), so a
finding is counted only when it is at the pair's Spanish sentence (its line and
column), not merely in the paragraph. Precision of a kind: findings of that kind
at a planted defect of that kind, over all findings of that kind (on correct
pairs, on defects of other kinds and at the lead sentences). Recall: planted
defects of that kind found at their sentence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.yaml"
HELDOUT = HERE / "heldout.yaml"  # written apart from the rules: the honest precision
KINDS = {"MP001": "polarity", "MP002": "modality", "MP003": "relations", "MP004": "parties", "MP005": "quantity"}
LEAD = {"en": "Here is one more point.", "es": "Este es otro punto."}
PER_GUIDE = 30


def load(corpus: Path = CORPUS) -> list[tuple[str, str, str]]:
    """(expect, English, Spanish) rows of a corpus file (corpus.yaml by default)."""
    rows = yaml.safe_load(corpus.read_text(encoding="utf-8"))["pairs"]
    return [(str(expect), str(en), str(es)) for expect, en, es in rows]


def _front(doc_id: str, lang: str, slug: str) -> str:
    return (f"---\nid: {doc_id}\nlang: {lang}\ntype: topic\ntitle: Meaning corpus {doc_id}\n"
            f"description: Sentence pairs for the meaning rules.\nslug: {slug}\nupdated: 2026-11-20\n"
            f"last_reviewed: 2026-11-20\n---\n\n")


def write(root: Path, rows: list[tuple[str, str, str]]) -> dict[tuple[str, int], int]:
    """Write the project; return (Spanish path, line) -> row index."""
    (root / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    where: dict[tuple[str, int], int] = {}
    for start in range(0, len(rows), PER_GUIDE):
        doc_id = f"meaning-{start // PER_GUIDE + 1}"
        texts = {"en": _front(doc_id, "en", doc_id), "es": _front(doc_id, "es", f"sentido-{start // PER_GUIDE + 1}")}
        for index in range(start, min(start + PER_GUIDE, len(rows))):
            _, en, es = rows[index]
            line = texts["es"].count("\n") + 1
            where[(f"content/es/sentido-{start // PER_GUIDE + 1}.md", line)] = index
            texts["en"] += f"{LEAD['en']} {en}\n\n"
            texts["es"] += f"{LEAD['es']} {es}\n\n"
        for lang, slug in (("en", doc_id), ("es", f"sentido-{start // PER_GUIDE + 1}")):
            path = root / "content" / lang / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(texts[lang], encoding="utf-8")
    return where


def run(root: Path, src: str, python: str) -> list[dict[str, Any]]:
    """The MP findings of a fresh run of the CLI on the project."""
    env = {**os.environ, "PYTHONPATH": src, "NO_COLOR": "1"}
    done = subprocess.run([python, "-m", "contentlint", "check", "--select", "MP", "--format", "json", "--no-cache"],
                          cwd=root, capture_output=True, text=True, env=env, check=False, timeout=600)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    findings: list[dict[str, Any]] = json.loads(done.stdout)["findings"]
    return findings


def evaluate(src: str, python: str = sys.executable, corpus: Path = CORPUS) -> dict[str, Any]:
    """Precision and recall per kind, and every finding that was not expected."""
    rows = load(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        where = write(root, rows)
        findings = run(root, src, python)
    column = len(LEAD["es"]) + 2
    found: dict[int, set[str]] = {}
    wrong: list[dict[str, Any]] = []
    for finding in findings:
        index = where.get((finding["path"], finding["line"]))
        kind = KINDS[finding["code"]]
        if index is None or finding["column"] != column:
            wrong.append({"finding": finding, "row": index})
            continue
        expected = set(rows[index][0].split("+"))
        if kind in expected:
            found.setdefault(index, set()).add(kind)
        else:
            wrong.append({"finding": finding, "row": index, "en": rows[index][1], "es": rows[index][2]})
    table: dict[str, dict[str, Any]] = {}
    for kind in KINDS.values():
        planted = [i for i, row in enumerate(rows) if kind in row[0].split("+")]
        hits = sum(1 for i in planted if kind in found.get(i, set()))
        false = sum(1 for w in wrong if KINDS[w["finding"]["code"]] == kind)
        table[kind] = {
            "planted": len(planted), "found": hits, "false": false,
            "precision": hits / (hits + false) if hits + false else 1.0,
            "recall": hits / len(planted) if planted else 1.0,
        }
    missed = [{"row": i, "expect": row[0], "en": row[1], "es": row[2]} for i, row in enumerate(rows)
              if row[0] != "ok" and not set(row[0].split("+")) <= found.get(i, set())]
    return {"pairs": len(rows), "correct": sum(1 for r in rows if r[0] == "ok"), "kinds": table,
            "false_findings": wrong, "missed": missed}
