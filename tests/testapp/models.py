"""A model used only by tests of the encrypted fields and key rotation."""

from django.db import models

from schakel.core.fields import EncryptedJSONField, EncryptedTextField


class EncryptedSample(models.Model):
    """A test row holding encrypted text and JSON."""

    note = EncryptedTextField(blank=True, null=True)
    details = EncryptedJSONField(blank=True, null=True)

    def __str__(self) -> str:
        return f"sample {self.pk}"


class PersonNote(models.Model):
    """A test app's own person data: a note about a person, kept by one organisation.

    It stands in for a new app (``tests.testapp.contributions`` plugs it into the retention
    sweep, the access export and the menu) without any other app knowing of it.
    """

    subject = models.ForeignKey("intake.Subject", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    text = EncryptedTextField()
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"note {self.pk}"
