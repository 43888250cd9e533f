"""Benchmark of the site build: a synthetic corpus of any size, and timings against plain Material.

    python -m kennisschakels bench corpus --pages 2000 --out DIR
    python -m kennisschakels bench run --sizes 250,1000,2000,5000 --repeat 3
    python -m kennisschakels bench profile --pages 1000

The corpus is made from the content type declarations (kennisschakels/model/declarations.py).
See BENCHMARKS.md at the top of the repository for the latest figures.
"""
