"""A model used only by tests of the encrypted fields and key rotation."""

from django.db import models

from schakel.core.fields import EncryptedJSONField, EncryptedTextField


class EncryptedSample(models.Model):
    """A test row holding encrypted text and JSON."""

    note = EncryptedTextField(blank=True, null=True)
    details = EncryptedJSONField(blank=True, null=True)

    def __str__(self) -> str:
        return f"sample {self.pk}"
