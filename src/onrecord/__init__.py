"""onrecord: who said what, who denies it, and about whom — attributions with exact offsets."""

from .article import SCHEMA, Actor, Article, Attribution, Content, Span, Speaker
from .errors import InputError, LedgerError, ModelError, NotFound, OnrecordError
from .pipeline import Extractor, extract

__version__ = "0.2.0"

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
