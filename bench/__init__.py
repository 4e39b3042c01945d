"""Accuracy and speed benchmarks for postclean against peer extractors (not run in CI).

Run from the repository root: ``python -m bench.text_bench`` and ``python -m bench.html_bench``.
"""
