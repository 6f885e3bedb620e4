"""Hostile inputs for the hardening tests (issue #7), written at test time: nothing large is committed."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from hypothesis import HealthCheck, settings
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = ("<html><head><title>{title}</title></head><body>{prefix}<article><p>{lead} The regional council confirmed "
           "the decision at a meeting on Tuesday evening, after a debate that lasted almost four hours.</p><p>"
           "Opponents said they would challenge the vote in court, arguing that the consultation had been far too "
           "short.</p></article></body></html>")
SECRET = "TOPSECRET-XXE-CONTENT"

# CI runs the same examples every time: derandomized, few enough to stay within seconds with the real parser, no
# example database written into the tree. benchmarks/fuzz.py is the long, random search.
CI = settings(derandomize=True, max_examples=40, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def page(title: str, lead: str, prefix: str = "") -> str:
    return ARTICLE.format(title=title, lead=lead, prefix=prefix)


def html_response(writer: WARCWriter, uri: str, body: bytes, encoding: str | None = None):
    headers = [("Content-Type", "text/html; charset=utf-8")]
    if encoding:
        headers.append(("Content-Encoding", encoding))
    return writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"))


def gzip_bomb_warc(path: Path, inflated: int) -> Path:
    """A .warc.gz whose first record's gzip member inflates to ``inflated`` bytes of NULs (from ~1/1000 of that),
    followed by one ordinary page: the bomb is at the WARC record level, not in an HTTP Content-Encoding."""
    with open(path, "wb") as out:
        member = gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9)
        member.write(b"WARC/1.0\r\nWARC-Type: resource\r\n"
                     b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
                     b"WARC-Target-URI: https://bomb.example/\r\nContent-Type: text/html\r\n"
                     b"Content-Length: %d\r\n\r\n" % inflated)
        zeros = bytes(1 << 20)
        for _ in range(inflated >> 20):
            member.write(zeros)
        member.write(bytes(inflated % (1 << 20)) + b"\r\n\r\n")
        member.close()
        writer = WARCWriter(out, gzip=True)
        writer.write_record(html_response(writer, "https://news.example/after-bomb",
                                          page("After the bomb", "The page after the bomb is read.").encode()))
    return path


def warc_pages(path: Path, n: int) -> Path:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(n):
            writer.write_record(html_response(writer, f"https://news.example/{i}",
                                              page(f"Page {i}", f"Story number {i} of the crawl.").encode()))
    return path


def xxe_feed(path: Path, secret_file: Path) -> Path:
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n'
                    f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
                    '<rss version="2.0"><channel><title>Feed &xxe;</title><item><title>Leak &xxe;</title>'
                    '<description>The harbour master said the port would reopen &xxe; on Monday.</description>'
                    '</item></channel></rss>', encoding="utf-8")
    return path
