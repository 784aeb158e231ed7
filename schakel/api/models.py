"""What the API keeps between requests."""

from django.db import models

from schakel.core.fields import EncryptedTextField


class IdempotencyRecord(models.Model):
    """A POST sent with an ``Idempotency-Key``: the caller's key, what was sent (a hash) and the
    answer to replay; kept 24 hours (``schakel.api.idempotency``)."""

    caller = models.CharField(max_length=64)
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    # Empty while the first request with this key is still being handled.
    status_code = models.PositiveSmallIntegerField(null=True)
    content_type = models.CharField(max_length=100, blank=True)
    location = models.CharField(max_length=500, blank=True)
    # Only the id of what the answer created or changed (never its data), stored encrypted.
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["caller", "key"], name="api_idempotency_caller_key")
        ]

    def __str__(self) -> str:
        return f"Idempotency-Key {self.pk}"
