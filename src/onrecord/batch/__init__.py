"""Running the stages over many inputs: read → extract → ledger, in batches, with progress."""
