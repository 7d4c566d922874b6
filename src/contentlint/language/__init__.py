"""Language analysis: the words themselves, in English and US Spanish.

- :mod:`~contentlint.language.tokens`: the words of a guide's prose, each at its
  file line and column, with code spans, URLs, e-mail addresses, HTML, citations,
  numbers and acronyms left out (they are never checked).
- :mod:`~contentlint.language.speller`: Hunspell dictionaries (LibreOffice en_US
  from SCOWL, es_US from the RLA-ES project) read by spylls, a pure-Python Hunspell,
  behind a per-project memo of verdicts so that a run with no new word never loads a
  dictionary.
- :mod:`~contentlint.language.suggest`: corrections for a misspelling, every word
  one edit away looked up in the shipped word set and ranked by how writers err
  (Hunspell's own search, seconds a word, only when none is a word).
- :mod:`~contentlint.language.vocabulary`: the words the library itself knows
  (glossary, acronyms, titles) plus a project word list and a guide's
  ``spelling_ignore``.
- :mod:`~contentlint.language.accents`: Spanish accents a word list cannot settle
  ("¿Que...?", "el/él", "publico/público"), decided from the sentence.
- :mod:`~contentlint.language.lexicon`: the editable lists of plainer words and of
  respectful disability language (``data/*.yaml``).

An analysis package: it imports nothing above :mod:`contentlint.facts`.
"""
