"""Throughput of onrecord extract against the spaCy parse alone, on the same texts, in one run.

    python benchmarks/throughput.py CORPUS_DIR [--processes N] [--model NAME] [--repeat K]

Prints articles/s and words/s for (1) the model as spaCy ships it (nlp.pipe on whole texts), (2) onrecord's
parse stage alone (the same pipeline, chunks and sentence starts as the full run) and (3) the full extraction,
the ratio full/parse (the cost of the attribution rules), full/plain spaCy, and the peak RSS of the run.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

from corpus import corpus_files, corpus_parser


def _texts(corpus: Path) -> list[str]:
    return [Path(p).read_text(encoding="utf-8", errors="replace") for p in corpus_files(corpus, "throughput")]


def _timed(docs) -> float:
    start = time.perf_counter()
    for _doc in docs:
        pass
    return time.perf_counter() - start


def _plain_spacy(args: tuple[str, list[str]]) -> float:
    """The model as spaCy ships it: nlp.pipe over whole texts."""
    import spacy
    model, texts = args
    return _timed(spacy.load(model).pipe(texts, batch_size=32))


def _parse_only(args: tuple[str, list[str]]) -> float:
    """onrecord's parse stage alone (same pipeline, chunking and sentence starts as the full run)."""
    from onrecord.nlp import load, parse_many
    model, texts = args
    return _timed(parse_many(load(model), texts))


def _full(args: tuple[str, list[str]]) -> float:
    from onrecord import Extractor
    model, texts = args
    extractor = Extractor(model)
    return _timed(extractor.extract_many(("bench", t) for t in texts))


def _run(func, model: str, texts: list[str], processes: int) -> float:
    """Wall seconds for ``func`` over ``texts`` split across ``processes`` (model load excluded)."""
    if processes == 1:
        return func((model, texts))
    shards = [texts[i::processes] for i in range(processes)]
    with mp.get_context("spawn").Pool(processes) as pool:
        # each worker times its own shard after loading the model; the slowest shard is the wall time
        return max(pool.map(func, [(model, shard) for shard in shards]))


def main() -> int:
    parser = corpus_parser(__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    texts = _texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    _full((args.model, texts[:5]))  # warm caches and lexicon files once
    # interleaved, best of K: this machine's speed drifts by 10-20% between runs
    plain_runs, parse_runs, full_runs = [], [], []
    for _ in range(args.repeat):
        plain_runs.append(_run(_plain_spacy, args.model, texts, args.processes))
        parse_runs.append(_run(_parse_only, args.model, texts, args.processes))
        full_runs.append(_run(_full, args.model, texts, args.processes))
    plain, parse, full = min(plain_runs), min(parse_runs), min(full_runs)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"corpus: {args.corpus} ({len(texts)} articles, {words} words), model {args.model}, "
          f"{args.processes} process(es), best of {args.repeat}")
    print(f"{'stage':<12}{'seconds':>10}{'articles/s':>14}{'words/s':>12}")
    for name, seconds in (("plain spaCy", plain), ("parse only", parse), ("full", full)):
        print(f"{name:<12}{seconds:>10.2f}{len(texts) / seconds:>14.1f}{words / seconds:>12.0f}")
    print(f"ratio full/parse (throughput): {parse / full:.3f}")
    print(f"ratio full/plain spaCy (throughput): {plain / full:.3f}")
    print(f"peak RSS: {max(rss_self, rss_children):.0f} MB per process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
