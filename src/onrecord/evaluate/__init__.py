"""Evaluation against the PolNeAR attribution corpus: reader, metrics, textacy baseline, report."""
