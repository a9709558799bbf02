"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full-text search, chosen by the
database), with one fix: the ranking of combined queries on SQLite.

FTS5's bm25() scores the whole MATCH expression at once and is negative (lower is better); the
upstream SQLite compiler multiplies (1 + score) once per And clause, which flips the order so
that the best matches of a two-word query come last. Here every query is ranked by bm25() itself.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def sqlite_backend():
    """The SQLite backend class with the fixed ranking (its modules load only on SQLite)."""
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class SQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            return BM25() * boost if boost != 1.0 else BM25()

    class SQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = SQLiteQueryCompiler

    return SQLiteSearchBackend, SQLiteBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks for this name in a backend module)
    """The database backend for the default database, with the SQLite fix above."""
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        upstream, fixed = sqlite_backend()
        if isinstance(backend, upstream):  # FTS5 is there (else Wagtail falls back to LIKE)
            return fixed(params)
    return backend
