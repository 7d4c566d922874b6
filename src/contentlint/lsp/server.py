"""``contentlint lsp``: a Language Server Protocol server over stdio (pygls).

What the editor gets:

- diagnostics for the open guide and its translation, as the writer types
  (after a pause of ``debounce`` ms, 150 by default: ``initializationOptions``);
  an English edit that makes the Spanish stale is published on the Spanish file;
- a quick fix (code action) for every finding that has a fix; the safe ones are
  marked preferred;
- hover on a finding: its message, its hint and the rule's documentation
  (what ``contentlint explain`` prints).

The library is loaded once (:mod:`contentlint.lsp.state`) and kept warm; an edit
re-checks only the edited file and its translation.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from contentlint.findings import Applicability, Finding, Severity
from contentlint.i18n import localize, ui_language

if TYPE_CHECKING:
    from contentlint.lsp.state import WarmLibrary

DEFAULT_DEBOUNCE_MS = 150
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class ContentlintServer(LanguageServer):
    """The server and what it keeps between requests."""

    def __init__(self) -> None:
        from contentlint import __version__

        super().__init__("contentlint", __version__)
        self.warm: WarmLibrary | None = None
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.lang = ui_language()
        # The last findings published for each file (by URI), for code actions and hover.
        self.published: dict[str, list[Finding]] = {}
        self.texts: dict[str, str] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def warm_library(self, folder: Path) -> WarmLibrary:
        """The project's library, loaded on first use."""
        if self.warm is None:
            from contentlint.lsp.state import WarmLibrary

            self.warm = WarmLibrary.open(folder)
        return self.warm


server = ContentlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: ContentlintServer, params: types.InitializeParams) -> None:
    """Read the options and load the project of the workspace folder."""
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    debounce = options.get("debounce")
    if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 10_000:
        ls.debounce = debounce / 1000
    if options.get("uiLang") in ("en", "es"):
        ls.lang = options["uiLang"]
    folder = _workspace_folder(params)
    if folder is not None:
        ls.warm_library(folder)


def _workspace_folder(params: types.InitializeParams) -> Path | None:
    uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
    if uri:
        path = to_fs_path(uri)
        return Path(path) if path else None
    return Path(params.root_path) if params.root_path else None


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ContentlintServer, params: types.DidOpenTextDocumentParams) -> None:
    """Check the opened guide at once."""
    _check_now(ls, params.text_document.uri, params.text_document.text)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ContentlintServer, params: types.DidChangeTextDocumentParams) -> None:
    """Check again after a pause in typing (each change restarts the wait)."""
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    text = ls.workspace.get_text_document(uri).source
    if ls.debounce <= 0:
        _check_now(ls, uri, text)
        return
    loop = asyncio.get_running_loop()
    ls.pending[uri] = loop.call_later(ls.debounce, _check_latest, ls, uri)


def _check_latest(ls: ContentlintServer, uri: str) -> None:
    ls.pending.pop(uri, None)
    _check_now(ls, uri, ls.workspace.get_text_document(uri).source)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ContentlintServer, params: types.DidCloseTextDocumentParams) -> None:
    """Go back to the file on disk (unsaved edits are gone) and clear the file's diagnostics."""
    uri = params.text_document.uri
    path = _path(uri)
    if path is not None and ls.warm is not None and path.is_file():
        from contentlint.content.read import read_source

        source = read_source(path, ls.warm.config.settings.max_file_bytes, ls.warm.config.content_root)
        if source.text is not None:
            ls.warm.update(path, source.text)
    ls.published.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(path) if path else None


def _check_now(ls: ContentlintServer, uri: str, text: str) -> None:
    """Put the text in the warm library, check it and its translation, publish both."""
    path = _path(uri)
    if path is None:
        return
    warm = ls.warm_library(path.parent)
    doc = warm.update(path, text)
    if doc is None:
        return
    checked = warm.check(doc)
    for display, findings in checked.findings.items():
        target = uri if display == doc.display else from_fs_path(str(warm.config.root / display))
        if target is None:
            continue
        _publish(ls, target, findings, checked.texts.get(display, ""))


def _publish(ls: ContentlintServer, uri: str, findings: list[Finding], text: str) -> None:
    ls.published[uri] = findings
    ls.texts[uri] = text
    lines = text.split("\n")
    diagnostics = [_diagnostic(ls, finding, lines) for finding in findings]
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))


def _utf16(line: str, column: int) -> int:
    """A 1-based character column as the 0-based UTF-16 offset LSP counts in."""
    return len(line[: max(column - 1, 0)].encode("utf-16-le")) // 2


def _range(finding: Finding, lines: list[str]) -> types.Range:
    """The finding's span: its end when known, else the word at its start (a whole
    file's finding: the first line)."""
    loc = finding.location
    line_no = max(loc.line, 1)
    line = lines[line_no - 1] if line_no <= len(lines) else ""
    start = loc.column if loc.line else 1
    if loc.end_line is not None and loc.end_column is not None and loc.end_line == loc.line:
        end = loc.end_column
    elif finding.fix is not None and len(finding.fix.edits) == 1 and finding.fix.edits[0].line == line_no:
        end = finding.fix.edits[0].end_column
    else:
        word = line[start - 1 :].split(maxsplit=1)
        end = start + (len(word[0]) if word else 0) if loc.line else len(line) + 1
    end = max(end, start + 1)
    return types.Range(
        types.Position(line_no - 1, _utf16(line, start)),
        types.Position(line_no - 1, _utf16(line, min(end, len(line) + 1))),
    )


def _diagnostic(ls: ContentlintServer, finding: Finding, lines: list[str]) -> types.Diagnostic:
    message = localize(finding.message, ls.lang)
    if finding.hint:
        message += "\n" + localize(finding.hint, ls.lang)
    related = [
        types.DiagnosticRelatedInformation(
            types.Location(from_fs_path(str(ls.warm.config.root / other.path)) or "", types.Range(
                types.Position(max(other.line - 1, 0), max(other.column - 1, 0)),
                types.Position(max(other.line - 1, 0), max(other.column - 1, 0)))),
            localize(other.note, ls.lang) or other.path,
        )
        for other in finding.related
    ] if ls.warm is not None else []
    return types.Diagnostic(
        range=_range(finding, lines),
        message=message,
        severity=_SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.code,
        source="contentlint",
        related_information=related or None,
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
)
def code_action(ls: ContentlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """A quick fix for each finding with a fix whose line is in the asked range."""
    uri = params.text_document.uri
    lines = ls.texts.get(uri, "").split("\n")
    actions = []
    for finding in ls.published.get(uri, []):
        fix = finding.fix
        if fix is None or not params.range.start.line <= finding.location.line - 1 <= params.range.end.line:
            continue
        edits = []
        for edit in fix.edits:
            line = lines[edit.line - 1] if 0 < edit.line <= len(lines) else ""
            edits.append(types.TextEdit(
                types.Range(types.Position(edit.line - 1, _utf16(line, edit.column)),
                            types.Position(edit.end_line - 1, _utf16(line, edit.end_column))),
                edit.new,
            ))
        actions.append(types.CodeAction(
            title=f"{finding.code}: {localize(fix.title, ls.lang)}",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[_diagnostic(ls, finding, lines)],
            edit=types.WorkspaceEdit(changes={uri: edits}),
            is_preferred=fix.applicability is Applicability.SAFE,
        ))
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ContentlintServer, params: types.HoverParams) -> types.Hover | None:
    """The message, hint and rule documentation of the findings under the cursor."""
    uri = params.text_document.uri
    lines = ls.texts.get(uri, "").split("\n")
    parts = []
    for finding in ls.published.get(uri, []):
        where = _range(finding, lines)
        if where.start.line == params.position.line and where.start.character <= params.position.character <= (
            where.end.character
        ):
            parts.append(_explain(ls, finding))
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def _explain(ls: ContentlintServer, finding: Finding) -> str:
    from contentlint.rules import registry

    rule = registry().get(finding.code)
    text = f"**{finding.code} {finding.name}**: {localize(finding.message, ls.lang)}"
    if finding.hint:
        text += f"\n\n{localize(finding.hint, ls.lang)}"
    if rule is not None:
        text += "\n\n" + rule.documentation()
    return text


def serve() -> None:
    """Serve over stdin/stdout until the editor says exit."""
    server.start_io()
