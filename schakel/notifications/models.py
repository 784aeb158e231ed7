"""What notifications keep: a person's preference, what each membership's work list held at the
last look (to tell new and changed work from old), the notifications, and their deliveries.

Nothing here holds person data: a work item is kept as its kind, a digest of its link and
reference, and its due date; a notification as its kind, reference, path and due date.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership, User
from schakel.notifications.choices import DeliveryStatus, Event, Frequency

DEFAULT_DIGEST_HOUR = 8


class NotificationPreference(models.Model):
    """How often a person gets mail about their work; without a row, the defaults."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="notification_preference"
    )
    frequency = models.CharField(
        _("e-mail over uw werk"), max_length=16, choices=Frequency.choices, default=Frequency.DIGEST
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("tijdstip van het dagoverzicht"), default=DEFAULT_DIGEST_HOUR
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voorkeur voor e-mailberichten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(digest_hour__lte=23), name="notification_digest_hour_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class WatchedMembership(models.Model):
    """A membership whose work list is followed; work already there at the first look is
    recorded without a notification (no flood of mail when notifications start)."""

    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="notification_watch"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    # When its list was last looked at: what is new at a look arrived after the previous one.
    looked_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return str(self.membership_id)


class SeenWorkItem(models.Model):
    """A work item of a membership's list as last seen: ``identity`` is a digest of its link and
    reference; ``warned_on`` the due date a deadline warning was made for."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    identity = models.CharField(max_length=64)
    due_on = models.DateField(null=True)
    warned_on = models.DateField(null=True)
    last_seen_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "kind", "identity"], name="seen_work_item_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.identity[:8]}"


class Delivery(models.Model):
    """One e-mail to one person: direct (a few notifications of one run) or the day's digest."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    digest = models.BooleanField(default=False)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True)
    sent_at = models.DateTimeField(null=True)
    # The class of the last error only (an SMTP error's text may hold an address).
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx")]

    def __str__(self) -> str:
        return f"{self.pk} {self.status}"


class Notification(models.Model):
    """Something to see in Schakel, for one person in one membership, until it is mailed."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=16, choices=Event.choices)
    kind = models.CharField(max_length=40)
    reference = models.CharField(max_length=64, blank=True)
    path = models.CharField(max_length=300)
    due_on = models.DateField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The previous look at the list: the work arrived between then and ``created_at``. A digest
    # sends what may have waited at its hour (arrived after a look from before the hour).
    arrived_after = models.DateTimeField(null=True)
    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, null=True, related_name="notifications"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["user", "delivery"], name="notification_pending_idx")]

    def __str__(self) -> str:
        return f"{self.event} {self.kind} {self.reference}"
