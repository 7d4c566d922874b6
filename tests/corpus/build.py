#!/usr/bin/env python3
"""Build the translator-variation corpus from its authoring sources.

    python tests/corpus/build.py

authoring/pairs*.txt hold the correct pairs: blocks of

    ### case: <id>
    variation: <kind>[, <kind>...]
    type: topic | how-to | faq
    whole_guide: true              (optional)
    title_en: ... / title_es: ... / desc_en: ... / desc_es: ...
    --- en
    <English body>
    --- es
    <Spanish body>

authoring/defects.yaml holds the defective twins: a copy of a correct pair with
ONE edit (find -> replace, in `file`), and the acceptable codes. The expected
line is the line, in the written file, where `anchor` (default: the replacement
text, or the text just after a deletion) starts.

Writes translations/<id>/en.md, es.md and translations/cases.yaml. The guides
are written by people (the authoring files); this script only adds front matter
and applies the planted edits, so line numbers in cases.yaml are always right.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

HERE = Path(__file__).resolve().parent
OUT = HERE / "translations"
AUTH = HERE / "authoring"
DATE = "2026-11-20"


def parse_pairs(text: str) -> list[dict[str, Any]]:
    cases = []
    for chunk in re.split(r"^### case: ", text, flags=re.MULTILINE)[1:]:
        head, _, rest = chunk.partition("\n")
        meta: dict[str, Any] = {"id": head.strip()}
        m = re.search(r"^--- en\n(.*?)^--- es\n(.*)\Z", rest, re.DOTALL | re.MULTILINE)
        if not m:
            raise SystemExit(f"{meta['id']}: no --- en / --- es")
        for line in rest[: m.start()].splitlines():
            if line.strip():
                k, _, v = line.partition(":")
                meta[k.strip()] = v.strip()
        meta["en"] = m.group(1).strip("\n") + "\n"
        meta["es"] = m.group(2).strip("\n") + "\n"
        cases.append(meta)
    return cases


def q(s: str) -> str:
    out: str = yaml.safe_dump(s, allow_unicode=True, width=10_000)
    return out.strip().removesuffix("\n...").strip()


def guide(meta: dict[str, Any], lang: str) -> str:
    other = "es" if lang == "en" else "en"
    slug = {"en": meta["id"], "es": meta.get("slug_es", meta["id"] + "-es")}
    label = "¿Prefiere español? Lea esta guía" if lang == "en" else "Prefer English? Read this guide"
    fm = [
        "---",
        f"id: {meta['id']}",
        f"lang: {lang}",
        f"type: {meta.get('type', 'topic')}",
        f"title: {q(meta['title_' + lang])}",
        f"description: {q(meta['desc_' + lang])}",
        f"slug: {slug[lang]}",
        f"updated: {DATE}",
        f"last_reviewed: {DATE}",
        "related: []",
        "language_switch:",
        f"  label: {q(label)}",
        f"  href: ../{other}/{slug[other]}.md",
        "---",
        "",
    ]
    body: str = meta[lang]
    return "\n".join(fm) + "\n" + body


def main() -> int:
    pairs = []
    for f in sorted(AUTH.glob("pairs*.txt")):
        pairs += parse_pairs(f.read_text(encoding="utf-8"))
    ids = [p["id"] for p in pairs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate ids: {dup}")
    if OUT.exists():
        for d in OUT.iterdir():
            if d.is_dir():
                shutil.rmtree(d)
    rows = []
    texts: dict[str, dict[str, str]] = {}
    for p in pairs:
        d = OUT / p["id"]
        d.mkdir(parents=True)
        texts[p["id"]] = {}
        for lang in ("en", "es"):
            t = guide(p, lang)
            (d / f"{lang}.md").write_text(t, encoding="utf-8")
            texts[p["id"]][lang] = t
        row = {"id": p["id"], "variation": p.get("variation", ""), "status": "correct"}
        if p.get("whole_guide") == "true":
            row["whole_guide"] = True
        rows.append(row)
    defects = yaml.safe_load((AUTH / "defects.yaml").read_text(encoding="utf-8")) or []
    errors = []
    for df in defects:
        base = df["twin_of"]
        if base not in texts:
            errors.append(f"{df['id']}: unknown twin_of {base}")
            continue
        files = dict(texts[base])
        lang = df.get("file", "es")
        src = files[lang]
        find, repl = df["find"], df.get("replace", "")
        n = src.count(find)
        if n != 1:
            errors.append(f"{df['id']}: find occurs {n} times in {base}/{lang}: {find[:60]!r}")
            continue
        pos = src.index(find)
        new = src[:pos] + repl + src[pos + len(find):]
        anchor = df.get("anchor")
        if anchor:
            if new.count(anchor) != 1:
                errors.append(f"{df['id']}: anchor occurs {new.count(anchor)} times")
                continue
            apos = new.index(anchor)
        else:
            apos = pos
            # a deletion: the expectation is on the block holding the cut point
            while apos < len(new) and new[apos] == "\n" and not repl:
                apos += 1
        line = new.count("\n", 0, apos) + 1
        files[lang] = new
        d = OUT / df["id"]
        d.mkdir(parents=True)
        for lg in ("en", "es"):
            (d / f"{lg}.md").write_text(files[lg], encoding="utf-8")
        row = {"id": df["id"], "variation": df["variation"], "status": "defect", "twin_of": base}
        if any(r["id"] == base and r.get("whole_guide") for r in rows):
            row["whole_guide"] = True
        row["expect"] = [{"file": lang, "line": line, "codes": list(df["codes"]), "what": df["what"]}]
        rows.append(row)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    header = (
        "# Translator-variation corpus: generated by tests/corpus/build.py from\n"
        "# tests/corpus/authoring/ (edit those, then rebuild).\n"
        "# status: correct = a professional translation contentlint must accept without\n"
        "# errors or warnings; defect = its twin with ONE planted defect, at expect[].line\n"
        "# of expect[].file (1-based, in the file the harness writes), reported by one of\n"
        "# expect[].codes.\n"
    )
    (OUT / "cases.yaml").write_text(
        header + yaml.safe_dump({"cases": rows}, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8",
    )
    nc = sum(r["status"] == "correct" for r in rows)
    print(f"{nc} correct pairs, {len(rows) - nc} defective twins")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
