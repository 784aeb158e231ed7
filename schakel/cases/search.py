"""What cases contribute to the search (``SEARCH_PROVIDERS``, docs/search.md): cases, plans and
meetings by reference, cases by their person's name — only what the membership's case and
meeting lists show (not found equals forbidden)."""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.cases.models import Case, ConsultationMeeting
from schakel.cases.selectors import case_list_for, meeting_list_for
from schakel.cases.services import subject_of
from schakel.core.search import HITS_PER_KIND, SearchHit, SearchProvider
from schakel.intake.models import Signal


def _case_hit(case: Case, *, plan: str = "") -> SearchHit:
    dates = [(_("Geopend"), timezone.localdate(case.opened_at))]
    if case.closed_at is not None:
        dates.append((_("Afgesloten"), timezone.localdate(case.closed_at)))
    url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    return SearchHit(
        reference=plan or case.reference,
        kind=_("Plan van aanpak bij casus %(case)s") % {"case": case.reference}
        if plan
        else _("Casus"),
        status=case.get_phase_display(),
        dates=tuple(dates),
        organisation=case.directing_municipality.name,
        url=url,
        persons=(subject_of(case),),
    )


def _meeting_hit(meeting: ConsultationMeeting) -> SearchHit:
    return SearchHit(
        reference=meeting.reference,
        kind=_("Casusoverleg"),
        status=meeting.get_status_display(),
        dates=((_("Datum"), timezone.localdate(meeting.starts_at)),),
        organisation=meeting.zvh.name,
        url=reverse("cases:meeting_detail", kwargs={"pk": meeting.pk}),
    )


def by_reference(membership: Membership, reference: str) -> Sequence[SearchHit]:
    if reference.startswith("OVL-"):
        meetings = meeting_list_for(membership=membership).filter(reference=reference)
        return [_meeting_hit(m) for m in meetings[:HITS_PER_KIND]]
    cases = case_list_for(membership=membership)
    if reference.startswith("PLN-"):
        found = cases.filter(action_plan__reference=reference)[:HITS_PER_KIND]
        return [_case_hit(case, plan=reference) for case in found]
    return [_case_hit(case) for case in cases.filter(reference=reference)[:HITS_PER_KIND]]


def by_name(membership: Membership, signal_ids: QuerySet[Any]) -> Sequence[SearchHit]:
    persons = Signal.objects.filter(pk__in=signal_ids, subject__isnull=False).values("subject_id")
    found = case_list_for(membership=membership).filter(subject_id__in=persons)[:HITS_PER_KIND]
    return [_case_hit(case) for case in found]


PROVIDER = SearchProvider(
    prefixes=frozenset({"CAS", "PLN", "OVL"}), by_reference=by_reference, by_name=by_name
)
