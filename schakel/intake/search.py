"""What the meldpunt contributes to the search (``SEARCH_PROVIDERS``, docs/search.md): signals
by reference or by the name of their person, and persons by reference — each only when the
acting membership's own signal list would show it (not found equals forbidden)."""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.core.search import HITS_PER_KIND, SearchHit, SearchProvider
from schakel.intake import permissions
from schakel.intake.convergence.name_search import name_keys
from schakel.intake.log_subjects import person
from schakel.intake.models import BlockingKey, Signal, Subject
from schakel.intake.selectors import signal_list_for


def signals_named(*, given_names: str, surname: str) -> QuerySet[Any]:
    """The ids of the signals whose person's name matches, from the keyed blocking keys only
    (``schakel.intake.convergence.name_search``); no signal is decrypted."""
    keys = name_keys(given_names=given_names, surname=surname)
    return BlockingKey.objects.filter(key__in=keys).values("encoding__signal_id")


def _signal_hit(signal: Signal) -> SearchHit:
    return SearchHit(
        reference=signal.reference,
        kind=_("Signaal"),
        status=signal.get_status_display(),
        dates=(
            (_("Geregistreerd"), timezone.localdate(signal.created_at)),
            (_("Waargenomen"), signal.observed_on),
        ),
        organisation=signal.directing_municipality.name,
        url=reverse("intake:signal_detail", kwargs={"pk": signal.pk}),
        persons=(person(signal),) if signal.has_person_data else (),
    )


def _person_hit(membership: Membership, subject: Subject, signals: list[Signal]) -> SearchHit:
    url = reverse("intake:main_identity", kwargs={"pk": subject.pk})
    return SearchHit(
        reference=subject.reference,
        kind=_("Persoon"),
        status=_("Signalen: %(count)s") % {"count": len(signals)},
        dates=((_("Laatste signaal"), timezone.localdate(signals[0].created_at)),),
        organisation=signals[0].directing_municipality.name,
        url=url,
        persons=(audit.Subject(SubjectType.PERSON, str(subject.pk)),),
    )


def by_reference(membership: Membership, reference: str) -> Sequence[SearchHit]:
    if reference.startswith("SIG-"):
        found = signal_list_for(membership=membership).filter(reference=reference)[:HITS_PER_KIND]
        return [_signal_hit(s) for s in found]
    subjects = list(Subject.objects.filter(reference=reference)[:1])
    if not subjects:
        return []
    # A person is found only by the lead of a municipality that directs one of their signals
    # with person data still there: whoever chooses the main identity, as on that page. Anyone
    # else (a reporting partner) does not learn which of their signals were brought together,
    # and after deletion nothing ties the expired signals to one person.
    signals = list(
        signal_list_for(membership=membership)
        .filter(subject=subjects[0], person_data_deleted_at=None)
        .order_by("-created_at")[:HITS_PER_KIND]
    )
    directing = {s.directing_municipality_id for s in signals}
    if not signals or not permissions.may_choose_identity(membership, directing):
        return []
    return [_person_hit(membership, subjects[0], signals)]


def by_name(membership: Membership, signal_ids: QuerySet[Any]) -> Sequence[SearchHit]:
    found = signal_list_for(membership=membership).filter(pk__in=signal_ids)[:HITS_PER_KIND]
    return [_signal_hit(s) for s in found]


PROVIDER = SearchProvider(
    prefixes=frozenset({"SIG", "PER"}), by_reference=by_reference, by_name=by_name
)
