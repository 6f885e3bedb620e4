"""Stage 4: the ledger — actors and statements merged across articles."""
