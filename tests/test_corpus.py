"""The translator-variation corpus as a ratchet: what is right today stays right.

tests/corpus/ holds pairs written the way professional translators write
(split and merged paragraphs, lists as "(1) ..." paragraphs, citations in other
styles, kept English names ...), each with a twin where one real defect was
planted, and real public pairs. benchmarks/corpus_eval.py scores the whole
corpus; this test runs it once through the real CLI and fails when a correct
pair that was clean gets a finding, when a defect that was found is missed, or
when the totals get worse than tests/corpus/expected.json records. Improve the
rules, then raise the bar in expected.json (`benchmarks/corpus_eval.py --json`).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from clitools import ROOT

sys.path.insert(0, str(ROOT / "tests" / "corpus"))

import harness

EXPECTED = json.loads((ROOT / "tests" / "corpus" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    return harness.evaluate(src=str(ROOT / "src"), python=sys.executable, jobs=2)


def test_correct_pairs_have_no_schema_finding(summary: dict[str, Any]) -> None:
    assert summary["schema_findings_on_correct_pairs"] == []


def test_clean_translations_stay_clean(summary: dict[str, Any]) -> None:
    rows = {row["case"]: row for row in summary["correct"]}
    noisy = {case: rows[case]["findings"] for case in EXPECTED["clean"] if rows[case]["errors"] or rows[case]["warnings"]}
    assert noisy == {}


def test_found_defects_stay_found(summary: dict[str, Any]) -> None:
    found = {f"{row['case']}#{i}": e["found"] for row in summary["defects"] for i, e in enumerate(row["expect"])}
    missed = [key for key in EXPECTED["found"] if not found[key]]
    assert missed == []


def test_totals_do_not_get_worse(summary: dict[str, Any]) -> None:
    assert summary["false_errors_total"] <= EXPECTED["max_false_errors"]
    assert summary["false_warnings_total"] <= EXPECTED["max_false_warnings"]
    assert summary["defects_found"] >= EXPECTED["min_defects_found"]
