"""LK101 broken-external-link: an external URL that does not work (network; opt-in)."""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.links.online import ExternalOutcomeRule


class BrokenExternalLink(ExternalOutcomeRule):
    """An external link that is broken: 404/410, unknown host, refused, TLS error, redirect loop.

    ## What it does
    Only with `--links external` (or `links = "external"` in the configuration):
    collects every distinct `http(s)` URL of the library (guide bodies, cards,
    data files), checks each once over the network (HEAD, then GET when a
    server mishandles HEAD; redirects followed; retries on 429, 5xx and
    timeouts, honouring `Retry-After`), and reports a broken one at **every**
    place it is written. Broken: HTTP 404, 410 and other 4xx/5xx after
    retries, a host that does not resolve, a refused connection, a TLS
    error, a redirect loop or endless chain, an address the guard blocks
    (private, loopback, cloud metadata). Results are cached in
    `.contentlint_cache/links.json` (successes for a day), so a second run
    sends no request for links that worked. Progress and a one-line summary
    go to stderr. Selecting the rule alone (`--select LK`) never uses the network.

    ## Why is this bad?
    Pages move and sites close. A parent who follows a dead link to the
    state's complaint form or a Parent Center loses the help the guide promised.

    ## Example
    ```markdown
    [State complaint form](https://www.example.gov/sped/complaint-form.pdf)   <- LK101 if it returns 404
    ```

    ## Options
    These options set up the network check of LK101, LK102 and LK103
    (`[tool.contentlint.rules.broken-external-link]`):
    - `timeout-connect` (5), `timeout-read` (10): seconds.
    - `max-concurrency` (64), `per-host-concurrency` (8): requests in flight.
    - `max-retries` (2), `max-retry-wait` (10 s, caps `Retry-After`), `retry-backoff` (0.5 s).
    - `max-redirects` (10).
    - `exclude-urls` (none): regular expressions; a matching URL is not checked.
    - `accept-statuses` (none): statuses treated as working, e.g. `[999]`.
    - `user-agent` (contentlint's own): any string, or `"browser"` for a browser's.
    - `head-first` (true): try HEAD before GET.
    - `hosts` (none): per-host tables (`"www.example.org"`, `"host:port"` or
      `"*.example.org"`) with `concurrency`, `timeout-connect`, `timeout-read`,
      `headers`, `accept-statuses`, `user-agent`, `head-first`.
    - `allow-loopback` (false), `allow-private` (false), `allow-hosts` (none,
      `"host:port"` entries): let the address guard through to this machine,
      private networks, or named hosts (a local test server).
    - `cache` (true), `cache-ttl` (86400 s for working links),
      `cache-ttl-error` (0: failures are always re-checked).
    - `deadline` (300 s): the whole network check's budget; links not checked
      by then are reported once each as unverified (LK102), saying why.
    - `max-host-timeouts` (2): a host whose requests time out this many times
      is given up for the run, its other links reported as unverified (LK102);
      0 never gives a host up.
    """

    code = "LK101"
    name = "broken-external-link"
    default_severity = Severity.ERROR
    options_of = None  # the network settings are its own

    outcomes = ("error",)
