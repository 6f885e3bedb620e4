"""Who an article is: its canonical URL when known, else a hash of its normalised text (ingesting twice is a no-op)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Tracking parameters that make one article look like many (campaign tags, click ids, share sources).
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|share|s_cid|at_\w+)$", re.I)
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def canonical_url(url: str | None) -> str | None:
    """The URL with scheme and host lowercased, default ports, fragments, tracking parameters and a trailing
    slash dropped, so the same page linked from a feed, a share button and a crawl is one key."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        # "https://[host/" (an unclosed IPv6 bracket), "https://host:99999/": no URL to normalise, but still
        # this article's own address (urlsplit raising here stopped a whole ingest)
        return url.strip()
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if scheme in ("http", "https"):
        scheme = "https"       # the same article served over both
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, query, ""))


def normalise_text(text: str) -> str:
    """Text compared for identity: NFKC, curly quotes and dashes made plain, whitespace collapsed, casefolded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip().casefold()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def article_key(url: str | None, text: str) -> str:
    canonical = canonical_url(url)
    return f"url:{canonical}" if canonical else f"text:{text_hash(text)}"
