"""The language server (``contentlint lsp``): findings, fixes and explanations in the editor."""
