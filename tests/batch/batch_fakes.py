"""Extractors for worker tests, importable by spawned workers: no model, and documents that crash or raise."""

from __future__ import annotations

import os

from onrecord.article import Article


def fake_extractor(model: str):
    def extract_many(items):
        for source, text in items:
            if "CRASH" in text:
                os._exit(3)           # a worker dying as on a segfault or the OOM killer
            if "RAISE" in text:
                raise ValueError("bad document")
            yield Article(source, len(text))
    return extract_many


def refusing_extractor(model: str):
    """Fails every document: a run that dispatches nothing has no failures."""
    def extract_many(items):
        raise RuntimeError("nothing should have been extracted")
    return extract_many
