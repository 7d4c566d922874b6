"""``contentlint links --engine linkchecker``: a rendered site crawled by LinkChecker.

The crawls are skipped when the optional ``linkchecker`` program is absent.
"""

from __future__ import annotations

import shutil

import pytest

from clitools import FIXTURES
from contentlint.links.linkchecker import find_linkchecker

needs_linkchecker = pytest.mark.skipif(
    find_linkchecker() is None,
    reason="the optional `linkchecker` program is not installed (pip install 'contentlint[linkchecker]')",
)


@pytest.fixture
def rendered(tmp_path):
    """The fixture project (source guides + rendered site) in a private temporary folder."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "links" / "rendered", project)
    return project


@needs_linkchecker
def test_the_broken_link_maps_back_to_its_source_line(cli, rendered):
    result = cli("links", "--engine", "linkchecker", "site", "--internal-only", "--format", "json", cwd=rendered)
    assert result.code == 1, result.err
    findings = result.findings()
    assert [(f["code"], f["path"], f["line"], f["column"], f["severity"]) for f in findings] == [
        ("LK190", "content/en/iep-guide.md", 14, 46, "error")
    ]
    finding = findings[0]
    assert "'missing-guide.html' is broken in the rendered page site/en/iep-guide.html" in finding["message"]
    assert finding["related"] == [
        {"path": "site/en/iep-guide.html", "line": 6, "column": 62, "note": "in the rendered page"}
    ]
    # Paths in messages are the user's, even when the site was staged for LinkChecker.
    assert "contentlint-site-" not in result.out
    text = cli("links", "site", "--internal-only", cwd=rendered)
    assert text.code == 1
    assert text.out.startswith("content/en/iep-guide.md:14:46: LK190 ")


@needs_linkchecker
def test_a_clean_site_exits_0(cli, rendered):
    (rendered / "site/en/iep-guide.html").write_text(
        (rendered / "site/en/iep-guide.html").read_text().replace("missing-guide.html", "letter-guide.html")
    )
    result = cli("links", "site", "--internal-only", cwd=rendered)
    assert result.code == 0, result.out + result.err
    assert "All clear: 3 files checked" in result.out


@needs_linkchecker
def test_a_running_site_by_url(cli, rendered, server):
    start = server.url("/site/index.html")
    result = cli("links", start, "--internal-only", "--depth", "1", "--format", "json", cwd=rendered)
    assert result.code == 1, result.err
    # No guide renders as site/index.html: the finding stays on the page, at LinkChecker's position.
    assert [(f["path"], f["line"], f["message"].split(" is ")[0]) for f in result.findings()] == [
        (start, 6, "'missing.html'")
    ]


def test_linkchecker_not_installed_is_a_clear_error(cli, rendered):
    result = cli("links", "site", "--linkchecker", str(rendered / "no-such-linkchecker"), cwd=rendered)
    assert result.code == 2
    assert "LinkChecker is not installed" in result.err
    assert "pip install 'contentlint[linkchecker]'" in result.err


@needs_linkchecker
@pytest.mark.parametrize(
    ("target", "message"),
    [("no-such-folder", "no such folder"), ("content", "no .html pages"), ("pyproject.toml", "not an HTML page")],
)
def test_a_bad_target_is_a_usage_error(cli, rendered, target, message):
    result = cli("links", target, cwd=rendered)
    assert result.code == 2
    assert message in result.err
