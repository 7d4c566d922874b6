"""What the i18n tests and ``scripts/i18n.py check`` compare: sources, .pot and the Spanish .po."""

from __future__ import annotations

import string
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
LOCALE = SRC / "contentlint" / "locale"
POT = LOCALE / "contentlint.pot"
SPANISH = LOCALE / "es" / "LC_MESSAGES" / "contentlint.po"
KEYWORDS: dict[str, Any] = {"msg": None, "_": None, "ngettext": (1, 2)}
UPDATE = "run scripts/i18n.py update (then translate the new entries in the es .po)"


def source_messages() -> dict[Any, list[str]]:
    """Every template in the package's sources (babel's extractor), with where it is."""
    from babel.messages.extract import extract_from_dir

    found: dict[Any, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault(key, []).append(f"src/{filename}:{lineno}")
    return found


def read_catalog(path: Path) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale="es" if path.suffix == ".po" else None)


def placeholders(text: str) -> Counter[str]:
    """The ``{name!r:.1f}`` fields of a str.format template (``{{`` is literal text)."""
    fields: Counter[str] = Counter()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields[f"{name}!{conversion or ''}:{spec or ''}"] += 1
    return fields


def untranslated() -> list[str]:
    """Source templates without a usable Spanish translation (or with drifted placeholders)."""
    catalog = read_catalog(SPANISH)
    out = []
    for key, where in sorted(source_messages().items(), key=lambda item: str(item[0])):
        entry = catalog.get(key if isinstance(key, str) else key[0])
        english = [key] if isinstance(key, str) else list(key)
        shown = f"{english[0]!r} ({where[0]})"
        if entry is None:
            out.append(f"not in the Spanish catalog: {shown}; {UPDATE}")
            continue
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        if entry.fuzzy or not all(s.strip() for s in strings):
            out.append(f"no Spanish translation{' (fuzzy)' if entry.fuzzy else ''}: {shown}")
            continue
        for text in strings:
            try:
                got = placeholders(text)
            except ValueError as exc:
                out.append(f"the Spanish of {shown} is not a valid template: {exc}")
                break
            want = placeholders(english[-1 if len(english) > 1 and text != strings[0] else 0])
            if set(got) != set(want):
                out.append(f"the Spanish of {shown} has placeholders {sorted(got)}, the English {sorted(want)}")
                break
    return out


def stale() -> list[str]:
    """Differences between the sources, the .pot and the .po (message ids only)."""
    sources = {k if isinstance(k, str) else k[0] for k in source_messages()}
    out = []
    for path in (POT, SPANISH):
        if not path.is_file():
            out.append(f"{path.relative_to(ROOT)} is missing; {UPDATE}")
            continue
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_catalog(path) if m.id}
        for key in sorted(sources - ids):
            out.append(f"{path.relative_to(ROOT)} lacks {key!r}; {UPDATE}")
        for key in sorted(ids - sources):
            out.append(f"{path.relative_to(ROOT)} has {key!r}, no longer in the sources; {UPDATE}")
    return out


def problems() -> list[str]:
    """Everything ``scripts/i18n.py check`` reports."""
    return stale() + untranslated()
