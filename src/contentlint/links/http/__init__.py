"""The external link check over HTTP: settings, results and the asyncio engine."""
