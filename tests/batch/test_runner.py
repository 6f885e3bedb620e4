"""The one-process runner's printers: a long text's parse is followed on stderr instead of minutes of silence
(issue 21: a 900,000-character text ran silently until the end)."""

from __future__ import annotations

import io

import pytest

from onrecord.batch.runner import ChunkPrinter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _follow(steps: list[tuple[float, int]], chunks: int = 45) -> list[str]:
    """Lines printed when chunk ``parsed`` of ``chunks`` is done at each (seconds since the start, parsed)."""
    clock, stream = Clock(), io.StringIO()
    printer = ChunkPrinter(stream, after=5.0, every=5.0, clock=clock)
    printer("big.txt", 0, chunks)
    for at, parsed in steps:
        clock.now = 100.0 + at
        printer("big.txt", parsed, chunks)
    return stream.getvalue().splitlines()


@pytest.mark.parametrize(("steps", "expected"), [
    # parsed within the first five seconds: nothing printed
    ([(1.0, 1), (2.0, 2), (3.0, 3)], []),
    # a long parse: a line once five seconds have passed, then every five seconds, then the end
    ([(4.0, 1), (6.0, 2), (8.0, 3), (11.5, 4), (12.0, 45)],
     ["onrecord: parsing big.txt: 2/45 chunks, 6 s so far",
      "onrecord: parsing big.txt: 4/45 chunks, 12 s so far",
      "onrecord: parsed big.txt: 45 chunks in 12 s; finding its attributions"]),
], ids=["quick", "long"])
def test_runner_chunk_printer_follows_a_long_parse_and_stays_quiet_on_a_quick_one(steps, expected):
    assert _follow(steps) == expected


def test_runner_chunk_printer_on_a_terminal_replaces_the_progress_bar_line():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True
    clock, stream = Clock(), Terminal()
    printer = ChunkPrinter(stream, clock=clock)
    printer("big.txt", 0, 3)
    clock.now += 6
    printer("big.txt", 1, 3)
    assert stream.getvalue() == "\ronrecord: parsing big.txt: 1/3 chunks, 6 s so far\x1b[K\n"
