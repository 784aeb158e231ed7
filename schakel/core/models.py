"""Base model for Schakel's domain objects."""

import uuid

from django.db import models


class BaseModel(models.Model):
    """A domain object with a non-guessable public id and creation/update times."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


# The readable references' counters and base (``schakel.core.references``), registered here.
from schakel.core.references import ReferenceCounter, Referenced  # noqa: E402

__all__ = ["BaseModel", "ReferenceCounter", "Referenced"]
