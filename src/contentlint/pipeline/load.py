"""Loading: every file of the library read, parsed and validated into documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.config.settings import Config
from contentlint.content.documents import Document, load_document
from contentlint.content.read import display_path
from contentlint.i18n import msg
from contentlint.pipeline.discover import inside

if TYPE_CHECKING:
    from contentlint.content.yamlload import YamlStore

def load_library(files: Sequence[Path], config: Config, store: YamlStore | None = None) -> list[Document]:
    """Load and validate every file (``store``: YAML parsed in earlier runs)."""
    from contentlint.content.read import LoadProblem
    from contentlint.schema.validate import validate_document

    content_root = config.content_root
    docs = []
    for path in files:
        shown = display_path(path.absolute(), config.root)
        if config.excluded(shown):
            continue
        if path.is_symlink() and not inside(path, content_root) and inside(path.parent, content_root):
            doc = Document(path, shown, "guide", None)
            doc.problems.append(
                LoadProblem(
                    "CL001",
                    msg("symbolic link points outside the content folder; not read"),
                    hint=msg("Copy the file into content/ instead of linking to it."),
                )
            )
            docs.append(doc)
            continue
        doc = load_document(path, shown, config.settings.max_file_bytes, store)
        validate_document(doc)
        docs.append(doc)
    return docs
