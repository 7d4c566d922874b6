"""Meaning parity inside aligned sentences (the MP rules' analysis).

Layer: between the run context and the analysis packages. It reuses the
readability engine's sentence segmenter (:mod:`contentlint.readability.segment`)
and the block alignment and glossary of :mod:`contentlint.bilingual`, so it sits
above both (they are independent of each other and may not import it).

* :mod:`.lexicon`: the marker lexicons (``data/lexicon.toml``) and the glossary's
  party terms, compiled into matchers once per run.
* :mod:`.sentences`: sentence alignment inside an aligned block pair (one English
  sentence to one, two or zero Spanish sentences, and the reverse).
* :mod:`.markers`: the markers of one sentence: negation, modality, time relation
  and condition, quantity and frequency, parties.
* :mod:`.compare`: the differences between the markers of an aligned sentence pair.
* :mod:`.consistency`: each pair's table of aligned sentences with comparison keys, and
  the places across the library where one English sentence has two renderings (PR045).
"""
