"""HTML pages to Documents: trafilatura finds the article text and metadata; never fetches anything.

Also decodes HTML bytes by their declared charset, and turns small HTML fragments (feed entries) into text.
"""

from __future__ import annotations

import codecs
import json
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from ..errors import InputError
from .clean import NO_TEXT, finish
from .dates import iso
from .document import Document, Failure
from .text import SNIFF_BYTES, decode

# <meta> names/properties/itemprops (lower-cased) that give the publication date, in order of trust.
DATE_META = ("article:published_time", "og:article:published_time", "published_time", "datepublished",
             "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date", "pubdate",
             "publishdate", "publish-date", "publication_date", "parsely-pub-date", "sailthru.date")

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# Browsers read a page labelled latin-1 as windows-1252 (WHATWG encoding standard); so do we.
_CHARSET_ALIASES = {"latin1": "cp1252", "latin-1": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252"}

BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
                        "h6", "blockquote", "pre", "table", "tr", "section", "article", "header", "footer",
                        "aside", "figure", "figcaption", "hr", "address"})


def decode_html(data: bytes, source: str, header_charset: str | None = None) -> str:
    """HTML bytes as text: UTF-8 if they are valid UTF-8, else the charset declared (HTTP header, then <meta>).

    UTF-8 goes first because servers often mislabel UTF-8 pages as latin-1, while text in a legacy charset is
    almost never valid UTF-8 by accident. Raises InputError for binary data, or for bytes that are not UTF-8
    and declare no charset that decodes them.
    """
    try:
        return decode(data, source)
    except InputError:
        if b"\x00" in data[:SNIFF_BYTES]:
            raise
        codec = _codec(header_charset or _meta_charset(data))
        if codec is None or codec in ("utf-8", "utf-8-sig"):
            raise
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(source, f"is not valid {codec} as it declares, nor UTF-8; convert it to UTF-8") from None


def _meta_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:SNIFF_BYTES])
    return found.group(1).decode("ascii") if found else None


def _codec(declared: str | None) -> str | None:
    if not declared:
        return None
    name = declared.strip().lower()
    try:
        return codecs.lookup(_CHARSET_ALIASES.get(name, name)).name
    except LookupError:
        return None


# libxml2 stops parsing at this depth of nested tags and drops the rest of the page without an exception
MAX_DEPTH = 255


def _tree(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The parsed page, and whether libxml2 gave up on it for nesting tags past MAX_DEPTH."""
    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except ValueError:
        # a str holding an <?xml encoding=...?> declaration: lxml wants bytes for that
        parser = lxml.html.HTMLParser(encoding="utf-8")
        try:
            tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
        except (ValueError, etree.LxmlError):
            return None, False
    except etree.LxmlError:
        return None, False
    return tree, any("Excessive depth" in e.message for e in parser.error_log)


def web_url(href: str | None, base: str | None) -> str | None:
    """``href`` as an absolute http(s) URL (resolved against ``base``), or None."""
    if not href or not href.strip():
        return None
    try:
        url = urljoin(base, href.strip()) if base else href.strip()
        parts = urlsplit(url)
    except ValueError:      # "https://[gazette.example/": an unclosed IPv6 bracket (found by benchmarks/fuzz.py)
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def canonical_url(tree: lxml.html.HtmlElement, base: str | None = None) -> str | None:
    """The page's ``<link rel=canonical>``, else its ``og:url``; relative ones resolved against ``base``."""
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = web_url(link.get("href"), base)
            if url:
                return url
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            url = web_url(meta.get("content"), base)
            if url:
                return url
    return None


def meta_date(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """(ISO date, method) from <meta> tags ("html-meta") or JSON-LD datePublished ("html-jsonld")."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content")
        if key in DATE_META and value and key not in found:
            found[key] = value
    for key in DATE_META:
        date = iso(found.get(key))
        if date:
            return date, "html-meta"
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        date = _jsonld_date(data)
        if date:
            return date, "html-jsonld"
    return None, None


def _jsonld_date(data: object, depth: int = 0) -> str | None:
    if depth > 4:
        return None
    if isinstance(data, list):
        return next((d for d in (_jsonld_date(x, depth + 1) for x in data) if d), None)
    if isinstance(data, dict):
        date = iso(data.get("datePublished"))
        if date:
            return date
        return _jsonld_date(data.get("@graph"), depth + 1)
    return None


def parse(html: str, source: str, *, cleaning: bool = True, url: str | None = None,
          fallback_date: str | None = None, fallback_method: str | None = None,
          fmt: str = "html") -> Document | Failure:
    """The article in one HTML page. ``url`` (where the page was fetched from) resolves relative links;
    ``fallback_date`` is used, with ``fallback_method``, when the page itself gives no date."""
    if not html.strip():
        return Failure(source, NO_TEXT)
    tree, too_deep = _tree(html)
    if tree is None:
        return Failure(source, "is not parseable HTML")
    if too_deep:
        # whatever follows the deep part would be lost without a word: the page is refused whole instead
        return Failure(source, f"HTML nests tags more than {MAX_DEPTH} deep, where the parser stops; the page "
                               "cannot be read whole")
    canonical = canonical_url(tree, base=url)
    published, method = meta_date(tree)
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False,
            # markup only: a date guessed from the article's own words could be any date it mentions
            date_extraction_params=set_date_params(False))
    except (ValueError, TypeError, etree.LxmlError) as exc:
        return Failure(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
    if extracted is None:
        return Failure(source, NO_TEXT)
    if not published and iso(extracted.date):
        published, method = iso(extracted.date), "trafilatura"
    if not published and fallback_date:
        published, method = fallback_date, fallback_method
    return finish(source, extracted.text, fmt, cleaning=cleaning, url=canonical or url or extracted.url,
                  title=extracted.title, author=extracted.author, site=extracted.sitename,
                  published=published, date_method=method)


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry's content): one line per block element, inline space collapsed."""
    if not markup or not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ValueError, etree.LxmlError):
        return " ".join(markup.split())
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, parts: list[str], pre: bool = False) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""  # "" for comments, PIs
    if tag in ("script", "style", "template"):
        return
    pre = pre or tag == "pre"
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag and element.text:
        parts.append(_inline(element.text, pre))
    for child in element:
        _walk(child, parts, pre)
        if child.tail:
            parts.append(_inline(child.tail, pre))
    if block:
        parts.append("\n")


def _inline(text: str, pre: bool) -> str:
    # a line break in the markup is only a space, except inside <pre>
    return text if pre else text.replace("\n", " ")
