"""Screens of the consultation meetings (casusoverleg): the list, planning, the
confidentiality gate, the agenda with attendance, and the agenda item with its invitations,
disclosures, decisions and the adoption of the action plan.

Views are thin: they fetch through ``cases.selectors`` (scoped to the acting membership; opening
an agenda item logs the read of person data), bind a form, call one service and redirect or
render. Whatever the acting membership may not see or do is a 404. Nothing of a meeting's agenda
is shown, and no action is taken, before the person has acknowledged its confidentiality.
A disclosure is never edited or deleted; a correction is a new disclosure.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership
from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.cases import permissions, selectors
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.choices import OPEN_PHASES, MeetingStatus
from schakel.cases.meetings import forms, services
from schakel.cases.models import AgendaItem, Case, ConsultationMeeting
from schakel.cases.services import CaseStateError
from schakel.core.forms import error_summary, shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, page_of, posted, save_valid, success_redirect


def _member(request: HttpRequest) -> Membership:
    """The acting membership of someone at the table; anyone else gets a 404."""
    membership = acting_membership(request)
    if membership is None or membership.role not in TABLE_ROLES:
        raise Http404
    return membership


def _optional_url(name: str, **kwargs: object) -> str:
    """A page another part of Schakel provides; empty while it does not exist."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def meeting_url(meeting: ConsultationMeeting) -> str:
    return reverse("cases:meeting_detail", kwargs={"pk": meeting.pk})


def item_url(item: AgendaItem) -> str:
    return reverse("cases:item_detail", kwargs={"pk": item.pk})


def _gate(
    membership: Membership, meeting: ConsultationMeeting, item: AgendaItem | None = None
) -> str:
    """Where to go first when the person has not yet acknowledged the meeting's
    confidentiality (empty when they have)."""
    if services.has_acknowledged(user=membership.user, meeting=meeting):
        return ""
    url = meeting_url(meeting)
    return f"{url}?{urlencode({'punt': item.pk})}" if item is not None else url


# The list and planning --------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    meeting: ConsultationMeeting
    item_count: int


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    membership = _member(request)
    page = page_of(request, selectors.meeting_list_for(membership=membership))
    meetings: list[ConsultationMeeting] = list(page.object_list)
    # One grouped count for the page: the items this membership sees, per meeting.
    counts = {
        row["meeting_id"]: row["items"]
        for row in agenda_items_visible_to(membership=membership)
        .filter(meeting_id__in=[m.pk for m in meetings])
        .order_by()
        .values("meeting_id")
        .annotate(items=Count("id"))
    }
    context = {
        "page": page,
        "rows": [MeetingRow(m, counts.get(m.pk, 0)) for m in meetings],
        "may_schedule": permissions.may_schedule_meeting(membership),
    }
    return render(request, "cases/meeting_list.html", context)


@token_required
@form_methods
def meeting_create(request: HttpRequest) -> HttpResponse:
    membership = _member(request)
    if not permissions.may_schedule_meeting(membership):
        raise Http404
    form = forms.MeetingForm(posted(request), membership=membership)
    saved = save_valid(
        form,
        lambda: services.meeting_schedule(membership=membership, data=form.to_input()),
        fields=forms.MeetingForm.SERVICE_FIELDS,
        forbidden_is_404=True,
    )
    if saved:
        return success_redirect(
            request, _("Het casusoverleg is gepland."), meeting_url(saved.value)
        )
    context = {"form": form, "errors": shown_errors(form)}
    return render(request, "cases/meeting_form.html", context)


# The meeting: confidentiality gate and agenda --------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    pk: uuid.UUID
    attendee: str
    acknowledged_at: datetime
    present: bool | None


def _candidate_cases(membership: Membership, meeting: ConsultationMeeting) -> QuerySet[Case]:
    """Open cases of the meeting's ZVH that are not yet on its agenda (references only)."""
    return (
        selectors.case_list_for(membership=membership)
        .filter(zvh_id=meeting.zvh_id, phase__in=OPEN_PHASES)
        .exclude(agenda_items__meeting=meeting)
    )


def _meeting_context(
    membership: Membership,
    meeting: ConsultationMeeting,
    agenda_form: forms.AgendaItemForm | None = None,
) -> dict[str, Any]:
    runs = permissions.runs_meeting(membership, meeting)
    may_edit_agenda = permissions.may_edit_agenda(membership, meeting)
    attendances = [
        AttendanceRow(
            pk=a.pk,
            attendee=staff_display(a.user, a.organisation),
            acknowledged_at=a.acknowledged_at,
            present=a.present,
        )
        for a in selectors.meeting_attendances_for(membership=membership, meeting=meeting)
    ]
    if may_edit_agenda and agenda_form is None:
        agenda_form = forms.AgendaItemForm(cases=_candidate_cases(membership, meeting))
    return {
        "meeting": meeting,
        "chair": staff_display(meeting.chair, meeting.zvh),
        "minute_taker": staff_display(meeting.minute_taker, meeting.zvh)
        if meeting.minute_taker
        else "",
        "items": list(selectors.meeting_items_for(membership=membership, meeting=meeting)),
        "attendances": attendances,
        "runs": runs,
        "may_edit_agenda": may_edit_agenda,
        "may_set_status": runs and meeting.status == MeetingStatus.PLANNED,
        "status_changes": forms.MEETING_STATUS_CHANGES,
        "agenda_form": agenda_form if may_edit_agenda else None,
        "errors": error_summary(agenda_form) if agenda_form and agenda_form.is_bound else [],
    }


def _acknowledge_page(request: HttpRequest, meeting: ConsultationMeeting) -> HttpResponse:
    form = forms.AcknowledgeForm(initial={"punt": request.GET.get("punt", "")})
    punt = form["punt"].value()
    try:
        uuid.UUID(str(punt))
    except ValueError:
        form = forms.AcknowledgeForm()
    context = {"meeting": meeting, "form": form}
    return render(request, "cases/meeting_acknowledge.html", context)


@require_GET
def meeting_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _member(request)
    meeting = selectors.meeting_get_for(membership=membership, pk=pk)
    if not services.has_acknowledged(user=membership.user, meeting=meeting):
        return _acknowledge_page(request, meeting)
    return render(request, "cases/meeting_detail.html", _meeting_context(membership, meeting))


@require_POST
def meeting_acknowledge(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _member(request)
    meeting = selectors.meeting_get_for(membership=membership, pk=pk)
    services.meeting_acknowledge(membership=membership, meeting=meeting)
    messages.success(request, _("U hebt de geheimhouding van dit casusoverleg bevestigd."))
    form = forms.AcknowledgeForm(request.POST)
    punt = form.cleaned_data.get("punt") if form.is_valid() else None
    if punt is not None:
        item = selectors.meeting_items_for(membership=membership, meeting=meeting).filter(pk=punt)
        if item.exists():
            return redirect(reverse("cases:item_detail", kwargs={"pk": punt}))
    return redirect(meeting_url(meeting))


def _meeting_for_action(
    request: HttpRequest, pk: uuid.UUID, may: Callable[[Membership, ConsultationMeeting], bool]
) -> tuple[Membership, ConsultationMeeting, str]:
    """A visible meeting and the gate, if still to pass; past the gate, a 404 unless ``may``."""
    membership = _member(request)
    meeting = selectors.meeting_get_for(membership=membership, pk=pk)
    gate = _gate(membership, meeting)
    if not gate and not may(membership, meeting):
        raise Http404
    return membership, meeting, gate


@require_POST
def item_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Put a case of the ZVH on the agenda."""
    membership, meeting, gate = _meeting_for_action(request, pk, permissions.may_edit_agenda)
    if gate:
        return redirect(gate)
    form = forms.AgendaItemForm(request.POST, cases=_candidate_cases(membership, meeting))
    if save_valid(
        form,
        lambda: services.agenda_item_add(
            membership=membership, meeting=meeting, case=form.cleaned_data["case"]
        ),
        forbidden_is_404=True,
    ):
        reference = form.cleaned_data["case"].reference
        message = _("Casus %(reference)s staat op de agenda.") % {"reference": reference}
        return success_redirect(request, message, meeting_url(meeting))
    context = _meeting_context(membership, meeting, agenda_form=form)
    return render(request, "cases/meeting_detail.html", context)


@require_POST
def attendance_record(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting, gate = _meeting_for_action(request, pk, permissions.runs_meeting)
    if gate:
        return redirect(gate)
    ids = list(meeting.attendances.values_list("pk", flat=True))
    form = forms.AttendanceForm(request.POST, attendance_ids=ids)
    if not form.is_valid():
        messages.error(request, _("De aanwezigheid is niet opgeslagen; probeer het opnieuw."))
        return redirect(meeting_url(meeting) + "#aanwezigheid")
    try:
        services.attendance_record(
            membership=membership, meeting=meeting, present=form.present_by_id(ids)
        )
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("De aanwezigheid is opgeslagen."))
    return redirect(meeting_url(meeting) + "#aanwezigheid")


STATUS_DONE = {
    MeetingStatus.HELD: gettext_lazy("Het casusoverleg is vastgelegd als gehouden."),
    MeetingStatus.CANCELLED: gettext_lazy("Het casusoverleg is geannuleerd."),
}


@require_POST
def meeting_status(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting, gate = _meeting_for_action(request, pk, permissions.runs_meeting)
    if gate:
        return redirect(gate)
    form = forms.MeetingStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of het overleg is gehouden of geannuleerd."))
        return redirect(meeting_url(meeting))
    status = MeetingStatus(form.cleaned_data["status"])
    try:
        services.meeting_set_status(membership=membership, meeting=meeting, status=status)
    except PermissionDenied:
        raise Http404 from None
    except (ValidationError, CaseStateError):
        messages.error(
            request,
            _("De status is intussen al gewijzigd; dit is de huidige stand van het overleg."),
        )
    else:
        messages.success(request, str(STATUS_DONE[status]))
    return redirect(meeting_url(meeting))
