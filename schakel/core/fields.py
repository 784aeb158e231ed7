"""Model fields that store their value encrypted (see ``schakel.core.crypto``).

Encrypted columns cannot be searched or ordered in SQL; matching uses keyed encodings instead.
"""

import json
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from schakel.core import crypto


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text column stored as AES-GCM ciphertext bound to its model and column.

    The binding is the model's label (``app.model``) and the column, as associated data: a
    value copied to another model or column does not decrypt. A model that moved to another
    app keeps the label its rows were written under in ``ENCRYPTION_LABEL`` (as it keeps its
    table), or its existing values could no longer be read.
    """

    description = "Encrypted text"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("db_index") or kwargs.get("unique"):
            raise ValueError("Encrypted fields cannot be indexed or unique.")
        super().__init__(*args, **kwargs)

    @property
    def encryption_context(self) -> str:
        label = getattr(self.model, "ENCRYPTION_LABEL", self.model._meta.label_lower)
        return f"{label}.{self.attname}"

    def to_plain(self, value: Any) -> str:
        return str(value)

    def from_plain(self, value: str) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt(self.to_plain(value), context=self.encryption_context)

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> Any:
        if value is None:
            return None
        return self.from_plain(crypto.decrypt(value, context=self.encryption_context))

    def to_python(self, value: Any) -> Any:
        return value


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (dict, list, …) stored encrypted as one ciphertext."""

    description = "Encrypted JSON"

    def to_plain(self, value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    def from_plain(self, value: str) -> Any:
        return json.loads(value)


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every encrypted field of every installed model, for key rotation."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                found.append((model, field))
    return found
