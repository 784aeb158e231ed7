"""The table of the shared database cache (settings.CACHES), where the API's rate limits count.

``createcachetable`` creates the table of every DatabaseCache in CACHES that does not exist yet
and does nothing for other backends, so this is safe on every database and with a cache server
configured instead. Reversing leaves the table (it holds only short-lived entries).
"""

from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps: Any, schema_editor: Any) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
