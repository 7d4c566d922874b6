"""Benchmark: `contentlint fix --apply` on the bundled library with 50 planted mechanical mistakes.

Usage:  .venv/bin/python benchmarks/fix_bench.py [--plants 50] [--keep]

Copies the bundled library (content/ and pyproject.toml) to a temporary folder,
then plants mistakes that are the exact inverse of a fix, spread over every
kind `fix` makes: a YAML 1.1 boolean in `awaiting_translation` (SC009), a
misspelled `last_reviewed` key (SC005), a guide link with a letter dropped
(LK001), a Spanish "audiencia de debido proceso" written "audición de debido
proceso" (PR041), an acronym's first-use expansion removed (PL001, both
languages), an https link written http:// with the link cache knowing the
https address works (LK009), and a link to an old address that the link cache
saw redirect permanently to the current one (LK103). No network is used: the
link cache is written by the script.

It then runs the real CLI: `check` (must fail), `fix` (the diff), `fix --apply`,
and compares every content file with the original byte for byte, and runs
`check` again: it must report exactly what it reports on the unplanted library
(the bundled library passes with two LK010 warnings and two notes by design, so
"clean" is "no finding but those"). Prints the counts, the wall times and the
verdict; exits 1 when a plant was not fixed, anything else changed, or check
finds anything the unplanted library does not have.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

Plant = tuple[str, str, int, str, str]  # kind, file, offset, old, new


def _sc009(files: dict[str, str]) -> Iterator[Plant]:
    for name, text in files.items():
        found = re.search(r"^awaiting_translation: (false)$", text, re.M)
        if found and name.startswith("en/"):
            yield "SC009", name, found.start(1), "false", "no"


def _sc005(files: dict[str, str]) -> Iterator[Plant]:
    for name, text in files.items():
        found = re.search(r"^(last_reviewed):", text, re.M)
        if found and name.endswith(".md"):
            yield "SC005", name, found.start(1), "last_reviewed", "last_reviwed"


def _lk001(files: dict[str, str]) -> Iterator[Plant]:
    for name, text in files.items():
        for found in re.finditer(r"\]\(([a-z][a-z-]{12,})\.md[)#]", text):
            stem = found.group(1)
            cut = len(stem) // 2
            if stem[cut] == "-":
                cut += 1
            yield "LK001", name, found.start(1), stem, stem[:cut] + stem[cut + 1 :]
            break  # one per guide: links to one guide are written alike


def _pr041(files: dict[str, str]) -> Iterator[Plant]:
    for name, text in files.items():
        if name.startswith("es/"):
            for found in re.finditer(r"(?<![\w])([Aa])udiencia de debido proceso", text):
                first = found.group(1)
                yield "PR041", name, found.start(), f"{first}udiencia", f"{first}udición"


def _pl001(files: dict[str, str]) -> Iterator[Plant]:
    from ruamel.yaml import YAML

    entries = YAML(typ="safe").load(files["data/acronyms.yaml"])["acronyms"]
    for name, text in files.items():
        if not name.endswith(".md"):
            continue
        body_start = text.index("\n---", 3) + 4
        for entry in entries:
            acronym = entry["acronym"]
            if name.startswith("en/"):
                expansion = f"{entry['en']} ({acronym})"
            else:
                words = entry["es"]
                expansion = f"{words[:1].lower() + words[1:]} ({acronym}, por sus siglas en inglés)"
                if expansion not in text and words[:1].lower() + words[1:] != words:
                    expansion = f"{words} ({acronym}, por sus siglas en inglés)"
            first_use = re.search(rf"\b{re.escape(acronym)}\b", text[body_start:])
            at = text.find(expansion, body_start)
            # Only where the expansion is the first use and no heading spells it out.
            if at == -1 or first_use is None or body_start + first_use.start() < at:
                continue
            line_start = text.rfind("\n", 0, at) + 1
            if text[line_start] == "#" or re.search(r"\b[Aa]n? $", text[line_start:at]):
                continue
            yield "PL001", name, at, expansion, acronym


def _external(files: dict[str, str]) -> Iterator[tuple[str, int, str]]:
    for name, text in files.items():
        for found in re.finditer(r"\]\((https://[^)\s]+)\)", text):
            yield name, found.start(1), found.group(1)
            break  # one per guide


KINDS: list[Callable[[dict[str, str]], Iterator[Plant]]] = [_sc009, _sc005, _lk001, _pr041, _pl001]


def plan_plants(files: dict[str, str], wanted: int) -> tuple[list[Plant], dict[str, dict[str, object]]]:
    """The plants (at most one per place, none overlapping) and the link cache entries they need."""
    pools = [list(kind(files)) for kind in KINDS]
    external = list(_external(files))
    cache: dict[str, dict[str, object]] = {}
    links: list[Plant] = []
    for number, (name, offset, url) in enumerate(external):
        if number % 2 == 0:  # https -> http: the cache saw the https address work
            links.append(("LK009", name, offset, "https", "http"))
            cache[url] = {"outcome": "ok", "status": 200, "final_url": None, "permanent": False, "reason": "ok"}
        else:  # an old address that moved permanently to the current one
            old = url.replace("https://", "https://old-", 1)
            links.append(("LK103", name, offset, url, old))
            cache[old] = {"outcome": "redirect", "status": 301, "final_url": url, "permanent": True,
                          "reason": "redirect-permanent"}
    pools.insert(0, links)
    chosen: list[Plant] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    while len(chosen) < wanted and any(pools):
        for pool in pools:
            while pool and len(chosen) < wanted:
                plant = pool.pop(0)
                span = (plant[2], plant[2] + len(plant[3]))
                spans = taken.setdefault(plant[1], [])
                if any(span[0] <= end and start <= span[1] for start, end in spans):
                    continue
                spans.append(span)
                chosen.append(plant)
                break
    used_urls = {p[4] for p in chosen if p[0] == "LK103"} | {
        files[p[1]][p[2]:].split(")", 1)[0] for p in chosen if p[0] == "LK009"}
    return chosen, {url: entry for url, entry in cache.items() if url in used_urls}


def apply_plants(files: dict[str, str], plants: list[Plant]) -> dict[str, str]:
    out = dict(files)
    for _kind, name, offset, old, new in sorted(plants, key=lambda p: (p[1], -p[2])):
        text = out[name]
        assert text[offset : offset + len(old)] == old, (name, offset, old)
        out[name] = text[:offset] + new + text[offset + len(old) :]
    return out


def _findings(report: str) -> list[tuple[str, str, int, int]]:
    """The findings of a ``--format json`` run: code, path, line, column."""
    import json

    return sorted((f["code"], f["path"], f["line"], f["column"]) for f in json.loads(report)["findings"])


def _cli(project: Path, *args: str) -> tuple[int, str, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "contentlint", *args], cwd=project, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "src"), "CONTENTLINT_NO_CACHE": "1",
                                          "PATH": "/usr/bin:/bin"})
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--plants", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the temporary project and print its path")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="contentlint-fix-"))
    project = folder / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    content = project / "content"
    original = {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}
    texts = {name: data.decode("utf-8") for name, data in original.items()}
    _code, unplanted, _seconds = _cli(project, "check", "--format", "json")
    baseline = _findings(unplanted)
    plants, cache_entries = plan_plants(texts, args.plants)
    for name, text in apply_plants(texts, plants).items():
        (content / name).write_bytes(text.encode("utf-8"))
    _write_link_cache(project, cache_entries)
    kinds: dict[str, int] = {}
    for plant in plants:
        kinds[plant[0]] = kinds.get(plant[0], 0) + 1
    print(f"planted {len(plants)} mistakes: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    code, _out, seconds = _cli(project, "check")
    print(f"check before: exit {code} ({seconds:.2f} s)")
    code, out, seconds = _cli(project, "fix")
    print(f"fix (diff only): exit {code}, {out.strip().splitlines()[-1]} ({seconds:.2f} s)")
    code, out, seconds = _cli(project, "fix", "--apply")
    print(f"fix --apply: exit {code}, {out.strip().splitlines()[-1]} ({seconds:.2f} s)")
    changed = [name for name, data in original.items() if (content / name).read_bytes() != data]
    extra = [p for p in content.rglob("*") if p.is_file() and p.relative_to(content).as_posix() not in original]
    print(f"files differing from the original after fix: {len(changed)} {changed[:5]}; new files: {len(extra)}")
    code_after, out_after, seconds = _cli(project, "check")
    print(f"check after: exit {code_after}: {out_after.strip().splitlines()[-1]} ({seconds:.2f} s)")
    _code, planted_after, _seconds = _cli(project, "check", "--format", "json")
    after = _findings(planted_after)
    same = after == baseline
    print(f"findings after fix --apply are those of the unplanted library: {'yes' if same else 'NO'}"
          f" ({len(after)}: {', '.join(sorted({code for code, *_ in after}))})")
    ok = not changed and not extra and code_after == 0 and same
    print("PASS" if ok else "FAIL")
    if args.keep:
        print(f"kept: {project}")
    else:
        shutil.rmtree(folder)
    return 0 if ok else 1


def _write_link_cache(project: Path, entries: dict[str, dict[str, object]]) -> None:
    from contentlint.links.cache import LinkCache, default_cache_path

    cache = LinkCache(default_cache_path(project))
    for url, result in entries.items():
        cache.put(url, {**result, "message": "", "hint": ""})
    cache.save()


if __name__ == "__main__":
    sys.exit(main())
