"""Every stored row as the database holds it (ciphertext stays ciphertext), for leak tests."""

from django.apps import apps
from django.db.models import BinaryField, TextField
from django.db.models.functions import Cast


def raw_dump() -> str:
    """All rows of all tables of all models, each column cast to text without any converter."""
    lines: list[str] = []
    for model in apps.get_models(include_auto_created=True):
        columns = {
            f"c{index}": Cast(field.attname, output_field=TextField())
            for index, field in enumerate(model._meta.concrete_fields)
            if not isinstance(field, BinaryField)
        }
        if not columns:
            continue
        for row in model._base_manager.values(**columns).iterator():
            lines.append(repr(list(row.values())))
        binary = [f.attname for f in model._meta.concrete_fields if isinstance(f, BinaryField)]
        if binary:
            for row in model._base_manager.values_list(*binary).iterator():
                lines.append(repr([bytes(value) for value in row if value is not None]))
    return "\n".join(lines).casefold()
