"""The caches of ``check``: the whole-run result (:mod:`.run`, answered with the
standard library only), the per-file and per-pair findings (:mod:`.targets`),
and the SQLite database both live in (:mod:`.db`). See docs/caching.md.

Layer: between the pipeline and the rules; a cache never decides a result, it
only returns one computed earlier from the same inputs (a damaged row is a miss).
"""
