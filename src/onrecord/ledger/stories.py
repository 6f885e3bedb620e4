"""Near-duplicate articles (the same wire story republished) grouped into one story, by MinHash over shingles.

Support for a claim is counted once per story, so a story syndicated to twenty outlets is one source.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

from .identity import normalise_text

SHINGLE = 5            # words per shingle: long enough that unrelated articles rarely share one
PERMUTATIONS = 64
# 16 bands of 4 rows: pairs with Jaccard 0.7 share a band with p ≈ 0.98, pairs at 0.3 with p ≈ 0.12
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SAME_STORY = 0.7       # estimated Jaccard of shingle sets from which two articles are one story
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")


def _seeded(tag: bytes, bits: int) -> np.ndarray:
    # fixed parameters, so signatures agree across processes, machines and versions
    return np.array([int.from_bytes(hashlib.blake2b(tag + b"%d" % i, digest_size=8).digest(), "big") % (1 << bits)
                     for i in range(PERMUTATIONS)], dtype=np.uint64).reshape(-1, 1)


# a < 2^29 and x < 2^32 keep a*x + b under 2^62: no overflow in uint64
_A = _seeded(b"a", 29) | np.uint64(1)
_B = _seeded(b"b", 60)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(normalise_text(text))
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words)) if words else []
    return {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(), digest_size=4).digest(), "big")
            for i in range(max(0, len(words) - SHINGLE + 1))}


def signature(text: str) -> bytes:
    """A 64-value MinHash of the article's word 5-shingles, packed as bytes (b"" for a text with no words)."""
    items = shingles(text)
    if not items:
        return b""
    x = np.fromiter(items, dtype=np.uint64, count=len(items)).reshape(1, -1)
    values = ((_A * x + _B) % np.uint64(_PRIME)) & np.uint64(0xFFFFFFFF)
    return values.min(axis=1).astype("<u4").tobytes()


def bands(sig: bytes) -> list[str]:
    """Index keys: two articles that share one are compared."""
    if not sig:
        return []
    return [f"{b}:{sig[b * ROWS * 4:(b + 1) * ROWS * 4].hex()}" for b in range(BANDS)]


def resemblance(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets."""
    if not a or not b:
        return 0.0
    va, vb = struct.unpack(f"<{PERMUTATIONS}I", a), struct.unpack(f"<{PERMUTATIONS}I", b)
    return sum(x == y for x, y in zip(va, vb)) / PERMUTATIONS
