"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full-text search, chosen by the
database), with two fixes.

SQLite: FTS5's bm25() scores the whole MATCH expression at once and is negative (lower is
better); the upstream compiler multiplies (1 + score) once per And clause, which flips the order
so that the best matches of a two-word query come last. Here every query is ranked by bm25().

PostgreSQL: upstream matches the query against the title and body vectors joined into one
(`title || body @@ query`), which no index can serve, so every search reads the whole index.
Here a search first keeps the entries whose title or body holds any word of the query (served
by the GIN indexes on each), and the upstream match then runs on those alone: same results.
"""

from functools import reduce
from operator import or_

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


def postgres_backend():
    """The PostgreSQL backend class whose searches can use the index (its modules load only there)."""
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Q
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import And, Or, PlainText

    def plain_words(query):
        """Every word of a query made of plain text, And and Or; None for any other kind."""
        if isinstance(query, PlainText):
            return query.query_string.split()
        if isinstance(query, (And, Or)):
            parts = [plain_words(subquery) for subquery in query.subqueries]
            return None if None in parts else [word for part in parts for word in part]
        return None

    class PostgresQueryCompiler(PostgresSearchQueryCompiler):
        def search(self, config, start, stop, score_field=None, backend=None):
            words = plain_words(self.query) if self.fields is None else None
            if words:
                any_word = reduce(or_, (SearchQuery(word, config=config) for word in words))
                self.queryset = self.queryset.filter(
                    Q(index_entries__title=any_word) | Q(index_entries__body=any_word)
                )
            return super().search(config, start, stop, score_field, backend)

    class PostgresBackend(PostgresSearchBackend):
        query_compiler_class = PostgresQueryCompiler

    return PostgresBackend


def SearchBackend(params):  # noqa: N802 (Wagtail looks for this name in a backend module)
    """The database backend for the default database, with the fixes above."""
    if connection.vendor == "postgresql":
        return postgres_backend()(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        upstream, fixed = sqlite_backend()
        if isinstance(backend, upstream):  # FTS5 is there (else Wagtail falls back to LIKE)
            return fixed(params)
    return backend
