"""Stage 1: bytes from files or stdin become article text."""
