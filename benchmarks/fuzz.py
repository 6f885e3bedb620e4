"""Fuzz the readers and the extractor for a bounded time: hostile bytes and text in, crashes out (issue #7).

    python benchmarks/fuzz.py --minutes 10 --seed 1 [--out fuzz-crashes]     # 10 minutes of CPU time
    python benchmarks/fuzz.py --inputs 30 --seed 1          # a short, reproducible pass (what the test suite runs)

Inputs are drawn by hypothesis from a seeded random byte stream (``fuzz_one_input``), so a seed gives the same
inputs in the same order. Targets:

- ``read``: fixture files and hostile pieces (truncations, byte flips, NULs, BOMs, deep tags, entities, gzip) under
  every suffix, through ``read_stream``. Must yield only Documents and Failures; a Failure's reason is one line;
  every Document's text is non-empty and rebuilds its raw text.
- ``extract``: text of quote marks, cues, names, control characters, bidi and zero-width marks and long runs.
  Every span is the text it claims to be, the output is the same twice, and the Article survives a JSON round trip
  as valid UTF-8.

Any exception or broken invariant is a crash: the input is saved under ``--out`` with its traceback, and the run
exits 1. Prints, per target, the inputs tried, inputs per second and crashes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.article import Article  # noqa: E402
from onrecord.ingest.document import Document, Failure  # noqa: E402
from onrecord.ingest.reader import UNEXPECTED, ReadOptions, read_stream  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
SUFFIXES = [".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".xml", ".rss", ".atom", ".dat", ""]
HOSTILE_BYTES = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\x1f\x8b\x08", b"\r\n", b"\n\n", b"<",
                 b"<div>" * 300, b"</div>", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', b"&e;",
                 b"<![CDATA[", b"]]>", b'"', "“”«»".encode(), "\u202e\u200d\u200f".encode(), b"{", b"}",
                 b'{"text": "\\ud800 said"}\n', b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"\r\n\r\n",
                 b"<rss><channel><item><description>", b"charset=utf-16", b"charset=nonsense"]
FRAGMENTS = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", " said ", " he said", ", she said, ", "said:\n",
             "According to Ned Price, ", "Maria Zakharova ", "The ministry ", " denied that ", " accused ", " of ",
             " urged ", " to ", "?", ".", ",", ":", "\n", "\n\n", " ", "\t", "\r", "\x00", "\x0b", "\x85", "\u2028",
             "\u200d", "\u200f", "\u202e", "\ufeff", "\U0001f600", "e\u0301", "GENEVA (Reuters) - ", "It", "They "]
# Extracted text stays under this length, so one input parses in well under a second and the run tries many.
MAX_EXTRACT_CHARS = 20_000
READ_OPTIONS = ReadOptions(max_record_bytes=2_000_000)


def _seeds() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file()]
    seeds.append(gzip.compress(seeds[0]))
    seeds.append(b"")
    return seeds


SEEDS = _seeds()


@st.composite
def hostile_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, bytes): a fixture or nothing, then a few edits: cut, flip, insert, repeat, compress."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["cut", "flip", "insert", "repeat", "gzip"]))
        at = draw(st.integers(0, len(data))) if data else 0
        if op == "cut":
            del data[at:]
        elif op == "flip" and data:
            i = min(at, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(HOSTILE_BYTES), st.binary(max_size=64)))
        elif op == "repeat":
            n = draw(st.integers(2, 2000))
            piece = bytes(data[at:at + draw(st.integers(1, 16))]) or b'"'
            data[at:at] = piece * n
        else:
            data = bytearray(gzip.compress(bytes(data), compresslevel=1))
    return "fuzz" + draw(st.sampled_from(SUFFIXES)), bytes(data)


texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=24),
                           st.builds(lambda c, n: c * n, st.sampled_from(FRAGMENTS[:9]), st.integers(1, 3000))),
                 max_size=60).map(lambda parts: "".join(parts)[:MAX_EXTRACT_CHARS])


def check_read(name: str, data: bytes) -> None:
    for item in read_stream(name, io.BytesIO(data), READ_OPTIONS):
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason, f"reason is not one line: {item.reason!r}"
            assert UNEXPECTED not in item.reason, f"an unforeseen exception: {item.reason}"
            assert item.source.startswith(name), f"failure does not name the file: {item.source!r}"
        else:
            assert isinstance(item, Document), f"read yielded {type(item).__name__}"
            assert item.text.strip(), "a Document without text"
            item.text.encode("utf-8")          # storable: no lone surrogates
            for value in (item.source, item.title, item.author, item.url, item.site):
                if value is not None:
                    value.encode("utf-8")
            assert len(item.raw_text()) >= len(item.text), "cleaning added text"


def check_extract(extractor, text: str) -> None:  # noqa: ANN001 - Extractor, imported lazily
    first = extractor.extract(text)
    for a in first.attributions:
        spans = [a.content, a.cue, a.speaker.mention, a.sentence]
        for span in spans:
            if span is not None:
                assert text[span.start:span.end] == span.text, f"span {span.start}:{span.end} is not its text"
        assert all(a.content.start <= s < e <= a.content.end for s, e in a.content.parts), "parts outside content"
    assert extractor.extract(text) == first, "not deterministic"
    encoded = json.dumps(first.to_dict(), ensure_ascii=False).encode("utf-8")
    assert Article.from_dict(json.loads(encoded.decode("utf-8"))) == first, "JSON round trip differs"


@dataclass
class Tally:
    tried: int = 0
    crashes: int = 0
    seconds: float = 0.0
    saved: list[str] = field(default_factory=list)


def _target(name: str, out: Path, tally: Tally, extractor=None):  # noqa: ANN001, ANN202
    """A hypothesis test for ``name`` that records a crash instead of stopping the run."""
    def record(payload: bytes, suffix: str) -> None:
        tally.crashes += 1
        digest = hashlib.sha256(payload).hexdigest()[:16]
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}-{digest}{suffix}"
        path.write_bytes(payload)
        path.with_name(path.name + ".traceback.txt").write_text(traceback.format_exc())
        tally.saved.append(str(path))

    quiet = settings(database=None, deadline=None, phases=[Phase.generate],
                     suppress_health_check=list(HealthCheck))
    if name == "read":
        @quiet
        @given(hostile_files())
        def run(case: tuple[str, bytes]) -> None:
            try:
                check_read(*case)
            except Exception:  # noqa: BLE001 - every crash is recorded and the run goes on
                record(case[1], case[0].removeprefix("fuzz") or ".noext")
    else:
        @quiet
        @given(texts)
        def run(text: str) -> None:
            try:
                check_extract(extractor, text)
            except Exception:  # noqa: BLE001
                record(text.encode("utf-8", "surrogatepass"), ".txt")
    return run


class _Stop:
    """SIGTERM or Ctrl-C ends the run after the current input, and the figures so far are still printed."""

    def __init__(self) -> None:
        self.requested = False
        self.previous: dict[int, object] = {}
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self.previous[sig] = signal.signal(sig, self._request)

    def _request(self, *_: object) -> None:
        self.requested = True

    def restore(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)


def fuzz(seconds: float | None, inputs: int | None, seed: int, out: Path, targets: list[str]) -> dict[str, Tally]:
    """Alternate the targets until ``seconds`` pass (or each has had ``inputs`` inputs)."""
    rng = random.Random(seed)
    extractor = None
    if "extract" in targets:
        from onrecord.pipeline import Extractor
        extractor = Extractor()
    tallies = {t: Tally() for t in targets}
    runs = {t: _target(t, out, tallies[t], extractor) for t in targets}
    # the budget is CPU time of this process: on a shared machine a fuzz run may be paused (SIGSTOP) or starved,
    # and wall-clock minutes would then be minutes of nothing
    deadline = time.process_time() + seconds if seconds is not None else None
    stop = _Stop()
    try:
        _loop(targets, tallies, runs, rng, inputs, deadline, stop)
    finally:
        stop.restore()
    return tallies


def _loop(targets, tallies, runs, rng, inputs, deadline, stop) -> None:  # noqa: ANN001 - fuzz()'s locals
    next_report = time.process_time() + 60
    while not stop.requested:
        for t in targets:
            if inputs is not None and tallies[t].tried >= inputs:
                continue
            buffer = rng.randbytes(rng.choice((64, 256, 1024, 4096)))
            started = time.process_time()
            runs[t].hypothesis.fuzz_one_input(buffer)
            tallies[t].seconds += time.process_time() - started
            tallies[t].tried += 1
        if deadline is not None and time.process_time() >= deadline:
            break
        if time.process_time() >= next_report:      # a long run shows it is alive, and its figures so far
            next_report += 60
            print(f"  {time.process_time():.0f} s CPU: " + ", ".join(
                f"{n} {t.tried} inputs {t.crashes} crash(es)" for n, t in tallies.items()), flush=True)
        if inputs is not None and all(tallies[t].tried >= inputs for t in targets):
            break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, help="run for this many minutes of CPU time")
    parser.add_argument("--inputs", type=int, help="or stop after this many inputs per target")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="where crashing inputs are saved")
    parser.add_argument("--target", action="append", choices=("read", "extract"), help="default: both")
    args = parser.parse_args(argv)
    if args.minutes is None and args.inputs is None:
        parser.error("give --minutes or --inputs")
    targets = args.target or ["read", "extract"]
    started, cpu = time.perf_counter(), time.process_time()
    tallies = fuzz(args.minutes * 60 if args.minutes is not None else None, args.inputs, args.seed, args.out, targets)
    print(f"fuzz seed {args.seed}: {time.process_time() - cpu:.0f} s CPU, {time.perf_counter() - started:.0f} s wall")
    for name, t in tallies.items():
        rate = t.tried / t.seconds if t.seconds else 0.0
        print(f"  {name:8} {t.tried:7d} inputs  {rate:7.1f}/s of CPU  {t.crashes} crash(es)")
        for path in t.saved[:20]:
            print(f"    saved {path}")
    return 1 if any(t.crashes for t in tallies.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
