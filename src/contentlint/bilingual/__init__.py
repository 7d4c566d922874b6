"""Bilingual analysis: how an English guide and its Spanish translation correspond.

Layer: analysis (imported by the run context and the rules; imports the facts
grammar and the content model, never a rule). Block normalization and hard
tokens (:mod:`.blocks`, :mod:`.tokens`), block alignment (:mod:`.align`), sync
marks and staleness (:mod:`.marks`, :mod:`.staleness`), the glossary with
Spanish inflection (:mod:`.glossary`, :mod:`.inflection`), language
identification (:mod:`.langid`), word diffs (:mod:`.worddiff`), and how
findings name and place blocks (:mod:`.describe`, :mod:`.locate`).
"""
