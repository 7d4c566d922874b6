"""The pipeline of a run: discover the files (:mod:`.discover`), load and validate
them (:mod:`.load`), resolve the configured rules (:mod:`.selection`), run them
on their targets (:mod:`.schedule`), apply severities, ignores and suppression
comments (:mod:`.finalize`, :mod:`.suppressions`), and compute what the editor's
report shows (:mod:`.views`). :func:`.run.run_check` ties them together.

Layer: below the commands; above the caches and the rules. Nothing here prints.
"""
