"""Could word order tell who does what to whom? The evidence behind MP004's choice.

    python benchmarks/meaning_roles.py [--verbose]

Reads every correct sentence pair available: the "ok" rows of
tests/meaning/corpus.yaml and tests/meaning/heldout.yaml, and the one-to-one
sentence pairs of the paragraphs of tests/corpus (translator-variation pairs and
real federal pairs) whose paragraph counts agree. Among the pairs that name the
same two or more parties on both sides, it counts those whose first-named party
differs: a role-swap check that trusts word order would report each of them,
although every one is a correct translation.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from contentlint.meaning.lexicon import build_lexicon
from contentlint.meaning.markers import marks
from contentlint.meaning.sentences import align_sentences, plausible

_SKIP = ("#", "-", "|", "*", "1.", "<")


def _paragraphs(path: Path) -> list[str]:
    text = re.sub(r"^---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [block.strip() for block in text.split("\n\n") if block.strip() and not block.lstrip().startswith(_SKIP)]


def correct_pairs() -> list[tuple[str, str, str]]:
    """(source, English, Spanish) of every correct sentence pair."""
    pairs: list[tuple[str, str, str]] = []
    for name in ("corpus", "heldout"):
        rows = yaml.safe_load((ROOT / "tests" / "meaning" / f"{name}.yaml").read_text(encoding="utf-8"))["pairs"]
        pairs += [(name, str(en), str(es)) for expect, en, es in rows if expect == "ok"]
    cases = [*sorted((ROOT / "tests/corpus/translations").iterdir()), *sorted((ROOT / "tests/corpus/real").iterdir())]
    for case in (c for c in cases if (c / "en.md").is_file() and (c / "es.md").is_file()):
        english, spanish = _paragraphs(case / "en.md"), _paragraphs(case / "es.md")
        if len(english) != len(spanish):
            continue
        for en_block, es_block in zip(english, spanish, strict=True):
            for pair in align_sentences(en_block, es_block):
                if plausible(pair) and len(pair.en) == 1 and len(pair.es) == 1:
                    pairs.append((case.parent.name, pair.en_text, pair.es_text))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    lexicon = build_lexicon({}, {})
    pairs = correct_pairs()
    shared_pairs = differ = 0
    for source, en, es in pairs:
        en_order = [min(m.classes) for m in marks(en, "en", lexicon).parties]
        es_order = [min(m.classes) for m in marks(es, "es", lexicon).parties]
        shared = set(en_order) & set(es_order)
        if len(shared) < 2:
            continue
        shared_pairs += 1
        if next(c for c in en_order if c in shared) != next(c for c in es_order if c in shared):
            differ += 1
            if args.verbose:
                print(f"{source}: {en} | {es}")
    print(f"{len(pairs)} correct sentence pairs; {shared_pairs} name the same two or more parties; "
          f"the first-named party differs in {differ} ({differ / max(shared_pairs, 1):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
