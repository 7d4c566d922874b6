"""Spelling against Hunspell dictionaries, with a per-project memo of verdicts.

The engine is spylls (pure-Python Hunspell, MPL-2.0): it reads the affix rules, so
every inflection of a Spanish verb or noun is known without a list of forms. The
dictionaries ship in ``dictionaries/``: LibreOffice ``en_US`` (SCOWL, permissive
licence) and ``es_US`` (RLA-ES, used under its MPL-1.1 option); see the licence
files there and docs/dependencies.md.

Why a memo: reading a dictionary takes about half a second, a lookup about 0.05 ms.
A library uses a few thousand distinct words and they change little between runs, so
each verdict (and each misspelling's suggestions) is kept in
``<project>/.contentlint_cache/words-<lang>-<fingerprint>.marshal``; a run whose
words are all in the memo never reads a dictionary. The fingerprint changes with
the dictionary files and this module's rules, so an upgrade starts a new memo. A
memo that cannot be read is an empty memo, never an error.
"""

from __future__ import annotations

import functools
import itertools
import marshal
import re
import unicodedata
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contentlint.language.wordset import WordSet

DICTIONARIES = Path(__file__).resolve().parent / "dictionaries"
LOCALES = {"en": "en_US", "es": "es_US"}
# Bump when the verdict of a word can change without the dictionary changing.
_RULES_VERSION = 1
_MEMO_MAX_BYTES = 64 * 1024 * 1024
_SUGGESTIONS = 3

# Spanish pronouns attached to a verb ("escríbala", "pídaselo", "obligarle"):
# the dictionary lacks many such forms; the verb without them is checked instead.
_ENCLITICS = sorted(
    {first + second for first in ("", "me", "te", "se", "nos") for second in ("lo", "la", "los", "las", "le", "les")}
    | {"me", "te", "se", "nos"},  # never "os": US Spanish has no vosotros
    key=len,
)
_SINGLE = frozenset({"lo", "la", "los", "las", "le", "les", "me", "te", "se", "nos"})
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü", "n": "ñ"}


def strip_accents(word: str) -> str:
    """``word`` without acute accents or diaeresis (ñ kept)."""
    out = []
    for char in word:
        if char in "ñÑ":
            out.append(char)
            continue
        out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out)


def fingerprint(lang: str) -> str:
    """Changes when the dictionary files or the checking rules change."""
    base = DICTIONARIES / LOCALES[lang]
    sizes = [str(base.with_suffix(ext).stat().st_size) for ext in (".aff", ".dic")]
    return f"{zlib.crc32(':'.join([*sizes, str(_RULES_VERSION)]).encode()):08x}"


def memo_path(cache_folder: Path, lang: str) -> Path:
    """Where the memo of ``lang`` lives in a project's cache folder."""
    return cache_folder / f"words-{lang}-{fingerprint(lang)}.marshal"


def wordset_path(cache_folder: Path, lang: str) -> Path:
    """Where the precompiled word set of ``lang`` lives (:mod:`contentlint.language.wordset`)."""
    return cache_folder / f"wordset-{lang}-{fingerprint(lang)}.bin"


# A run that asks the dictionary about this many new words is checking a large new
# text: it builds the precompiled word set (seconds, once) and reads it from then on.
BUILD_WORDSET_AFTER = 2000


class Speller:
    """The spelling verdicts of one language, memoized (see the module docstring)."""

    def __init__(self, lang: str, memo: Path | None = None, root: Path | None = None,
                 wordset: Path | None = None) -> None:
        self.lang = lang
        self.memo_file = memo
        self.root = root
        self.wordset_file = wordset
        self._wordset: WordSet | None = None
        self._wordset_read = False
        self._asked = 0
        self._dictionary: Any = None
        self._verdicts: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        self._dirty = False
        if memo is not None:
            self._read_memo(memo)

    # -- the memo ------------------------------------------------------------
    def _read_memo(self, path: Path) -> None:
        from contentlint.content.read import read_bytes_safely

        try:
            raw = read_bytes_safely(path, _MEMO_MAX_BYTES, self.root)
            data = marshal.loads(raw)
        except Exception:  # an unreadable memo is an empty one
            return
        if isinstance(data, dict) and isinstance(data.get("verdicts"), dict) and isinstance(
                data.get("suggestions"), dict):
            self._verdicts = data["verdicts"]
            self._suggestions = data["suggestions"]

    def save(self) -> None:
        """Write the memo when this run added verdicts (atomically; a failure is ignored:
        the memo only saves time)."""
        if not self._dirty or self.memo_file is None:
            return
        from contentlint.fileio import atomic_write_bytes, cache_folder

        data = marshal.dumps({"verdicts": self._verdicts, "suggestions": self._suggestions})
        try:
            if self.root is not None:
                cache_folder(self.root)
            atomic_write_bytes(self.memo_file, data, self.root)
        except Exception:  # a read-only project still gets its findings
            return
        self._dirty = False

    @property
    def loaded(self) -> bool:
        """The dictionary was read in this run (the memo did not answer every word)."""
        return self._dictionary is not None

    # -- the engine ------------------------------------------------------------
    def engine(self) -> Any:
        """The spylls dictionary (read on first use)."""
        return self._engine()

    def _engine(self) -> Any:
        if self._dictionary is None:
            from spylls.hunspell import Dictionary  # type: ignore[import-untyped]

            self._dictionary = Dictionary.from_files(str(DICTIONARIES / LOCALES[self.lang]))
        return self._dictionary

    def _lookup(self, word: str) -> bool:
        engine = self._engine()
        if engine.lookup(word):
            return True
        if self.lang == "en" and word.endswith("'s"):
            return bool(engine.lookup(word[:-2]))
        if self.lang == "es":
            # "escríbala" -> "escriba", "pídaselo" -> "pida", "obligarle" -> "obligar"
            lower = word.lower()
            for enclitic in _ENCLITICS:
                base = lower[: -len(enclitic)]
                if lower.endswith(enclitic) and len(base) > 2 and engine.lookup(strip_accents(base)) \
                        and _enclitic_accent_ok(lower, strip_accents(base), enclitic):
                    return True
        return False

    def known(self, word: str) -> bool:
        """The dictionary accepts ``word`` (case as Hunspell treats it: "Ley" is "ley"),
        and it is not a rare word that stands for a common accented one ("pagina")."""
        if self.lang == "es" and word.lower() in accent_prior():
            return False
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._fast(word) or self._lookup(word)
            self._dirty = True
        return verdict

    def _fast(self, word: str) -> bool:
        """The precompiled word set has ``word`` (read on first need; built once a run
        has asked the dictionary about many new words)."""
        if not self._wordset_read and self.wordset_file is not None:
            from contentlint.language.wordset import load

            self._wordset_read = True
            self._wordset = load(self.wordset_file, self.root)
        if self._wordset is None:
            self._asked += 1
            if self._asked == BUILD_WORDSET_AFTER:
                self.build_wordset()
            return False
        return self._wordset.accepts(word)

    def build_wordset(self) -> None:
        """Generate, write and use the precompiled word set (a failed write still
        leaves it in use for this run)."""
        from contentlint.language.wordset import WordSet, encode, expand

        raw = encode(expand(self._engine()))
        self._wordset = WordSet(raw)
        self._wordset_read = True
        if self.wordset_file is None:
            return
        from contentlint.fileio import atomic_write_bytes, cache_folder

        try:
            if self.root is not None:
                cache_folder(self.root)
            atomic_write_bytes(self.wordset_file, raw, self.root)
        except Exception:  # the set only saves time
            return

    def suggest(self, word: str) -> list[str]:
        """Up to three corrections, the same word with its accent first."""
        found = self._suggestions.get(word)
        if found is None:
            found = self._suggestions[word] = self._suggest(word)
            self._dirty = True
        return found

    def _suggest(self, word: str) -> list[str]:
        meant = accent_prior().get(word.lower()) if self.lang == "es" else None
        if meant:
            return [meant[0].upper() + meant[1:] if word[:1].isupper() else meant]
        variants = accent_variants(word) if self.lang == "es" else []
        accented = [candidate for candidate in variants if self._lookup(candidate)]
        if accented:
            return accented[:_SUGGESTIONS]
        engine = self._engine()
        return [str(s) for s in itertools.islice(engine.suggest(word), _SUGGESTIONS)]


_VOWEL_GROUPS = re.compile(r"[aeiouáéíóúü]+")


def _enclitic_accent_ok(word: str, base: str, enclitic: str) -> bool:
    """The written accent a verb takes with pronouns attached: an infinitive with one
    pronoun ("pagarla") or a one-syllable form with one ("dile", "hazlo") keeps the
    stress where it was and needs none; every other form becomes stressed on the
    third syllable from the end and needs it ("pídale", "dígaselo", "dárselo")."""
    accented = word != strip_accents(word)
    one_pronoun = enclitic in _SINGLE
    plain = base.endswith(("ar", "er", "ir")) or _syllables(base) == 1
    return accented != (one_pronoun and plain)


@functools.lru_cache(maxsize=1)
def accent_prior() -> dict[str, str]:
    """Rare unaccented Spanish words and the common word meant (``data/accent-prior-es.txt``)."""
    path = Path(__file__).resolve().parent / "data" / "accent-prior-es.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    pairs = (line.split() for line in lines if line.strip() and not line.startswith("#"))
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def _syllables(word: str) -> int:
    """Syllables, near enough for stress: each group of vowels is one, except that
    two strong vowels (a, e, o) side by side are two ("lea", "cae")."""
    return sum(max(1, sum(1 for c in group if c in "aeo")) for group in _VOWEL_GROUPS.findall(word))


def accent_variants(word: str) -> list[str]:
    """``word`` with one accent (or ñ, ü) added: "evaluacion" -> "evaluación"."""
    out: list[str] = []
    for index, char in enumerate(word):
        lower = char.lower()
        for accented in _ACCENTED.get(lower, ""):
            replaced = accented.upper() if char.isupper() else accented
            out.append(word[:index] + replaced + word[index + 1 :])
    return out


def build_wordsets(root: Path) -> list[Path]:
    """Build the word sets of both languages in ``root``'s cache folder (what a run
    does by itself once it meets many new words); the paths written."""
    from contentlint.fileio import atomic_write_bytes, cache_folder
    from contentlint.language.wordset import encode, expand

    folder = cache_folder(root)
    written = []
    for lang in LOCALES:
        path = wordset_path(folder, lang)
        atomic_write_bytes(path, encode(expand(Speller(lang).engine())), root)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m contentlint.language.speller [PROJECT_ROOT]: build the word sets
    import sys

    for made in build_wordsets(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()):
        sys.stdout.write(f"wrote {made}\n")
