"""PostgreSQL: a second, small ``tsvector`` of each item's title (weight A), summary and themes
(B) — ``rank_vector`` — on which search ranks all hits quickly before it ranks the best ones
again on the whole ``search_vector`` (``schakel.knowledge.search``). Filled here for the items
already there; the services keep it up to date. Nothing on other databases."""

from typing import Any

from django.db import migrations

FORWARDS = [
    "ALTER TABLE knowledge_knowledgeitem ADD COLUMN rank_vector tsvector",
    """
    UPDATE knowledge_knowledgeitem i SET rank_vector =
        setweight(to_tsvector('dutch', i.title), 'A')
        || setweight(to_tsvector('dutch', i.summary || ' ' || coalesce(t.names, '')), 'B')
    FROM knowledge_knowledgeitem i2
    LEFT JOIN (
        SELECT l.knowledgeitem_id, string_agg(th.name, ' ') AS names
        FROM knowledge_knowledgeitem_themes l JOIN knowledge_theme th ON th.id = l.theme_id
        GROUP BY l.knowledgeitem_id
    ) t ON t.knowledgeitem_id = i2.id
    WHERE i2.id = i.id
    """,
]
BACKWARDS = ["ALTER TABLE knowledge_knowledgeitem DROP COLUMN IF EXISTS rank_vector"]


def _run(statements: list[str]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_search_index")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS), elidable=False)]
