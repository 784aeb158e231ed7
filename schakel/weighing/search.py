"""What weighing contributes to the search (``SEARCH_PROVIDERS``, docs/search.md): sessions and
items by reference, items by their person's name — only what the membership's weighing lists
show (not found equals forbidden)."""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.search import HITS_PER_KIND, SearchHit, SearchProvider
from schakel.intake.models import Signal
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.selectors import (
    ITEM_LIST_FIELDS,
    items_visible_to,
    session_list_for,
    subject_of,
)


def _session_hit(session: WeighingSession) -> SearchHit:
    return SearchHit(
        reference=session.reference,
        kind=_("Wegingsoverleg"),
        status=session.get_status_display(),
        dates=((_("Datum"), timezone.localdate(session.held_at)),),
        organisation=session.arrangement.name,
        url=reverse("weighing:session_detail", kwargs={"pk": session.pk}),
    )


def _item_hit(item: WeighingItem) -> SearchHit:
    dates = [(_("Aangemeld"), timezone.localdate(item.created_at))]
    if item.decided_at is not None:
        dates.append((_("Besloten"), timezone.localdate(item.decided_at)))
    return SearchHit(
        reference=item.reference,
        kind=_("Wegingspunt"),
        status=item.get_outcome_display() if item.outcome else _("Nog niet besloten"),
        dates=tuple(dates),
        organisation=item.directing_municipality.name,
        url=reverse("weighing:item_detail", kwargs={"pk": item.pk}),
        persons=(subject_of(item),),
    )


def _items(membership: Membership) -> QuerySet[WeighingItem]:
    return (
        items_visible_to(membership=membership)
        .select_related("directing_municipality")
        .only(*ITEM_LIST_FIELDS)
        .order_by("-created_at")
    )


def by_reference(membership: Membership, reference: str) -> Sequence[SearchHit]:
    if reference.startswith("WEG-"):
        sessions = session_list_for(membership=membership).filter(reference=reference)
        return [_session_hit(s) for s in sessions[:HITS_PER_KIND]]
    return [_item_hit(i) for i in _items(membership).filter(reference=reference)[:HITS_PER_KIND]]


def by_name(membership: Membership, signal_ids: QuerySet[Any]) -> Sequence[SearchHit]:
    persons = Signal.objects.filter(pk__in=signal_ids, subject__isnull=False).values("subject_id")
    return [_item_hit(i) for i in _items(membership).filter(subject_id__in=persons)[:HITS_PER_KIND]]


PROVIDER = SearchProvider(
    prefixes=frozenset({"WEG", "WGP"}), by_reference=by_reference, by_name=by_name
)
