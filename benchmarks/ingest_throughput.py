"""Throughput of `onrecord ingest` (read, extract, write the ledger) against `extract` alone, on the same texts.

    python benchmarks/ingest_throughput.py CORPUS_DIR [--repeat K] [--model NAME]

CORPUS_DIR holds .txt files (e.g. ../shared/datasets/polnear/dev/text). Both runs use one process and one
loaded model; each ingest writes a fresh ledger in a temporary folder. Runs are interleaved and the best of K
kept, because timings on a shared machine drift. Prints articles/s and words/s of each and the ratio
ingest/extract (target ≥ 0.85: the ledger may cost at most 15% of the extraction).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from corpus import corpus_files, corpus_parser  # noqa: E402

from onrecord import Extractor  # noqa: E402
from onrecord.batch.runner import ingest  # noqa: E402
from onrecord.ingest.reader import read  # noqa: E402
from onrecord.ledger.store import Store  # noqa: E402


def main() -> None:
    args = corpus_parser(__doc__.splitlines()[0]).parse_args()
    files = corpus_files(args.corpus, "ingest_throughput")
    extractor = Extractor(args.model)
    docs = [d for d in read(files)]
    words = sum(len(d.text.split()) for d in docs)
    extractor.extract(docs[0].text)          # warm up

    def run_extract() -> float:
        start = time.perf_counter()
        texts = [(d.source, d.text) for d in read(files)]
        for i in range(0, len(texts), 64):
            for _article in extractor.extract_many(texts[i:i + 64]):
                pass
        return time.perf_counter() - start

    def run_ingest() -> float:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = ingest(files, store, extractor.extract_many, model=args.model)
            elapsed = time.perf_counter() - start
            assert report.added == len(docs), report
            return elapsed

    best_extract, best_ingest = float("inf"), float("inf")
    for k in range(args.repeat):
        best_extract = min(best_extract, run_extract())
        best_ingest = min(best_ingest, run_ingest())
        print(f"  round {k + 1}: extract {best_extract:.1f} s, ingest {best_ingest:.1f} s (best so far)",
              file=sys.stderr)
    n = len(docs)
    print(f"corpus: {args.corpus} — {n} articles, {words:,} words; 1 process, best of {args.repeat}")
    print(f"{'stage':<26} {'articles/s':>11} {'words/s':>9}")
    print(f"{'extract (read + extract)':<26} {n / best_extract:>11.2f} {words / best_extract:>9,.0f}")
    print(f"{'ingest (… + ledger)':<26} {n / best_ingest:>11.2f} {words / best_ingest:>9,.0f}")
    print(f"ratio ingest/extract: {best_extract / best_ingest:.3f} (target ≥ 0.85)")


if __name__ == "__main__":
    main()
