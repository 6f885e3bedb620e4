"""onrecord: who said what, who denies it, and about whom — attributions with exact offsets."""

from .article import SCHEMA, Actor, Article, Attribution, Content, Span, Speaker
from .errors import InputError, LedgerError, ModelError, NotFound, OnrecordError

__version__ = "0.2.0"



def __getattr__(name: str):
    # spaCy is imported on first use of the extractor, so ledger commands and queries start fast
    if name in ("Extractor", "extract"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")


__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "Attribution",
    "Content",
    "Extractor",
    "InputError",
    "LedgerError",
    "ModelError",
    "NotFound",
    "OnrecordError",
    "Span",
    "Speaker",
    "extract",
]
