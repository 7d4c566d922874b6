"""Applying the fixes rules attach to findings (``contentlint fix``, the editor's code actions).

Rules say what to change (:class:`contentlint.findings.Fix`: edits on one line each,
with the text they replace); this package decides what may change and changes it:

- only files under the content folder, read and written through the safe file
  layer (bounded reads, no symbolic link followed, atomic writes);
- only edits whose ``old`` text is still in the file at their place (a stale fix
  is dropped), and never two edits that touch the same characters (the first in
  file order wins; the next pass of ``fix`` finds the rest again);
- the file's bytes outside the edits are kept: its newlines (``\\r\\n`` too) and a
  byte-order mark; a file with lone ``\\r`` newlines is left alone, since positions
  in it cannot be matched safely;
- a file whose front matter (or a data file) changed is parsed again with
  ruamel.yaml's round-trip loader, and not written when it no longer loads.
"""

from contentlint.fixes.apply import FilePlan, apply_plans, plan_fixes, unified_diff

__all__ = ["FilePlan", "apply_plans", "plan_fixes", "unified_diff"]
