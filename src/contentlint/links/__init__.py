"""Link checking for contentlint.

- :mod:`contentlint.links.http.engine`: the asyncio/aiohttp engine for external
  ``http``/``https`` URLs (``check_urls``, ``ExternalLinkSettings``, ``LinkResult``).
- :mod:`contentlint.links.cache`: the persistent result cache (JSON, atomic writes).
- :mod:`contentlint.links.guard`: the address guard (no private, loopback,
  link-local, multicast, reserved or cloud-metadata addresses).
- :mod:`contentlint.links.linkchecker`: the optional whole-site crawl by
  LinkChecker (GPL-2.0-or-later), run as a subprocess, never imported.
"""
