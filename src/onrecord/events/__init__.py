"""Stage 3b: acts reported in an article (sanctions, transfers, attacks) read off the parse and the attributions."""

from .extract import find_events

__all__ = ["find_events"]
