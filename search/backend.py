"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full-text search, chosen by the
database), with one fix: the ranking of combined queries on SQLite.

FTS5's bm25() scores the whole MATCH expression at once and is negative (lower is better); the
upstream SQLite compiler multiplies (1 + score) once per And clause, which flips the order so
that the best matches of a two-word query come last. Here every query is ranked by bm25() itself.
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
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


def SearchBackend(params):  # noqa: N802 (Wagtail looks for this name in a backend module)
    """The database backend for the default database, with the SQLite fix above."""
    backend = DatabaseSearchBackend(params)
    return SQLiteBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
