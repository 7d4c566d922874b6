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

File layouts (all numbers little-endian):

- ``CLWS1`` (:func:`encode`): the number of words (4 bytes), their start offsets (4
  bytes each, plus the end), then the UTF-8 words sorted as bytes.
- ``CLWS2`` (:func:`encode_blocks`, the shipped form): the words in blocks of
  ``BLOCK`` words, each word but a block's first written as the length of the
  prefix it shares with the word before (1 byte), the length of the rest (1 byte)
  and the rest ("evaluación", "evaluaciones" -> 9, 3, "nes"). Header: the number of
  words and of blocks (4 bytes each), the start of each block (4 bytes each, plus
  the end). A lookup bisects the blocks' first words, then reads one block (at most
  ``BLOCK`` words). Why: the Spanish set is 9.5 MB as a plain list and 2.5 MB this
  way, so it ships uncompressed and a run reads it without decompressing anything
  (gunzip took about 45 ms of every cold run); it is smaller than the gzip of the
  plain list was.
"""

from __future__ import annotations

import itertools
import struct
from array import array
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Any

_MAGIC = b"CLWS1"
_MAGIC_BLOCKS = b"CLWS2"
BLOCK = 32
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


def encode_blocks(words: list[str]) -> bytes:
    """The ``CLWS2`` file's bytes for ``words`` (sorted as UTF-8 bytes)."""
    blocks: list[bytes] = []
    data = [word.encode("utf-8") for word in words]
    for first in range(0, len(data), BLOCK):
        chunk = data[first : first + BLOCK]
        out = bytearray([len(chunk[0])]) + chunk[0]
        for previous, word in itertools.pairwise(chunk):
            shared = 0
            limit = min(len(previous), len(word))
            while shared < limit and previous[shared] == word[shared]:
                shared += 1
            out += bytes([shared, len(word) - shared]) + word[shared:]
        blocks.append(bytes(out))
    if any(len(word) > 255 for word in data):
        raise ValueError("a word longer than 255 bytes")
    starts = array("I", [0])
    for block in blocks:
        starts.append(starts[-1] + len(block))
    return _MAGIC_BLOCKS + struct.pack("<II", len(data), len(blocks)) + starts.tobytes() + b"".join(blocks)


class WordSet:
    """A precompiled word set, searched by bisection over its sorted words."""

    def __new__(cls, raw: bytes) -> WordSet:
        if cls is WordSet and raw.startswith(_MAGIC_BLOCKS):
            return super().__new__(BlockWordSet)
        return super().__new__(cls)

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


class BlockWordSet(WordSet):
    """A ``CLWS2`` word set (see the module docstring): bisection over the first word
    of each block, then one block read word by word."""

    def __init__(self, raw: bytes) -> None:
        header = len(_MAGIC_BLOCKS) + 8
        if not raw.startswith(_MAGIC_BLOCKS) or len(raw) < header:
            raise ValueError("not a word set")
        count, blocks = struct.unpack_from("<II", raw, len(_MAGIC_BLOCKS))
        self._starts = array("I")
        self._starts.frombytes(raw[header : header + 4 * (blocks + 1)])
        self._raw = raw
        self._base = header + 4 * (blocks + 1)
        if len(self._starts) != blocks + 1 or self._starts[-1] != len(raw) - self._base:
            raise ValueError("truncated word set")
        self._count = int(count)
        self._blocks = int(blocks)

    def _head(self, block: int) -> bytes:
        at = self._base + self._starts[block]
        return self._raw[at + 1 : at + 1 + self._raw[at]]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not self._blocks:
            return False
        key = word.encode("utf-8")
        block = bisect_right(range(self._blocks), key, key=self._head) - 1
        if block < 0:
            return False
        raw = self._raw
        at = self._base + self._starts[block]
        end = self._base + self._starts[block + 1]
        current = raw[at + 1 : at + 1 + raw[at]]
        at += 1 + raw[at]
        while current < key and at < end:
            shared, rest = raw[at], raw[at + 1]
            current = current[:shared] + raw[at + 2 : at + 2 + rest]
            at += 2 + rest
        return current == key


def load(path: Path, root: Path | None) -> WordSet | None:
    """The word set at ``path``, or None when it is missing or unreadable."""
    from contentlint.content.read import read_bytes_safely

    try:
        return WordSet(read_bytes_safely(path, _MAX_BYTES, root))
    except Exception:  # a missing or damaged set is rebuilt or done without
        return None

