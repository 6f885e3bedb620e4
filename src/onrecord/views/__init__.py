"""Stage 5: read-only views of the ledger — exports (and, later, the web pages and JSON API)."""
