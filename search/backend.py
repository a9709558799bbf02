"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full-text search, chosen by the
database), with two fixes.

SQLite: FTS5's bm25() scores the whole MATCH expression at once and is negative (lower is
better); the upstream compiler multiplies (1 + score) once per And clause, which flips the order
so that the best matches of a two-word query come last. Here every query is ranked by bm25().

PostgreSQL: upstream matches the query against the title and body vectors joined into one
(`title || body @@ query`), which no index can serve, so every search reads the whole index;
and it ranks each word form of the query apart, reading every matching vector again for each.
Here a search first keeps the entries that can match (served by the GIN indexes on title and
body), the upstream match then runs on those alone (same results), and each vector is ranked
once against the whole query. A search for the first few results only (the grouped search page
asks for ten of each kind) chooses them among the entries whose title matches and only the
first BODY_CANDIDATES whose body alone does: ranking reads each body, and a common word
("Lenin") is in thousands of them. A fuzzy search (the search page's last resort) starts from the
entries holding a word alike by trigrams, found through the trigram indexes, where upstream
measures every entry of the index.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

FIRST_RESULTS = 10  # a search for at most this many first results is a top-k search
BODY_CANDIDATES = 100  # the entries matched by their body alone that such a search ranks


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
    from django.contrib.postgres.lookups import TrigramWordSimilar
    from django.contrib.postgres.search import SearchRank
    from django.db.models import Q, TextField
    from django.db.models.expressions import RawSQL
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import And, Fuzzy, Or, PlainText

    TextField.register_lookup(TrigramWordSimilar)  # as django.contrib.postgres would

    def words_of(query):
        """Every word of a query made of plain text, And and Or; None for any other kind."""
        if isinstance(query, PlainText):
            return query.query_string.split()
        if isinstance(query, (And, Or)):
            parts = [words_of(subquery) for subquery in query.subqueries]
            return None if None in parts else [word for part in parts for word in part]
        return None

    class PostgresQueryCompiler(PostgresSearchQueryCompiler):
        def any_word(self, words, config):
            """The query that any one of `words` matches."""
            return self.build_tsquery(Or([PlainText(w) for w in words]), config)

        def search(self, config, start, stop, score_field=None, backend=None):
            if isinstance(self.query, Fuzzy) and self.fields is None:
                # pg_trgm's indexed operator: a word at least word_similarity_threshold (0.6)
                # alike, the FUZZY_SIMILARITY_THRESHOLD upstream then applies (settings)
                text = self.query.query_string
                self.queryset = self.queryset.filter(
                    Q(index_entries__title_text__trigram_word_similar=text)
                    | Q(index_entries__body_text__trigram_word_similar=text)
                )
            words = words_of(self.query) if self.fields is None else None
            if words:
                # Upstream matches the query against the title and body vectors joined, which
                # no index serves. An entry it finds holds the whole query in its title, or in
                # its body, or some words in each: the GIN indexes find those, and the joined
                # match then runs on them alone. (PostgreSQL drops stop words from each query.)
                query = self.build_tsquery(self.query, config=config)
                if not start and stop is not None and stop <= FIRST_RESULTS:
                    return self.first_results(query, words, config, stop, score_field)
                found = Q(index_entries__title=query) | Q(index_entries__body=query)
                if len(words) > 1:
                    any_word = self.any_word(words, config)
                    found |= Q(index_entries__title=any_word, index_entries__body=any_word)
                self.queryset = self.queryset.filter(found)
            return super().search(config, start, stop, score_field, backend)

        def first_results(self, query, words, config, stop, score_field):
            """The best `stop` objects, chosen in Wagtail's index table alone: the entries
            whose title holds the query, the first BODY_CANDIDATES whose body does, and (for
            several words) those with some in each that hold it joined, each found through the
            GIN indexes, ranked as upstream ranks them. The objects are then fetched in that
            order. (SQL, not the ORM: building this as expressions cost more than running it.)"""
            from modelsearch.utils import get_descendants_content_types_pks
            from wagtail.search.models import IndexEntry

            table = connection.ops.quote_name(IndexEntry._meta.db_table)
            compiler = self.queryset.query.get_compiler(connection=connection)

            def sql_of(expression):
                return expression.resolve_expression(self.queryset.query).as_sql(
                    compiler, connection
                )

            tsquery, tsquery_params = sql_of(query)
            kinds = get_descendants_content_types_pks(self.queryset.model)
            entries = f"SELECT object_id FROM {table} WHERE content_type_id = ANY(%s)"
            parts = [
                (f"({entries} AND title @@ {tsquery})", [kinds, *tsquery_params]),
                (
                    f"({entries} AND body @@ {tsquery} LIMIT {BODY_CANDIDATES:d})",
                    [kinds, *tsquery_params],
                ),
            ]
            if len(words) > 1:
                any_word, any_params = sql_of(self.any_word(words, config))
                parts.append(
                    (
                        f"({entries} AND title @@ {any_word} AND body @@ {any_word}"
                        f" AND (title || body) @@ {tsquery})",
                        [kinds, *any_params, *any_params, *tsquery_params],
                    )
                )
            sql = (
                f"SELECT e.object_id::bigint FROM {table} e"
                " WHERE e.content_type_id = ANY(%s) AND e.object_id IN ("
                + " UNION ALL ".join(part for part, _ in parts)
                + ")"
            )
            params = [kinds, *(p for _, part_params in parts for p in part_params)]
            if self.queryset.query.where:  # live pages only, a topic, a period…
                try:
                    allowed, allowed_params = (
                        self.queryset.order_by().values("pk").query.sql_with_params()
                    )
                except EmptyResultSet:
                    return self.queryset.none()  # a topic without events, say
                sql += f" AND e.object_id::bigint IN ({allowed})"
                params += allowed_params
            weights = self.sql_weights
            rank = (
                f"ts_rank(%s::float4[], e.title, {tsquery}) * e.title_norm"
                f" + ts_rank(%s::float4[], e.body, {tsquery})"
            )
            rank_params = [weights, *tsquery_params, weights, *tsquery_params]
            sql += f" ORDER BY {rank} DESC, e.object_id::bigint DESC LIMIT {stop:d}"
            params += rank_params
            model = self.queryset.model
            key = f"{connection.ops.quote_name(model._meta.db_table)}.{model._meta.pk.column}"
            score = RawSQL(  # the same rank again, for the few objects fetched
                f"(SELECT {rank} FROM {table} e WHERE e.content_type_id = ANY(%s)"
                f" AND e.object_id = {key}::text)",
                [*rank_params, kinds],
            )
            found = self.queryset.filter(pk__in=RawSQL(sql, params))
            if score_field is not None:
                found = found.annotate(**{score_field: score})
            return found.order_by(score.desc(), "-pk")[:stop]

        def _build_rank_expression(self, vectors, config):
            """One rank of the whole query per vector. Upstream ranks each word form apart,
            reading the vector again each time: most of a search's time at scale."""
            if words_of(self.query) is None:
                return super()._build_rank_expression(vectors, config)
            query = self.build_tsquery(self.query, config=config)
            rank = None
            for vector, boost in vectors:
                part = SearchRank(vector, query, weights=self.sql_weights) * boost
                rank = part if rank is None else rank + part
            return rank

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
