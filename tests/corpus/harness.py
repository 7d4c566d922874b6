"""Translator-variation corpus harness for contentlint.

Importable, no test framework needed. For each case (a folder holding ``en.md``
and ``es.md``) it builds a throw-away project::

    pyproject.toml          [tool.contentlint] content = "content"
    content/en/<slug>.md    the case's en.md (slug read from its front matter)
    content/es/<slug>.md    the case's es.md
    content/data/*.yaml     a copy of the repository's content/data

runs ``contentlint sync mark --all --force`` (a user marking a finished
translation in sync; ``--all`` alone for a CLI without ``--force``; skipped
gracefully if the command is not there) and then
``contentlint check --format json --no-cache``, and parses the JSON.

Scoring:

* correct pairs (``status: correct``): every error and warning is a false
  finding; counted per pair, in total and by rule family (the first two
  letters and first digit of the code: ``PR03``).
* defective twins (``status: defect``): a planted defect is found when a
  finding with one of its acceptable ``codes`` sits at its expected ``file``
  (``en``/``es``) and ``line``. Findings on a defective twin that its correct
  twin does not also have, and that match no expectation, are counted as
  "extra" findings.
* real public pairs (``tests/corpus/real/<case>/``): every finding is listed.
* a correct pair must never get an SC (schema) finding: that is a fixture bug.

Run it with ``benchmarks/corpus_eval.py`` (``--src`` selects the contentlint
source tree put on PYTHONPATH).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

CORPUS = Path(__file__).resolve().parent
REPO = CORPUS.parent.parent
TRANSLATIONS = CORPUS / "translations"
REAL = CORPUS / "real"
DATA = REPO / "content" / "data"

PYPROJECT = '[tool.contentlint]\ncontent = "content"\n'


def family(code: str) -> str:
    """Rule family: first two letters and first digit (``PR036`` -> ``PR03``)."""
    return code[:4]


def front_matter(text: str) -> dict[str, Any]:
    m = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    if not m:
        return {}
    data = yaml.safe_load(m.group(1))
    return data if isinstance(data, dict) else {}


@dataclass
class Case:
    id: str
    folder: Path
    status: str = "correct"  # correct | defect | real
    variation: str = ""
    twin_of: str | None = None
    expect: list[dict[str, Any]] = field(default_factory=list)
    whole_guide: bool = False


@dataclass
class Result:
    case: Case
    findings: list[dict[str, Any]]
    sync_note: str = ""
    rc: int = 0
    stderr: str = ""


def load_cases(manifest: Path | None = None) -> list[Case]:
    manifest = manifest or TRANSLATIONS / "cases.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    cases = []
    for row in data["cases"]:
        cases.append(
            Case(
                id=row["id"],
                folder=TRANSLATIONS / row["id"],
                status=row["status"],
                variation=row.get("variation", ""),
                twin_of=row.get("twin_of"),
                expect=list(row.get("expect") or []),
                whole_guide=bool(row.get("whole_guide", False)),
            )
        )
    return cases


def load_real() -> list[Case]:
    src = REAL / "sources.yaml"
    if not src.exists():
        return []
    data = yaml.safe_load(src.read_text(encoding="utf-8")) or {}
    return [
        Case(id=row["id"], folder=REAL / row["id"], status="real", variation="real")
        for row in data.get("pairs", [])
    ]


def _env(src: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    env["CONTENTLINT_UI_LANG"] = "en"
    env.pop("NO_COLOR", None)
    return env


def build_project(case: Case, root: Path) -> dict[str, str]:
    """Write the case's project under ``root``; return {'en': relpath, 'es': relpath}."""
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    paths = {}
    for lang in ("en", "es"):
        text = (case.folder / f"{lang}.md").read_text(encoding="utf-8")
        slug = front_matter(text).get("slug") or f"{case.id}-{lang}"
        rel = f"content/{lang}/{slug}.md"
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        paths[lang] = rel
    (root / "content" / "data").mkdir(parents=True, exist_ok=True)
    for f in sorted(DATA.glob("*.yaml")):
        shutil.copy(f, root / "content" / "data" / f.name)
    return paths


def run_case(case: Case, python: str, src: str | None, timeout: int = 300) -> Result:
    env = _env(src)
    with tempfile.TemporaryDirectory(prefix=f"corpus-{case.id}-") as tmp:
        root = Path(tmp)
        build_project(case, root)
        base = [python, "-m", "contentlint"]
        sync_note = ""
        # --force: the translation is declared finished, even where contentlint
        # disagrees (the defects planted in the twins must still be found by check).
        p = subprocess.run(
            [*base, "sync", "mark", "--all", "--force"], cwd=root, env=env,
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        if p.returncode == 2 and "--force" in p.stderr:  # a CLI before `sync mark --force`
            p = subprocess.run(
                [*base, "sync", "mark", "--all"], cwd=root, env=env,
                capture_output=True, text=True, timeout=timeout, check=False,
            )
        if p.returncode != 0:
            # Older or newer CLIs: try the guide id, then give up gracefully.
            gid = front_matter((case.folder / "en.md").read_text(encoding="utf-8")).get("id")
            p2 = subprocess.run(
                [*base, "sync", "mark", str(gid)], cwd=root, env=env,
                capture_output=True, text=True, timeout=timeout, check=False,
            )
            sync_note = (
                "sync mark --all failed; marked by id"
                if p2.returncode == 0
                else f"sync mark unavailable ({p.stderr.strip()[:200]})"
            )
        p = subprocess.run(
            [*base, "check", "--format", "json", "--no-cache"], cwd=root, env=env,
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        try:
            doc = json.loads(p.stdout)
            findings = doc.get("findings", [])
        except json.JSONDecodeError:
            findings = [{
                "code": "HARNESS", "severity": "error", "path": "", "line": 0,
                "message": f"no JSON (rc {p.returncode}): {p.stderr.strip()[:300]}",
            }]
        for f in findings:
            path = f.get("path", "")
            f["file"] = "en" if path.startswith("content/en/") else (
                "es" if path.startswith("content/es/") else "other")
        return Result(case, findings, sync_note, p.returncode, p.stderr[-2000:])


def run_all(cases: list[Case], python: str | None = None, src: str | None = None,
            jobs: int = 8) -> list[Result]:
    python = python or sys.executable
    with ThreadPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(lambda c: run_case(c, python, src), cases))


def _significant(f: dict[str, Any]) -> bool:
    return f.get("severity") in ("error", "warning")


def _key(f: dict[str, Any]) -> tuple[str, str, str]:
    return (f.get("code", ""), f.get("file", ""), f.get("message", ""))


def score(results: list[Result]) -> dict[str, Any]:
    correct = [r for r in results if r.case.status == "correct"]
    defects = [r for r in results if r.case.status == "defect"]
    real = [r for r in results if r.case.status == "real"]
    by_id = {r.case.id: r for r in results}

    # ---- false findings on correct pairs
    fe_fam: Counter[str] = Counter()
    fw_fam: Counter[str] = Counter()
    fe_code: Counter[str] = Counter()
    fw_code: Counter[str] = Counter()
    per_case = []
    schema_problems = []
    for r in correct:
        errs = [f for f in r.findings if f.get("severity") == "error"]
        warns = [f for f in r.findings if f.get("severity") == "warning"]
        for f in errs:
            fe_fam[family(f["code"])] += 1
            fe_code[f["code"]] += 1
        for f in warns:
            fw_fam[family(f["code"])] += 1
            fw_code[f["code"]] += 1
        sc = [f for f in r.findings if f.get("code", "").startswith("SC")]
        if sc:
            schema_problems.append({"case": r.case.id, "findings": sc})
        per_case.append({
            "case": r.case.id, "variation": r.case.variation,
            "whole_guide": r.case.whole_guide,
            "errors": len(errs), "warnings": len(warns),
            "findings": [_brief(f) for f in r.findings if _significant(f)],
            "sync_note": r.sync_note,
        })
    n = max(len(correct), 1)

    # ---- recall on defective twins
    kind_tot: Counter[str] = Counter()
    kind_hit: Counter[str] = Counter()
    fam_tot: Counter[str] = Counter()
    fam_hit: Counter[str] = Counter()
    defect_rows = []
    for r in defects:
        kind = r.case.variation
        base = by_id.get(r.case.twin_of or "")
        base_keys = Counter(_key(f) for f in base.findings) if base else Counter()
        matched_ids: set[int] = set()
        exp_rows = []
        for e in r.case.expect:
            codes = set(e.get("codes", []))
            fams = sorted({family(c) for c in codes})
            fam = fams[0] if fams else "?"
            hit = None
            preexisting = False
            base_at_line = {
                (f.get("code"), f.get("file"), f.get("line"))
                for f in (base.findings if base else [])
            }
            for i, f in enumerate(r.findings):
                if (f.get("code") in codes and f.get("file") == e.get("file")
                        and f.get("line") == e.get("line")):
                    matched_ids.add(i)
                    if (f.get("code"), f.get("file"), f.get("line")) in base_at_line:
                        # the correct twin already has this finding here: it is
                        # not evidence that the planted defect was seen
                        preexisting = True
                        continue
                    hit = f
                    break
            near = [
                _brief(f) for f in r.findings
                if f.get("code") in codes and f.get("file") == e.get("file")
            ]
            kind_tot[kind] += 1
            fam_tot[fam] += 1
            if hit:
                kind_hit[kind] += 1
                fam_hit[fam] += 1
            exp_rows.append({**e, "found": bool(hit),
                             "only_preexisting_finding": preexisting and not hit,
                             "same_code_elsewhere": [] if hit else near})
        extra = []
        remaining = Counter(base_keys)
        for i, f in enumerate(r.findings):
            if i in matched_ids or not _significant(f):
                continue
            k = _key(f)
            if remaining[k] > 0:
                remaining[k] -= 1
                continue
            extra.append(_brief(f))
        defect_rows.append({"case": r.case.id, "variation": kind,
                            "twin_of": r.case.twin_of, "expect": exp_rows,
                            "other_new_findings": extra})

    real_rows = [{"case": r.case.id, "sync_note": r.sync_note,
                  "findings": [_brief(f) for f in r.findings]} for r in real]

    total_exp = sum(kind_tot.values())
    total_hit = sum(kind_hit.values())
    return {
        "correct_pairs": len(correct),
        "defective_twins": len(defects),
        "whole_guide_cases": sum(1 for r in correct + defects if r.case.whole_guide),
        "whole_guide_correct_pairs": sum(1 for r in correct if r.case.whole_guide),
        "whole_guide_defective_twins": sum(1 for r in defects if r.case.whole_guide),
        "real_pairs": len(real),
        "false_errors_total": sum(fe_fam.values()),
        "false_warnings_total": sum(fw_fam.values()),
        "false_errors_per_pair": round(sum(fe_fam.values()) / n, 3),
        "false_warnings_per_pair": round(sum(fw_fam.values()) / n, 3),
        "correct_pairs_clean": sum(1 for c in per_case if not c["errors"] and not c["warnings"]),
        "false_errors_by_family": {k: {"count": v, "per_pair": round(v / n, 3)}
                                   for k, v in sorted(fe_fam.items())},
        "false_warnings_by_family": {k: {"count": v, "per_pair": round(v / n, 3)}
                                     for k, v in sorted(fw_fam.items())},
        "false_errors_by_code": dict(sorted(fe_code.items())),
        "false_warnings_by_code": dict(sorted(fw_code.items())),
        "recall": round(total_hit / total_exp, 3) if total_exp else None,
        "defects_found": total_hit,
        "defects_expected": total_exp,
        "recall_by_kind": {k: {"found": kind_hit[k], "total": v,
                               "recall": round(kind_hit[k] / v, 3)}
                           for k, v in sorted(kind_tot.items())},
        "recall_by_family": {k: {"found": fam_hit[k], "total": v,
                                 "recall": round(fam_hit[k] / v, 3)}
                             for k, v in sorted(fam_tot.items())},
        "schema_findings_on_correct_pairs": schema_problems,
        "correct": per_case,
        "defects": defect_rows,
        "real": real_rows,
    }


def _brief(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in ("code", "severity", "file", "line", "message")}


def markdown(summary: dict[str, Any], src: str | None = None) -> str:
    s = summary
    out = ["# Corpus evaluation", ""]
    if src:
        out += [f"contentlint source: `{src}`", ""]
    out += [
        "| measure | value |", "|---|---|",
        f"| correct pairs | {s['correct_pairs']} |",
        f"| defective twins | {s['defective_twins']} |",
        (f"| whole-guide cases (40+ blocks): correct pairs + defective twins | "
         f"{s['whole_guide_correct_pairs']} + {s['whole_guide_defective_twins']} |"),
        f"| real public pairs | {s['real_pairs']} |",
        f"| correct pairs with no error and no warning | {s['correct_pairs_clean']} / {s['correct_pairs']} |",
        f"| false errors (total / per pair) | {s['false_errors_total']} / {s['false_errors_per_pair']} |",
        f"| false warnings (total / per pair) | {s['false_warnings_total']} / {s['false_warnings_per_pair']} |",
        f"| recall on planted defects | {s['defects_found']} / {s['defects_expected']} = {s['recall']} |",
        "",
        "## False findings on correct pairs, by rule family", "",
        "| family | errors | errors/pair | warnings | warnings/pair |", "|---|---|---|---|---|",
    ]
    fams = sorted(set(s["false_errors_by_family"]) | set(s["false_warnings_by_family"]))
    for fam in fams:
        e = s["false_errors_by_family"].get(fam, {"count": 0, "per_pair": 0})
        w = s["false_warnings_by_family"].get(fam, {"count": 0, "per_pair": 0})
        out.append(f"| {fam} | {e['count']} | {e['per_pair']} | {w['count']} | {w['per_pair']} |")
    out += ["", "By code: errors " + json.dumps(s["false_errors_by_code"])
            + ", warnings " + json.dumps(s["false_warnings_by_code"]), ""]
    out += ["## Recall by defect kind", "", "| kind | found | total | recall |", "|---|---|---|---|"]
    for k, v in s["recall_by_kind"].items():
        out.append(f"| {k} | {v['found']} | {v['total']} | {v['recall']} |")
    out += ["", "## Recall by rule family (of the expected codes)", "",
            "| family | found | total | recall |", "|---|---|---|---|"]
    for k, v in s["recall_by_family"].items():
        out.append(f"| {k} | {v['found']} | {v['total']} | {v['recall']} |")
    out += ["", "## False findings per correct pair", "",
            "| case | variation | errors | warnings | findings |", "|---|---|---|---|---|"]
    for c in s["correct"]:
        if c["errors"] or c["warnings"]:
            fs = "; ".join(f"{f['code']} {f['file']}:{f['line']} {_short(f['message'])}"
                           for f in c["findings"])
            out.append(f"| {c['case']} | {c['variation']} | {c['errors']} | {c['warnings']} | {fs} |")
    out += ["", "## Missed planted defects", "", "| case | kind | expected | findings with an acceptable code elsewhere |",
            "|---|---|---|---|"]
    for d in s["defects"]:
        for e in d["expect"]:
            if not e["found"]:
                near = "; ".join(f"{f['code']} {f['file']}:{f['line']}" for f in e["same_code_elsewhere"]) or "none"
                out.append(f"| {d['case']} | {d['variation']} | {e['file']}:{e['line']} "
                           f"{'/'.join(e['codes'])} ({_short(e.get('what', ''))}) | {near} |")
    out += ["", "## Findings on real public pairs", ""]
    if not s["real"]:
        out.append("(none in the corpus)")
    if s["real"]:
        out += ["| pair | findings by code (all severities) |", "|---|---|"]
        for r in s["real"]:
            codes = Counter(f["code"] for f in r["findings"])
            out.append(f"| {r['case']} | " + ", ".join(f"{k} {v}" for k, v in sorted(codes.items())) + " |")
        out.append("")
    for r in s["real"]:
        out.append(f"### {r['case']} ({len(r['findings'])} findings)")
        out.append("")
        # translation-sync and plain-language findings first, readability after
        for f in sorted(r["findings"], key=lambda f: (f["code"].startswith("RD"), f["file"], f["line"] or 0)):
            out.append(f"- {f['code']} {f['severity']} {f['file']}:{f['line']} {_short(f['message'], 160)}")
        out.append("")
    if s["schema_findings_on_correct_pairs"]:
        out += ["## SCHEMA FINDINGS ON CORRECT PAIRS (fixture bugs)", ""]
        for p in s["schema_findings_on_correct_pairs"]:
            out.append(f"- {p['case']}: " + "; ".join(_short(f.get('message', '')) for f in p["findings"]))
    return "\n".join(out) + "\n"


def _short(text: str | None, n: int = 110) -> str:
    t = (text or "").replace("|", "\\|").replace("\n", " ")
    return t if len(t) <= n else t[: n - 1] + "…"


def evaluate(src: str | None = None, python: str | None = None, jobs: int = 8,
             only: list[str] | None = None) -> dict[str, Any]:
    cases = load_cases() + load_real()
    if only:
        cases = [c for c in cases if c.id in only or c.twin_of in only]
    return score(run_all(cases, python=python, src=src, jobs=jobs))
