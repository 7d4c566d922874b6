"""The precompiled word set: every form a dictionary's affix rules produce, sorted,
in one file a run reads in milliseconds and searches without building a set.

Why: spylls answers a lookup in about 1-2 ms (it undoes the affix rules), which is
fine for the few thousand words of a library (the per-project memo keeps the
verdicts) but not for a megabyte of new text. The forms of a stem and its suffixes,
its prefixes, and a second level of suffixes (Spanish verbs with attached pronouns)
are generated once, from the same dictionary files, and written to the project's
cache folder. A word found there is correct; a word not found there is asked of
spylls, so the set only ever makes a run faster, never changes a verdict (the
generation applies the affix conditions exactly as Hunspell does; a sample of the
generated forms is checked against spylls in the tests).

File layout: ``CLWS1``, the number of words (4 bytes, little-endian), their start
offsets (4 bytes each, plus the end), then the UTF-8 words sorted as bytes.
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_left
from pathlib import Path
from typing import Any

_MAGIC = b"CLWS1"
_MAX_BYTES = 128 * 1024 * 1024


def expand(engine: Any) -> list[str]:
    """Every form the dictionary's stems and affixes produce (compounds aside)."""
    aff = engine.aff
    suffixes, prefixes = aff.SFX, aff.PFX
    skip = {flag for flag in (aff.FORBIDDENWORD, aff.ONLYINCOMPOUND) if flag}
    forms: set[str] = set()
    for word in engine.dic.words:
        flags = word.flags
        if skip & flags:
            continue
        stem = word.stem
        if not aff.NEEDAFFIX or aff.NEEDAFFIX not in flags:
            forms.add(stem)
        with_suffix = _suffixed(stem, flags, suffixes, forms)
        for flag in flags:
            for prefix in prefixes.get(flag, ()):
                made = _prefixed(stem, prefix)
                if made is None:
                    continue
                forms.add(made)
                if prefix.crossproduct:
                    for form, suffix in with_suffix:
                        if suffix.crossproduct:
                            both = _prefixed(form, prefix)
                            if both is not None:
                                forms.add(both)
    return sorted(forms, key=lambda form: form.encode("utf-8"))


def _suffixed(stem: str, flags: Any, suffixes: Any, forms: set[str]) -> list[tuple[str, Any]]:
    made_here = []
    for flag in flags:
        for suffix in suffixes.get(flag, ()):
            form = _suffix(stem, suffix)
            if form is None:
                continue
            forms.add(form)
            made_here.append((form, suffix))
            for second_flag in suffix.flags:  # a second level: "hablándole" from "hablar"
                for second in suffixes.get(second_flag, ()):
                    twice = _suffix(form, second)
                    if twice is not None:
                        forms.add(twice)
    return made_here


def _suffix(stem: str, suffix: Any) -> str | None:
    if not stem.endswith(suffix.strip) or not suffix.cond_regexp.search(stem):
        return None
    return stem[: len(stem) - len(suffix.strip)] + str(suffix.add)


def _prefixed(stem: str, prefix: Any) -> str | None:
    if not stem.startswith(prefix.strip) or not prefix.cond_regexp.search(stem):
        return None
    return str(prefix.add) + stem[len(prefix.strip) :]


def encode(words: list[str]) -> bytes:
    """The file's bytes for ``words`` (sorted as UTF-8 bytes)."""
    data = [word.encode("utf-8") for word in words]
    offsets = array("I", [0])
    total = 0
    for item in data:
        total += len(item)
        offsets.append(total)
    return _MAGIC + struct.pack("<I", len(data)) + offsets.tobytes() + b"".join(data)


class WordSet:
    """A precompiled word set, searched by bisection over its sorted words."""

    def __init__(self, raw: bytes) -> None:
        if not raw.startswith(_MAGIC) or len(raw) < len(_MAGIC) + 4:
            raise ValueError("not a word set")
        (count,) = struct.unpack_from("<I", raw, len(_MAGIC))
        start = len(_MAGIC) + 4
        self._offsets = array("I")
        self._offsets.frombytes(raw[start : start + 4 * (count + 1)])
        # The words are sliced straight from ``raw`` (one copy of a few bytes per probe;
        # a memoryview slice made two).
        self._raw = raw
        self._base = start + 4 * (count + 1)
        if len(self._offsets) != count + 1 or self._offsets[-1] != len(raw) - self._base:
            raise ValueError("truncated word set")
        self._count = int(count)

    def __len__(self) -> int:
        return self._count

    def _word(self, index: int) -> bytes:
        base = self._base
        return self._raw[base + self._offsets[index] : base + self._offsets[index + 1]]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = word.encode("utf-8")
        index = bisect_left(range(self._count), key, key=self._word)
        return index < self._count and self._word(index) == key

    def accepts(self, word: str) -> bool:
        """``word`` is a form of the dictionary, with the capitals Hunspell allows
        ("Escuela" and "ESCUELA" for "escuela")."""
        if word in self:
            return True
        if word[:1].isupper() and (word[1:].islower() or word.isupper()):
            return word.lower() in self or (word.isupper() and word.capitalize() in self)
        return False


def load(path: Path, root: Path | None) -> WordSet | None:
    """The word set at ``path``, or None when it is missing or unreadable."""
    from contentlint.content.read import read_bytes_safely

    try:
        return WordSet(read_bytes_safely(path, _MAX_BYTES, root))
    except Exception:  # a missing or damaged set is rebuilt or done without
        return None

