"""The search index of the knowledge base, per database (``schakel.knowledge.search``): a
``tsvector`` column with a GIN index on PostgreSQL, an FTS5 table on SQLite. Nothing on any
other database (search then finds nothing)."""

from typing import Any

from django.db import migrations

TABLE = "knowledge_knowledgeitem"
FORWARDS = {
    "postgresql": [
        f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector",
        f"CREATE INDEX knowledge_item_search ON {TABLE} USING GIN (search_vector)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE knowledge_search USING fts5(item_id, scope, facets, title, content, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    ],
}
BACKWARDS = {
    "postgresql": [
        "DROP INDEX IF EXISTS knowledge_item_search",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
    ],
    "sqlite": ["DROP TABLE IF EXISTS knowledge_search"],
}


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_knowledge_base")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS), elidable=False)]
