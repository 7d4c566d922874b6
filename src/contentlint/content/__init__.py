"""The content model: files read safely (:mod:`.read`), YAML with positions
(:mod:`.yamlload`), Markdown blocks from two parsers sharing one block type
(:mod:`.markdown`), documents (:mod:`.documents`), the library and its EN/ES pairs
(:mod:`.library`), accent folding (:mod:`.text`) and git (:mod:`.git`).

Layer: below every analysis package; imports only findings, i18n and errors.
"""
