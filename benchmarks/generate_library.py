"""Generate a realistic library of N English/Spanish guide pairs for benchmarks.

Each pair is derived from one of the real guides in content/ (round robin), with
variation (a different id and slug, a sentence or step added or dropped, numbers
changed) and, when asked, seeded defects (a bad date, a missing step, a stale
number). The data files and sync marks are copied so that every check runs.

Run: python benchmarks/generate_library.py OUT_DIR --pairs 1000 [--defects 0.05] [--seed 1]
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
_FRONT_RE = re.compile(r"^---\n(.*?)\n---\n", re.S)


def _guides() -> list[tuple[str, str, str, str]]:
    """(id, English text, Spanish text, Spanish file stem) of every bundled pair."""
    by_id: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(CONTENT.glob("e[ns]/*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^id: (.+)$", text, re.M)
        if match:
            by_id.setdefault(match.group(1).strip(), {})[path.parent.name] = (text, path.stem)
    return [(i, v["en"][0], v["es"][0], v["es"][1]) for i, v in sorted(by_id.items()) if "en" in v and "es" in v]


def _rename(text: str, old_id: str, new_id: str, old_slug: str, new_slug: str) -> str:
    text = re.sub(rf"^id: {re.escape(old_id)}$", f"id: {new_id}", text, count=1, flags=re.M)
    return re.sub(rf"^slug: {re.escape(old_slug)}$", f"slug: {new_slug}", text, count=1, flags=re.M)


def _slug(text: str) -> str:
    match = re.search(r"^slug: (.+)$", text, re.M)
    return match.group(1).strip() if match else "guide"


def _vary(text: str, lang: str) -> str:
    extra = {
        "en": "Keep a copy of every letter you send to the school.",
        "es": "Guarde una copia de cada carta que envíe a la escuela.",
    }
    return text.rstrip("\n") + "\n\n" + extra[lang] + "\n"


def _suffix(match: re.Match[str], number: int) -> str:
    text = match.group(0)
    return text[: -len(".md")] + f"-{number}.md"


def _renumber_related(text: str, ids: list[str], number: int) -> str:
    match = re.search(r"^related: \[(.*)\]$", text, re.M)
    if not match:
        return text
    items = [item.strip() for item in match.group(1).split(",") if item.strip()]
    renamed = ", ".join(f"{item}-{number}" if item in ids else item for item in items)
    return text[: match.start(1)] + renamed + text[match.end(1) :]


def _defect(text: str, rng: random.Random, lang: str) -> str:
    kind = rng.choice(["date", "timeline", "unknown-key"])
    if kind == "date":
        return re.sub(r"^updated: .+$", "updated: 2026-02-30", text, count=1, flags=re.M)
    if kind == "timeline":
        sentence = {"en": "A state complaint is decided within 90 days.", "es": "La queja estatal se decide en 90 días."}
        return text.rstrip("\n") + "\n\n" + sentence[lang] + "\n"
    return text.replace("\n---\n", "\ndescripton: typo\n---\n", 1)


def generate(out: Path, pairs: int, defects: float, seed: int) -> Path:
    """Write ``pairs`` pairs under ``out/content`` and a pyproject.toml; return ``out``."""
    rng = random.Random(seed)
    sources = _guides()
    if out.exists():
        shutil.rmtree(out)
    (out / "content/en").mkdir(parents=True)
    (out / "content/es").mkdir(parents=True)
    shutil.copytree(CONTENT / "data", out / "content/data")
    (out / "pyproject.toml").write_text('[tool.contentlint]\ncontent = "content"\n', encoding="utf-8")
    ids = [source[0] for source in sources]
    for index in range(pairs):
        # Pairs come in groups of one copy of every bundled guide, so that a
        # guide's cross-references and related ids point inside its group.
        doc_id, en, es, _es_stem = sources[index % len(sources)]
        number = index // len(sources)
        new_id = f"{doc_id}-{number}"
        en_slug, es_slug = _slug(en), _slug(es)
        en_text = _rename(en, doc_id, new_id, en_slug, f"{en_slug}-{number}")
        es_text = _rename(es, doc_id, new_id, es_slug, f"{es_slug}-{number}")
        # Cross-references keep pointing at the copies of the same number.
        suffix = functools.partial(_suffix, number=number)
        for pattern in (r"\]\(([a-z0-9-]+)\.md", r"(href: )([a-z0-9-]+)\.md"):
            en_text = re.sub(pattern, suffix, en_text)
            es_text = re.sub(pattern, suffix, es_text)
        en_text = en_text.replace(f"../es/{es_slug}.md", f"../es/{es_slug}-{number}.md")
        es_text = es_text.replace(f"../en/{en_slug}.md", f"../en/{en_slug}-{number}.md")
        en_text, es_text = _renumber_related(en_text, ids, number), _renumber_related(es_text, ids, number)
        # The same variation on both sides: a realistic library is mostly in sync.
        if rng.random() < 0.5:
            en_text, es_text = _vary(en_text, "en"), _vary(es_text, "es")
        if rng.random() < defects:
            en_text = _defect(en_text, rng, "en")
        if rng.random() < defects:
            es_text = _defect(es_text, rng, "es")
        (out / f"content/en/{en_slug}-{number}.md").write_text(en_text, encoding="utf-8")
        (out / f"content/es/{es_slug}-{number}.md").write_text(es_text, encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--defects", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.pairs, args.defects, args.seed)
    print(f"wrote {args.pairs} pairs to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
