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

Suggestions come from :mod:`contentlint.language.suggest` (the shipped word set,
milliseconds a word, bounded); spylls' own search (0.1-2.5 s a word, and one call
cannot be interrupted) is used only when the word set is missing, within
``ENGINE_SECONDS_PER_RUN``.
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
# Bump when the verdict of a word or its suggestions can change without the
# dictionary changing (3: suggestions from the word set, stricter enclitic accents).
_RULES_VERSION = 3
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


def shipped_set_path(lang: str) -> Path:
    """The precompiled word set shipped for ``lang`` (``scripts/build_wordsets.py``)."""
    return DICTIONARIES / f"{LOCALES[lang]}.words"


@functools.lru_cache(maxsize=2)
def shipped_set(lang: str) -> WordSet | None:
    """Every form of ``lang``'s dictionary (None when the file is missing: then
    spylls answers every word, slower but the same)."""
    from contentlint.language.wordset import WordSet

    try:
        # Read as it is, nothing to decompress (the block layout: wordset.py).
        return WordSet(shipped_set_path(lang).read_bytes())
    except (OSError, ValueError):
        return None


class Speller:
    """The spelling verdicts of one language, memoized (see the module docstring)."""

    def __init__(self, lang: str, memo: Path | None = None, root: Path | None = None) -> None:
        self.lang = lang
        self.memo_file = memo
        self.root = root
        self._dictionary: Any = None
        self._verdicts: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}
        self._dirty = False
        self._engine_seconds = 0.0  # spent in Hunspell's suggestion search this run
        self._nearby_seconds = 0.0  # spent in the word set's search (suggest.py) this run
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
            return _enclitic_known(word, engine.lookup)
        return False

    def known(self, word: str) -> bool:
        """The dictionary accepts ``word`` (case as Hunspell treats it: "Ley" is "ley"),
        and it is not a rare word that stands for a common accented one ("pagina")."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            if self.lang == "es" and word.lower() in accent_prior():
                verdict = False
            else:
                fast = self._fast(word)
                verdict = self._lookup(word) if fast is None else fast
            self._verdicts[word] = verdict
        return verdict

    def accent_missing(self, word: str) -> bool:
        """``word`` is an unknown Spanish word that one accent (or ñ) makes a known one,
        or a rare word that stands for an accented one ("areas" for "áreas")."""
        if self.lang != "es" or len(word) > MAX_SUGGESTED_LENGTH:
            return False
        if word.lower() in accent_prior():
            return True
        check = self._plausible if shipped_set(self.lang) is not None else self.known
        return any(check(candidate) for candidate in accent_variants(word))

    def _seen(self, word: str) -> bool:
        """``word`` was met in this run's text and is a word (a verdict of :meth:`known`)."""
        return self._verdicts.get(word) is True

    def _plausible(self, candidate: str) -> bool:
        """A candidate correction is a word (the shipped set's verdict, not kept in the
        memo: a word's hundreds of candidates are not words of the guide)."""
        if self.lang == "es" and candidate.lower() in accent_prior():
            return False
        return bool(self._fast(candidate))

    def _fast(self, word: str) -> bool | None:
        """The verdict of the shipped word set (None without one): a form of the
        dictionary, or a verb with attached pronouns whose verb is one."""
        words = shipped_set(self.lang)
        if words is None:
            return None
        if words.accepts(word):
            return True
        if self.lang == "en" and word.endswith("'s"):
            return words.accepts(word[:-2])
        if self.lang == "es":
            return _enclitic_known(word, words.accepts)
        return False

    def suggest(self, word: str) -> list[str]:
        """Up to three corrections, the same word with its accent first (none for a
        "word" longer than any real one: its accent variants and Hunspell's edit
        search grow with its length, and the fuzz campaign hung on a 3,000-letter one)."""
        if len(word) > MAX_SUGGESTED_LENGTH:
            return []
        found = self._suggestions.get(word)
        if found is None:
            found = self._suggest(word)
            if found is None:
                return []  # over this run's search budget: not remembered, so a later run tries again
            self._suggestions[word] = found
            self._dirty = True
        return found

    def _suggest(self, word: str) -> list[str] | None:
        meant = accent_prior().get(word.lower()) if self.lang == "es" else None
        if meant:
            return [meant[0].upper() + meant[1:] if word[:1].isupper() else meant]
        fast = shipped_set(self.lang) is not None
        variants = accent_variants(word) if self.lang == "es" else []
        accented = [candidate for candidate in variants if (self._plausible if fast else self.known)(candidate)]
        if accented:
            return accented[:_SUGGESTIONS]
        if fast:
            from contentlint.language.suggest import nearby, replacement_table

            # Every word one edit away, looked up in the shipped word set (milliseconds),
            # the words this run has met in the guides first; Hunspell's own search
            # below only when none is a word.
            if self._nearby_seconds >= NEARBY_SECONDS_PER_RUN:
                return None  # as for Hunspell's search below: the finding stands, without its "did you mean"
            import time

            started = time.process_time()
            rep = replacement_table(DICTIONARIES / f"{LOCALES[self.lang]}.aff")
            found = nearby(word, self.lang, self._plausible, _SUGGESTIONS, self._seen, rep)
            self._nearby_seconds += time.process_time() - started
            # Nothing one edit away: no suggestion rather than Hunspell's own search.
            # That search is pure Python and one call cannot be interrupted: the fuzz
            # campaign found a 3-word front matter that spent 8.4 s of CPU in it, past
            # any per-run budget (checked between words). Measured cost of leaving it
            # out: the right word in the top 3 for 96.9 % of English misspellings
            # instead of 98.5 %, Spanish unchanged (97.2 %).
            return found
        if len(word) > ENGINE_MAX_LENGTH or _RUN_OF_THREE.search(word):
            return []  # the edit search would take seconds to minutes ("aaaaaaaaaaaaaaaaaaa": over 90 s)
        if self._engine_seconds >= ENGINE_SECONDS_PER_RUN:
            return None  # the finding stands; only its "did you mean" is left out
        import time

        started = time.process_time()
        engine = self._engine()
        try:
            return [str(s) for s in itertools.islice(engine.suggest(word), _SUGGESTIONS)]
        finally:
            self._engine_seconds += time.process_time() - started


# The longest words of either dictionary have about 30 letters.
MAX_SUGGESTED_LENGTH = 40
# Hunspell's edit search is pure Python (spylls): 0.1-1 s a word. A guide full of
# unknown words (pasted from another language, or hostile: the fuzz campaign's took
# 52 s) gets suggestions until this much time is spent in a run, then findings
# without them; the project's memo keeps those found for the next run.
ENGINE_SECONDS_PER_RUN = 3.0
# The word set's search (suggest.py) takes 2-20 ms for a real misspelling and up to
# about 0.3 s for a long word of nonsense: a guide full of those gets suggestions
# until this much time is spent in a run (hundreds of real misspellings; the memo
# keeps them, so the next run goes on where this one stopped). Both budgets count
# CPU time, so a loaded machine gives the same suggestions as an idle one.
NEARBY_SECONDS_PER_RUN = 3.0
# Its cost grows with the word's length (10 letters: 0.5 s; 15: 2.5 s) and explodes on
# repeated letters; longer words get the accent variants only.
ENGINE_MAX_LENGTH = 14
_RUN_OF_THREE = re.compile(r"(.)\1\1")


def _enclitic_known(word: str, known: Any) -> bool:
    """A verb with pronouns attached whose verb ``known`` accepts, with the written
    accent the attachment calls for: "escríbala" (escriba), "pídaselo" (pida),
    "obligarle" (obligar); not "pidale"."""
    lower = word.lower()
    for enclitic in _ENCLITICS:
        if not lower.endswith(enclitic):
            continue
        written = lower[: -len(enclitic)]
        base = strip_accents(written)
        if len(base) <= 2:
            continue
        if written != base and known(written):
            return True  # the verb's own accent, kept: "envíela" (envíe), "oírlo" (oír)
        if known(base) and _enclitic_accent_ok(lower, base, enclitic):
            return True
    return False


_VOWEL_GROUPS = re.compile(r"[aeiouáéíóúü]+")


def _enclitic_accent_ok(word: str, base: str, enclitic: str) -> bool:
    """The written accent a verb takes with pronouns attached: an infinitive with one
    pronoun ("pagarla") or a one-syllable form with one ("dile", "hazlo") keeps the
    stress where it was and needs none; every other form becomes stressed on the
    third syllable from the end and needs it ("pídale", "dígaselo", "dárselo")."""
    one_pronoun = enclitic in _SINGLE
    plain = base.endswith(("ar", "er", "ir")) or _syllables(base) == 1
    if one_pronoun and plain:
        return word == strip_accents(word)
    # The accent on the syllable that was stressed, not anywhere: "explíquele", not
    # "expliquéle" (an accent elsewhere is a misspelling, and must not be suggested).
    return word == _stressed(base) + enclitic


_STRONG = "aeo"
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}


def _stressed(base: str) -> str:
    """``base`` (a verb form without accents) with an accent on the syllable a Spanish
    reader stresses: the one before last when it ends in a vowel, n or s ("pida" ->
    "pída", "hagan" -> "hágan"), else the last ("dar" -> "dár"); in a syllable, on its
    strong vowel ("cuente" -> "cuénte"), or on the second of two weak ones ("quite" ->
    "quíte": the u of "qu" is silent)."""
    nuclei: list[tuple[int, int]] = []
    for group in _VOWEL_GROUPS.finditer(base):
        start = group.start()
        for index in range(group.start() + 1, group.end()):
            if base[index] in _STRONG and base[index - 1] in _STRONG:  # "lea": le-a
                nuclei.append((start, index))
                start = index
        nuclei.append((start, group.end()))
    if not nuclei:
        return base
    target = nuclei[-2] if base[-1] in "aeiouns" and len(nuclei) > 1 else nuclei[-1]
    start, end = target
    strong = [index for index in range(start, end) if base[index] in _STRONG]
    at = strong[0] if strong else end - 1
    return base[:at] + _ACUTE.get(base[at], base[at]) + base[at + 1 :]


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

