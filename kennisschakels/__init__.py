"""Kennisschakels: content model, validation and derivations of the knowledge base.

This package does not import MkDocs: the build adapters live in ``hooks/`` and
``kennisschakels_macros.py`` so that a move to another site generator stays an adapter.
"""

from kennisschakels.catalogue import Catalogue, load_catalogue
from kennisschakels.problems import ContentError, Problem

__all__ = ["Catalogue", "ContentError", "Problem", "load_catalogue"]
