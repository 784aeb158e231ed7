"""What waits at the meldpunt (Mijn werk, ``WORK_ITEMS``): match suggestions to decide and the
residents' signals to assess. References and dates only, from the meldpunt's own selectors."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.core.work import ROWS_PER_KIND, WorkItem
from schakel.intake import permissions
from schakel.intake.choices import SignalStatus, SuggestionStatus
from schakel.intake.selectors import signal_list_for
from schakel.intake.suggestion_selectors import suggestions_visible_to

SUGGESTION = "match_suggestion"
SIGNAL_NEW = "signal_new"
SIGNAL_UNDER_REVIEW = "signal_under_review"


def suggestions_to_decide(membership: Membership) -> list[WorkItem]:
    """Open suggestions the lead's municipality has not confirmed yet (one query). Due: the
    earlier of the two signals' expiry, when the suggestion lapses with it."""
    if not permissions.is_meldpunt(membership):
        return []
    rows = (
        suggestions_visible_to(membership=membership)
        .filter(status=SuggestionStatus.OPEN)
        .exclude(confirmations__organisation_id=membership.organisation_id)
        .order_by("signal__expires_at", "created_at", "pk")
        .values_list(
            "pk",
            "signal__reference",
            "signal__directing_municipality_id",
            "earlier_signal__reference",
            "signal__expires_at",
            "earlier_signal__expires_at",
        )[:ROWS_PER_KIND]
    )
    items = []
    for pk, newer, newer_municipality, earlier, expires, earlier_expires in rows:
        due = (
            min(d for d in (expires, earlier_expires) if d is not None)
            if (expires or earlier_expires)
            else None
        )
        # Named by the viewer's own signal (the newer one when both are theirs): the other
        # municipality's reference is not shown to them, on the suggestion page or here (nor in
        # the e-mail that names the item).
        own_newer = newer_municipality == membership.organisation_id
        reference = newer if own_newer else earlier
        items.append(
            WorkItem(
                kind=SUGGESTION,
                label=_("Matchsuggestie bij signaal %(reference)s beoordelen")
                % {"reference": reference},
                due_on=timezone.localdate(due) if due else None,
                url=reverse("intake:suggestion_detail", kwargs={"pk": pk}),
                menu="intake:inbox",
                reference=reference,
            )
        )
    return items


def signals_to_assess(membership: Membership) -> list[WorkItem]:
    """The residents' new and under-review signals (one query); due: their expiry date."""
    if not permissions.is_meldpunt(membership):
        return []
    rows = (
        signal_list_for(membership=membership)
        .filter(
            directing_municipality_id=membership.organisation_id,
            status__in=(SignalStatus.NEW, SignalStatus.UNDER_REVIEW),
            person_data_deleted_at=None,
        )
        .order_by("expires_at", "created_at", "pk")
        .values_list("pk", "reference", "status", "expires_at")[:ROWS_PER_KIND]
    )
    items = []
    for pk, reference, status, expires in rows:
        new = status == SignalStatus.NEW
        label = (
            _("Nieuw signaal %(reference)s beoordelen")
            if new
            else _("Signaal %(reference)s in behandeling: wegen of afsluiten")
        )
        items.append(
            WorkItem(
                kind=SIGNAL_NEW if new else SIGNAL_UNDER_REVIEW,
                label=label % {"reference": reference},
                due_on=timezone.localdate(expires) if expires else None,
                url=reverse("intake:signal_detail", kwargs={"pk": pk}),
                menu="intake:inbox",
                reference=reference,
            )
        )
    return items


WORK = [suggestions_to_decide, signals_to_assess]
