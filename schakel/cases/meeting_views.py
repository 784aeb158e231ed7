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
from schakel.cases import meeting_forms as forms
from schakel.cases import meeting_services as services
from schakel.cases import permissions, selectors
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.choices import OPEN_PHASES, MeetingStatus
from schakel.cases.models import AgendaItem, Case, ConsultationMeeting
from schakel.cases.plan_services import PlanConflictError, plan_adopt
from schakel.cases.services import CaseStateError
from schakel.core.forms import error_summary
from schakel.core.pages import form_methods, page_of
from schakel.network.models import Organisation
from schakel.privacy import services as privacy
from schakel.privacy.models import Disclosure


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


@form_methods
def meeting_create(request: HttpRequest) -> HttpResponse:
    membership = _member(request)
    if not permissions.may_schedule_meeting(membership):
        raise Http404
    form = forms.MeetingForm(
        request.POST if request.method == "POST" else None, membership=membership
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(membership=membership, data=form.to_input())
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error, forms.MeetingForm.SERVICE_FIELDS)
        else:
            messages.success(request, _("Het casusoverleg is gepland."))
            return redirect(meeting_url(meeting))
    errors = error_summary(form) if form.is_bound else []
    return render(request, "cases/meeting_form.html", {"form": form, "errors": errors})


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
    request: HttpRequest, pk: uuid.UUID
) -> tuple[Membership, ConsultationMeeting, str]:
    membership = _member(request)
    meeting = selectors.meeting_get_for(membership=membership, pk=pk)
    return membership, meeting, _gate(membership, meeting)


@require_POST
def item_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Put a case of the ZVH on the agenda."""
    membership, meeting, gate = _meeting_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.may_edit_agenda(membership, meeting):
        raise Http404
    form = forms.AgendaItemForm(request.POST, cases=_candidate_cases(membership, meeting))
    if form.is_valid():
        case = form.cleaned_data["case"]
        try:
            services.agenda_item_add(membership=membership, meeting=meeting, case=case)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Casus %(reference)s staat op de agenda.") % {"reference": case.reference},
            )
            return redirect(meeting_url(meeting))
    context = _meeting_context(membership, meeting, agenda_form=form)
    return render(request, "cases/meeting_detail.html", context)


@require_POST
def attendance_record(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting, gate = _meeting_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.runs_meeting(membership, meeting):
        raise Http404
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
    membership, meeting, gate = _meeting_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.runs_meeting(membership, meeting):
        raise Http404
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


# The agenda item ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DisclosureRow:
    disclosure: Disclosure
    made_by: str
    recipients: list[Organisation]
    corrects_visible: bool
    corrected_by: uuid.UUID | None
    corrected_by_visible: bool
    may_correct: bool


def _disclosure_rows(
    membership: Membership, item: AgendaItem, disclosures: list[Disclosure]
) -> list[DisclosureRow]:
    visible = {d.pk for d in disclosures}
    # Which disclosures of this item were corrected (ids only): a partner also learns that a
    # disclosure it saw was corrected when the correction itself is not addressed to it.
    corrected = dict(
        Disclosure.objects.filter(agenda_item=item, corrects__isnull=False).values_list(
            "corrects_id", "pk"
        )
    )
    may_disclose = permissions.may_disclose(membership, item)
    rows = []
    for d in disclosures:
        correction = corrected.get(d.pk)
        rows.append(
            DisclosureRow(
                disclosure=d,
                made_by=staff_display(d.disclosed_by, d.from_organisation),
                recipients=list(d.recipients.all()),
                corrects_visible=d.corrects_id in visible,
                corrected_by=correction,
                corrected_by_visible=correction in visible,
                may_correct=may_disclose
                and correction is None
                and d.from_organisation_id == membership.organisation_id,
            )
        )
    return rows


def _invitable(view: selectors.AgendaItemView) -> QuerySet[Organisation]:
    at_table = [org.pk for org in view.at_table]
    return Organisation.objects.filter(is_active=True).exclude(pk__in=at_table).order_by("name")


def _item_context(
    membership: Membership,
    view: selectors.AgendaItemView,
    *,
    invitation_form: forms.InvitationForm | None = None,
    decision_form: forms.DecisionForm | None = None,
) -> dict[str, Any]:
    item = view.item
    meeting = item.meeting
    may_edit_agenda = permissions.may_edit_agenda(membership, meeting)
    may_minute = permissions.may_minute(membership, item)
    if may_edit_agenda and invitation_form is None:
        invitation_form = forms.InvitationForm(organisations=_invitable(view), meeting=meeting)
    if may_minute and decision_form is None:
        decision_form = forms.DecisionForm()
    errors = []
    for form in (invitation_form, decision_form):
        if form is not None and form.is_bound:
            errors += error_summary(form)
    invitations = list(item.invitations.select_related("organisation"))
    own_invitation = next(
        (i for i in invitations if i.organisation_id == membership.organisation_id), None
    )
    identity = view.identity
    return {
        "item": item,
        "case": item.case,
        "meeting": meeting,
        "identity": identity,
        "bsn": identity.bsn_masked if membership.organisation.may_process_bsn else "",
        "full_access": view.full_access,
        "case_url": _optional_url("cases:case_detail", pk=item.case_id) if view.full_access else "",
        "own_invitation": None if view.full_access else own_invitation,
        "at_table": view.at_table,
        "invitations": invitations,
        "disclosures": _disclosure_rows(membership, item, view.disclosures),
        "may_disclose": permissions.may_disclose(membership, item),
        "decisions": [
            (decision, staff_display(decision.recorded_by, meeting.zvh))
            for decision in view.decisions
        ],
        "draft": view.draft,
        "draft_url": _optional_url("cases:plan_version", pk=item.case_id, number=view.draft.number)
        if view.draft is not None
        else "",
        "may_minute": may_minute,
        "may_edit_agenda": may_edit_agenda,
        "invitation_form": invitation_form if may_edit_agenda else None,
        "decision_form": decision_form if may_minute else None,
        "adopt_form": forms.PlanAdoptForm(initial={"based_on_revision": view.draft.revision})
        if may_minute and view.draft is not None
        else None,
        "errors": errors,
    }


def _item_for_action(
    request: HttpRequest, pk: uuid.UUID, membership: Membership | None = None
) -> tuple[Membership, AgendaItem, str]:
    """A visible agenda item (no person data read yet) and the gate, if still to pass."""
    membership = membership or _member(request)
    item = selectors.agenda_item_for_action(membership=membership, pk=pk)
    return membership, item, _gate(membership, item.meeting, item)


def _render_item(
    request: HttpRequest,
    membership: Membership,
    pk: uuid.UUID,
    *,
    decision_form: forms.DecisionForm | None = None,
) -> HttpResponse:
    """The agenda item page; opening it reads the person's identity and logs that read."""
    view = selectors.agenda_item_get_for(membership=membership, pk=pk)
    context = _item_context(membership, view, decision_form=decision_form)
    return render(request, "cases/item_detail.html", context)


@require_GET
def item_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, _item, gate = _item_for_action(request, pk)
    if gate:
        return redirect(gate)
    return _render_item(request, membership, pk)


@require_POST
def invitation_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Invite an incidental partner to this item, for a period."""
    membership, item, gate = _item_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.may_edit_agenda(membership, item.meeting):
        raise Http404
    view = selectors.agenda_item_get_for(membership=membership, pk=pk)
    form = forms.InvitationForm(request.POST, organisations=_invitable(view), meeting=item.meeting)
    if form.is_valid():
        data = form.to_input()
        try:
            services.invitation_add(membership=membership, item=view.item, data=data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(organisation)s is uitgenodigd voor dit agendapunt.")
                % {"organisation": data.organisation.name},
            )
            return redirect(item_url(item) + "#uitnodigingen")
    context = _item_context(membership, view, invitation_form=form)
    return render(request, "cases/item_detail.html", context)


@require_POST
def item_decision(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Record what the meeting agreed on for this case."""
    membership, item, gate = _item_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.may_minute(membership, item):
        raise Http404
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_record(
                membership=membership,
                item=item,
                text=form.cleaned_data["text"],
                category=form.cleaned_data["category"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect(item_url(item) + "#besluiten")
    return _render_item(request, membership, pk, decision_form=form)


@require_POST
def item_plan_adopt(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The meeting adopts the plan's draft version as it was shown."""
    membership, item, gate = _item_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.may_minute(membership, item):
        raise Http404
    form = forms.PlanAdoptForm(request.POST)
    target = item_url(item) + "#plan"
    if not form.is_valid():
        messages.error(request, _("Het plan is niet vastgesteld; probeer het opnieuw."))
        return redirect(target)
    try:
        version = plan_adopt(
            membership=membership,
            item=item,
            based_on_revision=form.cleaned_data["based_on_revision"],
        )
    except PermissionDenied:
        raise Http404 from None
    except PlanConflictError:
        messages.error(
            request,
            _(
                "Het plan is niet vastgesteld: iemand heeft het concept gewijzigd nadat u deze "
                "pagina opende. Hieronder staat de huidige conceptversie; stel die vast als het "
                "overleg ermee instemt."
            ),
        )
    except (ValidationError, CaseStateError):
        messages.error(
            request,
            _("Het plan is niet vastgesteld: er is geen conceptversie (meer) om vast te stellen."),
        )
    else:
        messages.success(
            request,
            _("Versie %(number)s van het plan van aanpak is vastgesteld in dit overleg.")
            % {"number": version.number},
        )
    return redirect(target)


# Disclosures ---------------------------------------------------------------------------------


def _disclosure_page(
    request: HttpRequest,
    *,
    item: AgendaItem,
    form: forms.DisclosureForm,
    original: DisclosureRow | None = None,
) -> HttpResponse:
    context = {
        "item": item,
        "case": item.case,
        "form": form,
        "original": original,
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "cases/disclosure_form.html", context)


@form_methods
def disclosure_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Record what one's organisation brings in for this agenda item."""
    membership, item, gate = _item_for_action(request, pk)
    if gate:
        return redirect(gate)
    if not permissions.may_disclose(membership, item):
        raise Http404
    at_table = selectors.organisations_at_item(item)
    data = request.POST if request.method == "POST" else None
    form = forms.DisclosureForm(data, membership=membership, at_table=at_table)
    if data is not None and form.is_valid():
        try:
            disclosure = privacy.disclosure_record(
                membership=membership, item=item, data=form.to_input()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, _("De verstrekking is vastgelegd."))
            return redirect(f"{item_url(item)}#verstrekking-{disclosure.pk}")
    return _disclosure_page(request, item=item, form=form)


@form_methods
def disclosure_correct(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Correct one's own organisation's disclosure by a new one; the original stays as it was."""
    membership = _member(request)
    item_pk = (
        agenda_items_visible_to(membership=membership)
        .filter(disclosures__pk=pk)
        .values_list("pk", flat=True)
        .first()
    )
    if item_pk is None:
        raise Http404
    _acting, item, gate = _item_for_action(request, item_pk, membership)
    if gate:
        return redirect(gate)
    if not permissions.may_disclose(membership, item):
        raise Http404
    view = selectors.agenda_item_get_for(membership=membership, pk=item_pk)
    rows = _disclosure_rows(membership, view.item, view.disclosures)
    row = next((r for r in rows if r.disclosure.pk == pk), None)
    if row is None or row.disclosure.from_organisation_id != membership.organisation_id:
        raise Http404
    if row.corrected_by is not None:
        messages.info(
            request,
            _("Deze verstrekking is al gecorrigeerd; corrigeer zo nodig de correctie."),
        )
        return redirect(f"{item_url(item)}#verstrekking-{pk}")
    original = row.disclosure
    original.agenda_item = view.item
    data = request.POST if request.method == "POST" else None
    form = forms.DisclosureForm(
        data, membership=membership, at_table=view.at_table, original=original
    )
    if data is not None and form.is_valid():
        try:
            correction = privacy.disclosure_correct(
                membership=membership, original=original, data=form.to_input()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("De correctie is vastgelegd; de oorspronkelijke verstrekking blijft bewaard."),
            )
            return redirect(f"{item_url(item)}#verstrekking-{correction.pk}")
    return _disclosure_page(request, item=view.item, form=form, original=row)
