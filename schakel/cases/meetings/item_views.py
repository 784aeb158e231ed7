"""The agenda item of a consultation meeting: what each partner may see of it, invitations,
decisions, adopting the plan, and the disclosures partners bring in (with corrections)."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.cases import permissions, selectors
from schakel.cases.access import agenda_items_visible_to
from schakel.cases.meetings import disclosures as disclosure_services
from schakel.cases.meetings import forms, services
from schakel.cases.meetings.views import _gate, _member, _optional_url, item_url
from schakel.cases.models import AgendaItem, Disclosure
from schakel.core.forms import add_service_errors, cleaned_values, error_summary
from schakel.core.once import token_required
from schakel.core.pages import form_methods, save_valid, success_redirect
from schakel.network.models import Organisation

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
    request: HttpRequest,
    pk: uuid.UUID,
    may: Callable[[Membership, AgendaItem], bool] | None = None,
    membership: Membership | None = None,
) -> tuple[Membership, AgendaItem, str]:
    """A visible agenda item (no person data read yet) and the gate, if still to pass; past the
    gate, a 404 unless ``may``."""
    membership = membership or _member(request)
    item = selectors.agenda_item_for_action(membership=membership, pk=pk)
    gate = _gate(membership, item.meeting, item)
    if not gate and may is not None and not may(membership, item):
        raise Http404
    return membership, item, gate


def _may_edit_agenda(membership: Membership, item: AgendaItem) -> bool:
    return permissions.may_edit_agenda(membership, item.meeting)


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
    membership, item, gate = _item_for_action(request, pk, _may_edit_agenda)
    if gate:
        return redirect(gate)
    view = selectors.agenda_item_get_for(membership=membership, pk=pk)
    form = forms.InvitationForm(request.POST, organisations=_invitable(view), meeting=item.meeting)
    if save_valid(
        form,
        lambda: services.invitation_add(
            membership=membership, item=view.item, data=form.to_input()
        ),
        forbidden_is_404=True,
    ):
        message = _("%(organisation)s is uitgenodigd voor dit agendapunt.") % {
            "organisation": form.cleaned_data["organisation"].name
        }
        return success_redirect(request, message, item_url(item) + "#uitnodigingen")
    context = _item_context(membership, view, invitation_form=form)
    return render(request, "cases/item_detail.html", context)


@require_POST
def item_decision(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Record what the meeting agreed on for this case."""
    membership, item, gate = _item_for_action(request, pk, permissions.may_minute)
    if gate:
        return redirect(gate)
    form = forms.DecisionForm(request.POST)
    if save_valid(
        form,
        lambda: services.decision_record(
            membership=membership, item=item, **cleaned_values(form, "text", "category")
        ),
        forbidden_is_404=True,
    ):
        return success_redirect(
            request, _("Het besluit is vastgelegd."), item_url(item) + "#besluiten"
        )
    return _render_item(request, membership, pk, decision_form=form)


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


@token_required
@form_methods
def disclosure_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Record what one's organisation brings in for this agenda item."""
    membership, item, gate = _item_for_action(request, pk, permissions.may_disclose)
    if gate:
        return redirect(gate)
    at_table = selectors.organisations_at_item(item)
    data = request.POST if request.method == "POST" else None
    form = forms.DisclosureForm(data, membership=membership, at_table=at_table)
    if data is not None and form.is_valid():
        try:
            disclosure = disclosure_services.disclosure_record(
                membership=membership, item=item, data=form.to_input()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
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
    _acting, item, gate = _item_for_action(request, item_pk, permissions.may_disclose, membership)
    if gate:
        return redirect(gate)
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
            correction = disclosure_services.disclosure_correct(
                membership=membership, original=original, data=form.to_input()
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("De correctie is vastgelegd; de oorspronkelijke verstrekking blijft bewaard."),
            )
            return redirect(f"{item_url(item)}#verstrekking-{correction.pk}")
    return _disclosure_page(request, item=view.item, form=form, original=row)
