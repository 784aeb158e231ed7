"""A meeting's page and what is done on it: move, cancel (with a confirmation step), the
agenda, the minutes, decisions and action points. Members of the collaboration read; who may
change the meeting (``permissions.may_edit``) changes it; anyone else gets a 404."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.collaboration.selectors import roles_in
from schakel.core import confirm
from schakel.core.forms import shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, posted, save_valid, success_redirect
from schakel.regional_meetings import access, forms, permissions, selectors, services
from schakel.regional_meetings.choices import ActionStatus, AttachmentPart
from schakel.regional_meetings.models import Meeting
from schakel.regional_meetings.views import meeting_url


@require_GET
def meeting_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting, may_edit = access.meeting(request, pk)
    roles = roles_in(membership, meeting.collaboration)
    attachments = list(meeting.attachments.all())
    actions = list(meeting.action_points.select_related("owner", "owner_membership__user"))
    context = {
        "meeting": meeting,
        "may_edit": may_edit,
        "agenda": list(meeting.agenda_items.select_related("introduced_by")),
        "agenda_attachments": [a for a in attachments if a.part == AttachmentPart.AGENDA],
        "minutes_attachments": [a for a in attachments if a.part == AttachmentPart.MINUTES],
        "decisions": list(meeting.decisions.all()),
        "actions": [
            (action, permissions.may_finish_action(membership, roles, action)) for action in actions
        ],
    }
    return render(request, "regional_meetings/meeting_detail.html", context)


def _when(meeting: Meeting) -> str:
    return str(formats.date_format(meeting.starts_at.astimezone(), "j F Y H:i"))


@token_required
@form_methods
def meeting_move(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    local = meeting.starts_at.astimezone()
    form = forms.MoveForm(
        posted(request), initial={"day": local.date(), "start_time": local.time()}
    )

    def save() -> Meeting:
        data = form.cleaned_data
        return services.meeting_move(
            membership=membership,
            meeting=meeting,
            starts_at=forms.combine(data["day"], data["start_time"]),  # type: ignore[arg-type]
            reason=data["reason"],
        )

    return access.form_page(
        request,
        form,
        title=_("Overleg verplaatsen"),
        back_url=meeting_url(meeting),
        submit=_("Overleg verplaatsen"),
        save=save,
        done=_("Het overleg is verplaatst."),
        to=meeting_url,
        intro=_("%(title)s, nu op %(when)s.") % {"title": meeting.title, "when": _when(meeting)},
        fields={"starts_at": "day"},
    )


@token_required
@form_methods
def meeting_cancel(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The reason first, then a confirmation page; only the confirmed POST cancels."""
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.CancelForm(posted(request))
    confirmation = confirm.Confirmation(
        title=_("Overleg annuleren"),
        submit=_("Overleg annuleren"),
        back_url=meeting_url(meeting),
        what=[
            _(
                "%(title)s op %(when)s wordt geannuleerd. Het blijft in de lijst staan, met "
                "de reden."
            )
            % {"title": meeting.title, "when": _when(meeting)}
        ],
        irreversible=_("Een geannuleerd overleg kunt u niet terugzetten of verplaatsen."),
    )

    def show_form() -> HttpResponse:
        return _cancel_form(request, form, meeting)

    if response := confirm.review_first(request, form, confirmation, edit=show_form):
        return response
    saved = save_valid(
        form,
        lambda: services.meeting_cancel(
            membership=membership, meeting=meeting, reason=form.cleaned_data["reason"]
        ),
        forbidden_is_404=True,
    )
    if saved is not None:
        return success_redirect(request, _("Het overleg is geannuleerd."), meeting_url(meeting))
    return show_form()


def _cancel_form(request: HttpRequest, form: forms.CancelForm, meeting: Meeting) -> HttpResponse:
    if request.POST.get(confirm.STEP) == confirm.EDIT:
        form = forms.CancelForm(initial={"reason": request.POST.get("reason", "")})
    context = {
        "form": form,
        "errors": shown_errors(form) if request.POST.get(confirm.STEP) != confirm.EDIT else [],
        "title": _("Overleg annuleren"),
        "back_url": meeting_url(meeting),
        "submit": _("Verder"),
        "intro": _("%(title)s op %(when)s. Waarom gaat het niet door?")
        % {"title": meeting.title, "when": _when(meeting)},
        "multipart": False,
    }
    return render(request, "regional_meetings/form.html", context)


@token_required
@form_methods
def agenda_item_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.AgendaItemForm(posted(request), collaboration=meeting.collaboration)
    return access.form_page(
        request,
        form,
        title=_("Agendapunt toevoegen"),
        back_url=meeting_url(meeting),
        submit=_("Agendapunt toevoegen"),
        save=lambda: services.agenda_item_add(
            membership=membership, meeting=meeting, **form.cleaned_data
        ),
        done=_("Het agendapunt is toegevoegd."),
        to=lambda item: meeting_url(meeting),
    )


@token_required
@form_methods
def minutes_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.MinutesForm(posted(request), initial={"minutes": meeting.minutes})
    return access.form_page(
        request,
        form,
        title=_("Notulen schrijven"),
        back_url=meeting_url(meeting),
        submit=_("Notulen opslaan"),
        save=lambda: services.minutes_save(
            membership=membership, meeting=meeting, minutes=form.cleaned_data["minutes"]
        ),
        done=_("De notulen zijn opgeslagen."),
        to=meeting_url,
        intro=meeting.title,
    )


@token_required
@form_methods
def decision_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.DecisionForm(posted(request))
    return access.form_page(
        request,
        form,
        title=_("Besluit vastleggen"),
        back_url=meeting_url(meeting),
        submit=_("Besluit vastleggen"),
        save=lambda: services.decision_add(
            membership=membership, meeting=meeting, text=form.cleaned_data["text"]
        ),
        done=_("Het besluit is vastgelegd."),
        to=lambda decision: meeting_url(meeting),
    )


@token_required
@form_methods
def action_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.ActionForm(posted(request), collaboration=meeting.collaboration)
    return access.form_page(
        request,
        form,
        title=_("Actiepunt toevoegen"),
        back_url=meeting_url(meeting),
        submit=_("Actiepunt toevoegen"),
        save=lambda: services.action_add(
            membership=membership, meeting=meeting, **form.cleaned_data
        ),
        done=_("Het actiepunt is toegevoegd."),
        to=lambda action: meeting_url(meeting),
    )


@token_required
@require_POST
def action_status(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Mark an action point done or open again (a button on the meeting's page)."""
    membership = access.member(request)
    action = selectors.action_for(membership, pk)
    status = request.POST.get("status", "")
    if status not in ActionStatus.values:
        raise Http404
    roles = roles_in(membership, action.meeting.collaboration)
    if not permissions.may_finish_action(membership, roles, action):
        raise Http404
    services.action_set_status(membership=membership, action=action, status=status)
    done = (
        _("Het actiepunt is afgerond.")
        if status == ActionStatus.DONE
        else _("Het actiepunt staat weer open.")
    )
    return success_redirect(request, done, meeting_url(action.meeting))
