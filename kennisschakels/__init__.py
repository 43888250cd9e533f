"""Kennisschakels: content model, checks, derivations and site pipeline of the knowledge base.

This package does not import MkDocs: the engine adapter lives in ``hooks/``, so that a move
to another site generator replaces only that adapter (see MIGRATION.md).
"""
