"""Draw the seeded sample of PolNeAR train gold attributions that were labelled speech/thought by hand.

Prints article, start, end of the content's covering span, one per line (the labels file adds the mode). The text
is read by path and never written: ``python benchmarks/mode_sample.py /work/shared/datasets/polnear/train``.
With ``--show`` it also prints the cue and the first words of the content, for the person labelling.
"""

from __future__ import annotations

import argparse
import random

from onrecord.evaluate.polnear import read_split

SEED = 19
SIZE = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("split_dir")
    parser.add_argument("--show", action="store_true", help="also print cue and content start (for labelling)")
    args = parser.parse_args()
    articles = read_split(args.split_dir)
    pool = [(a, g) for a in articles for g in a.attributions]
    sample = random.Random(SEED).sample(pool, SIZE)
    sample.sort(key=lambda ag: (ag[0].name, ag[1].start))
    for article, gold in sample:
        line = f"{article.name}\t{gold.start}\t{gold.end}"
        if args.show:
            cue = " ".join(article.text[s:e] for s, e in gold.cue) or "-"
            src = " ".join(article.text[s:e] for s, e in gold.source) or "-"
            content = " ".join(article.text[gold.start:gold.end].split())[:90]
            line += f"\t[{src}] <{cue}> {content}"
        print(line)


if __name__ == "__main__":
    main()
