#!/usr/bin/env python3
"""Benchmark contentlint.readability on 1 MiB of English and 1 MB of Spanish prose.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/readability_bench.py [--mb 1.0] [--seed 7]

The corpora are generated deterministically: real parent-guide sentences, with a
share of their words swapped for other real words and for invented words (so that
the syllable caches and the English fallback are exercised as they would be by a
large, varied library), cut into paragraphs, list items, table cells and headings.
Each timing is the first call in a fresh process, so it includes the lazy load of
the English syllable table and cold caches; a warm second run is printed too.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

EN_SENTENCES = [
    "A no is not the end of the road for your child.",
    "Request Prior Written Notice (PWN) and ask the school to explain its decision.",
    "If you disagree with the school's evaluation, you can ask for an Independent Educational Evaluation at public expense.",
    "The district must either pay for it or defend its own evaluation through due process.",
    "Consider mediation.",
    "It is free, voluntary and confidential, and a neutral mediator helps both sides talk.",
    "Dr. Smith said the U.S. Department of Education publishes the rules in 34 CFR 300.503(b).",
    "Keep copies of every letter, e.g. emails, report cards and notes from meetings.",
    "Call us.",
    "Ask questions... Then write down the answers.",
    "Your state education agency must investigate a complaint within 60 days.",
    "Many families bring an advocate or attorney, but you can start the process yourself.",
    "What happens at an IEP meeting?",
    "The team reviews the data, sets measurable annual goals and decides on services and supports.",
    "Bring a friend, a list of questions and 2 or 3 examples of your child's work.",
]
ES_SENTENCES = [
    "Un no no es el final del camino para su hijo.",
    "Pida un aviso previo por escrito y solicite que la escuela explique su decisión.",
    "Si no está de acuerdo con la evaluación de la escuela, puede pedir una evaluación educativa independiente.",
    "El distrito debe pagarla o defender su propia evaluación en una audiencia de debido proceso.",
    "Considere la mediación.",
    "Es gratuita, voluntaria y confidencial, y un mediador neutral ayuda a las dos partes.",
    "La Sra. López habló con el Dr. Pérez sobre las leyes de EE. UU., p. ej. el reglamento 34 CFR 300.503(b).",
    "Guarde copias de cada carta, p. ej. correos, boletas de calificaciones y notas de las reuniones.",
    "Llámenos.",
    "¿Qué pasa en una reunión del PEI? El equipo revisa los datos y fija metas anuales.",
    "¡No se rinda! La agencia estatal debe investigar la queja en un plazo de 60 días.",
    "Muchas familias traen a un defensor o a un abogado, pero usted puede empezar el proceso.",
    "Haga preguntas... Luego anote las respuestas.",
    "El maestro leyó el área de lectura con su hija en el aula durante el día.",
    "Traiga a un amigo, una lista de preguntas y 2 o 3 ejemplos del trabajo de su hijo.",
]
_ES_ONSETS = ["", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "ll",
              "pr", "tr", "bl", "gr", "qu", "gu"]
_ES_NUCLEI = ["a", "e", "i", "o", "u", "ia", "ie", "ue", "ua", "io", "ai", "á", "é", "í", "ó", "ú"]
_ES_CODAS = ["", "", "", "n", "s", "r", "l"]
_EN_ONSETS = ["", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
              "st", "tr", "bl", "ch", "sh", "th", "pl"]
_EN_NUCLEI = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "oo", "y"]
_EN_CODAS = ["", "n", "s", "r", "l", "t", "ck", "nd", "st", "ng"]


def _pseudo(rng: random.Random, onsets: list[str], nuclei: list[str], codas: list[str]) -> str:
    return "".join(
        rng.choice(onsets) + rng.choice(nuclei) + rng.choice(codas)
        for _ in range(rng.randint(1, 4))
    )


def make_corpus(lang: str, target_bytes: int, seed: int) -> list[tuple[str, int, str]]:
    rng = random.Random(seed)
    pool = EN_SENTENCES if lang == "en" else ES_SENTENCES
    vocab = sorted({w.strip(".,?!¿¡()") for s in pool for w in s.split() if w.isalpha()})
    parts = (_EN_ONSETS, _EN_NUCLEI, _EN_CODAS) if lang == "en" else (_ES_ONSETS, _ES_NUCLEI, _ES_CODAS)
    units: list[tuple[str, int, str]] = []
    size = 0
    line = 1
    while size < target_bytes:
        kind = rng.choices(["paragraph", "list_item", "table_cell", "heading"], [6, 3, 2, 1])[0]
        n = {"paragraph": rng.randint(2, 6), "list_item": rng.randint(1, 2)}.get(kind, 1)
        sents = []
        for _ in range(n):
            words = rng.choice(pool).split()
            for i in range(len(words)):
                r = rng.random()
                if r < 0.15:
                    words[i] = rng.choice(vocab)
                elif r < 0.20:
                    words[i] = _pseudo(rng, *parts)
            sents.append(" ".join(words))
        text = " ".join(sents)
        if rng.random() < 0.3:  # some inline Markdown for strip_markdown_inline
            words = text.split(" ")
            i = rng.randrange(len(words))
            words[i] = rng.choice([f"**{words[i]}**", f"[{words[i]}](guide.md#part)",
                                   f"`{words[i]}`", f"_{words[i]}_"])
            text = " ".join(words)
        if kind in ("table_cell", "heading"):
            text = text.rstrip(".")
        units.append((text, line, kind))
        size += len(text.encode("utf-8"))
        line += 2
    return units


def _run_one(lang: str, mb: float, seed: int) -> dict[str, float]:
    from contentlint.readability import ProseUnit, score_units, strip_markdown_inline

    raw = make_corpus(lang, int(mb * 1024 * 1024), seed)
    nbytes = sum(len(t.encode("utf-8")) for t, _, _ in raw)
    t0 = time.perf_counter()
    units = [ProseUnit(strip_markdown_inline(t), ln, k) for t, ln, k in raw]
    strip = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = score_units(units, lang)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    score_units(units, lang)
    warm = time.perf_counter() - t0
    uniq = len({s.text for s in doc.sentences_detail})
    return {
        "bytes": nbytes, "units": len(units), "words": doc.words, "sentences": doc.sentences,
        "unique_sentences": uniq, "strip_s": strip, "cold_s": cold, "warm_s": warm, "grade": doc.grade or 0.0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--child", choices=["en", "es"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_run_one(args.child, args.mb, args.seed)))
        return 0
    out = subprocess.run(
        [sys.executable, "-c", ("import time; t=time.perf_counter(); "
                                "import contentlint.readability; print(time.perf_counter()-t)")],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    print(f"import contentlint.readability: {float(out.stdout):.3f} s (fresh process)")
    worst = 0.0
    for lang in ("en", "es"):
        res = subprocess.run(
            [sys.executable, __file__, "--child", lang, "--mb", str(args.mb), "--seed", str(args.seed)],
            capture_output=True, text=True, check=True,
        )
        r = json.loads(res.stdout)
        worst = max(worst, r["cold_s"])
        print(
            f"{lang}: {r['bytes'] / 1048576:.2f} MiB, {r['units']} units, {r['words']} words, "
            f"{r['sentences']} sentences ({r['unique_sentences']} unique): "
            f"score_units {r['cold_s']:.3f} s cold (incl. lazy data load), {r['warm_s']:.3f} s warm; "
            f"strip_markdown_inline {r['strip_s']:.3f} s"
        )
    print(f"budget 1.0 s per MiB for score_units (cold): {'OK' if worst <= args.mb else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
