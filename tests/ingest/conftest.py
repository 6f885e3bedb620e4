"""Shared helpers for the ingest tests: where the hand-written fixtures live, and a small WARC builder."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture()
def fixtures() -> Path:
    return FIXTURES


ARTICLE = ("<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
           "<p>{lead} The regional council confirmed the decision at a meeting on Tuesday evening, "
           "after a debate that lasted almost four hours.</p>"
           "<p>Opponents said they would challenge the vote in court, arguing that the public consultation "
           "had been far too short for a project of this size.</p></article></body></html>")


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK", extra: list[tuple[str, str]] | None = None):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-15T10:00:00Z"})


def _build_warc(path: Path, gzip_records: bool = True) -> Path:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /wind-farm HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example/wind-farm", "request",
                                                      payload=io.BytesIO(b""), length=0, http_headers=request))
        page = ARTICLE.format(title="Council backs wind farm", lead="The wind farm will go ahead.",
                              head='<meta property="article:published_time" content="2024-03-14">')
        writer.write_record(_response(writer, "https://news.example/wind-farm", page.encode()))
        writer.write_record(_response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                                      content_type="image/png"))
        missing = ARTICLE.format(title="Not found", lead="This page does not exist.", head="")
        writer.write_record(_response(writer, "https://news.example/gone", missing.encode(), status="404 Not Found"))
        second = ARTICLE.format(title="Café owners protest", lead="Owners of the “Café Central” protested.",
                                head='<link rel="canonical" href="/cafes">')
        writer.write_record(_response(writer, "https://news.example/cafes?ref=home",
                                      gzip.compress(second.encode("cp1252")),
                                      content_type="text/html; charset=windows-1252",
                                      extra=[("Content-Encoding", "gzip")]))
    return path


@pytest.fixture()
def build_warc() -> Callable[..., Path]:
    """Writes a WARC: warcinfo, request, HTML page, PNG, 404 page, gzip-encoded windows-1252 HTML page."""
    return _build_warc
