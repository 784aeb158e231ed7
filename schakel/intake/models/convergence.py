"""Convergence: keyed encodings, blocking keys, match suggestions and the match model.

Matching never reads person data: it uses the keyed encodings in ``IdentityEncoding`` and
``BlockingKey``, which hold no plain identifier.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.core.models import BaseModel
from schakel.intake.choices import (
    IdentityChoiceMoment,
    IdentityField,
    MatchBand,
    SuggestionStatus,
)
from schakel.intake.models.signals import Signal, Subject
from schakel.network.models import Organisation


class IdentityEncoding(models.Model):
    """The error-tolerant keyed encoding of a signal's person; never a plain identifier.

    One fixed-size record (``convergence.layout``) of keyed hashes and keyed Bloom filters.
    ``version`` is the layout's: encodings of an older version are not compared until
    ``rebuild_identity_encodings`` has rebuilt them. Deleted with the signal's person data.
    """

    id = models.BigAutoField(primary_key=True)
    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="encoding")
    features = models.BinaryField(null=True)
    version = models.PositiveSmallIntegerField(default=1)
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["version"], name="encoding_version")]
        verbose_name = _("identiteitscodering")
        verbose_name_plural = _("identiteitscoderingen")

    def __str__(self) -> str:
        return f"Codering {self.pk}"


class BlockingKey(models.Model):
    """A keyed blocking key: signals sharing one are compared (an index without identifiers).

    ``seeks`` is false for a broad key of a signal that does not need it: another signal is
    compared with it over that key only when that other signal seeks with it."""

    id = models.BigAutoField(primary_key=True)
    key = models.BigIntegerField()
    seeks = models.BooleanField(default=True)
    encoding = models.ForeignKey(
        IdentityEncoding, on_delete=models.CASCADE, related_name="blocking_keys"
    )

    class Meta:
        # One index for both lookups: every row of a key, and only the seeking rows of a key
        # (a broad key of a new signal that does not seek: only those seeking with it).
        indexes = [models.Index(fields=["key", "seeks", "encoding"], name="blocking_key_seeks")]
        verbose_name = _("blokkeersleutel")
        verbose_name_plural = _("blokkeersleutels")

    def __str__(self) -> str:
        return f"Blokkeersleutel {self.pk}"


class MatchSuggestion(BaseModel):
    """Matchsuggestie: two signals that may be about the same person, for a human to decide.

    The explanation holds only comparison names, levels and weights — no identifiers. The
    band is "likely" (waarschijnlijk dezelfde persoon) or "possible" (mogelijk); a person
    decides either way.
    """

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="suggestions")
    earlier_signal = models.ForeignKey(
        Signal, on_delete=models.CASCADE, related_name="suggestions_as_earlier"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    probability = models.FloatField(_("kans op dezelfde persoon"), default=0.0)
    band = models.CharField(
        _("band"), max_length=16, choices=MatchBand.choices, default=MatchBand.POSSIBLE
    )
    explanation = models.JSONField(_("uitleg"))
    status = models.CharField(
        _("status"), max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_for = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-probability", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "earlier_signal"], name="unique_suggestion"),
            models.CheckConstraint(
                condition=~models.Q(signal=models.F("earlier_signal")),
                name="suggestion_two_signals",
            ),
        ]
        verbose_name = _("matchsuggestie")
        verbose_name_plural = _("matchsuggesties")

    def __str__(self) -> str:
        return f"Matchsuggestie {self.score}"


class SuggestionConfirmation(BaseModel):
    """One municipality's "same person" on a suggestion. When the two signals are directed by
    different municipalities, both leads must confirm before the signals are linked."""

    suggestion = models.ForeignKey(
        MatchSuggestion, on_delete=models.CASCADE, related_name="confirmations"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Which signal's value this municipality chose as the main identity, per field
    # ({"surname": "earlier_signal", ...}); applied when the signals are linked.
    identity_choices = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["suggestion", "organisation"], name="one_confirmation_per_municipality"
            )
        ]
        verbose_name = _("bevestiging van een matchsuggestie")
        verbose_name_plural = _("bevestigingen van matchsuggesties")

    def __str__(self) -> str:
        return f"Bevestiging {str(self.pk)[:8]}"


class MatchModelVersion(BaseModel):
    """Matchmodel: the Fellegi–Sunter parameters in use, one row per estimation (history)."""

    label = models.CharField(_("naam"), max_length=120)
    parameters = models.JSONField(_("parameters"))
    trained_on = models.PositiveIntegerField(_("aantal coderingen"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("matchmodel")
        verbose_name_plural = _("matchmodellen")

    def __str__(self) -> str:
        return str(self.label)


class IdentityChoice(BaseModel):
    """Keuze hoofdidentiteit: which registration's value of one field is the person's main
    identity, chosen by a municipal lead. The latest row per field counts; the rows before it
    are its history. Holds no value itself: the value stays in the (encrypted) signal."""

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="identity_choices")
    field = models.CharField(_("gegeven"), max_length=16, choices=IdentityField.choices)
    signal = models.ForeignKey(
        Signal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moment = models.CharField(_("moment"), max_length=16, choices=IdentityChoiceMoment.choices)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["subject", "field", "-created_at"], name="identity_choice")]
        verbose_name = _("keuze hoofdidentiteit")
        verbose_name_plural = _("keuzes hoofdidentiteit")

    def __str__(self) -> str:
        return f"{self.get_field_display()} {str(self.pk)[:8]}"
