"""pg_trgm on PostgreSQL for the fuzzy fallback of the search page, with trigram indexes on the
text columns of Wagtail's search index. Nothing to do on other databases."""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"


def enable_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in ("title_text", "body_text"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS clio_search_{column}_trgm "
            f"ON {INDEX_TABLE} USING gin ({column} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in ("title_text", "body_text"):
        schema_editor.execute(f"DROP INDEX IF EXISTS clio_search_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(enable_trigrams, drop_trigram_indexes)]
