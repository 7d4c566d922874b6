"""Facts: numbers, number words, money, dates, durations, contacts, URLs and legal
citations as they are written in English and Spanish (:mod:`.grammar` for the
patterns, :mod:`.extract` for locale-aware values, :mod:`.numwords` for numbers
in words). One grammar for the parity rules, FC001, alignment tokens and the
readability engine's citation stripper.

Layer: analysis foundation; imports only the content model.
"""
