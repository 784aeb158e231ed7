"""The heavy actions of a consultation meeting, each behind a confirmation page
(``schakel.core.confirm``): cancelling the meeting and adopting the plan in it. The GET asks,
the POST acts; whoever may not act gets a 404."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from schakel.cases import permissions
from schakel.cases.choices import MeetingStatus, PlanVersionStatus
from schakel.cases.meetings import forms, services
from schakel.cases.meetings.item_views import _item_for_action
from schakel.cases.meetings.views import _meeting_for_action, item_url, meeting_url
from schakel.cases.models import ActionPlan, ActionPlanVersion
from schakel.cases.plans.services import MeetingNotHeldError, PlanConflictError, plan_adopt
from schakel.cases.services import CaseStateError
from schakel.core import confirm
from schakel.core.pages import form_methods

IN_PROGRESS = "overleg_nu"


@form_methods
def meeting_cancel(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Cancel a planned meeting, after the question."""
    membership, meeting, gate = _meeting_for_action(request, pk, permissions.runs_meeting)
    if gate:
        return redirect(gate)
    if meeting.status != MeetingStatus.PLANNED:
        raise Http404
    back = meeting_url(meeting)
    if request.method == "POST":
        try:
            services.meeting_set_status(
                membership=membership, meeting=meeting, status=MeetingStatus.CANCELLED
            )
        except PermissionDenied:
            raise Http404 from None
        except (ValidationError, CaseStateError):
            messages.error(
                request,
                _("De status is intussen al gewijzigd; dit is de huidige stand van het overleg."),
            )
        else:
            messages.success(request, _("Het casusoverleg is geannuleerd."))
        return redirect(back)
    when = formats.date_format(meeting.starts_at, "j F Y H:i")
    return confirm.confirm_page(
        request,
        confirm.Confirmation(
            title=_("Casusoverleg annuleren"),
            submit=_("Overleg annuleren"),
            back_url=back,
            what=[
                _("Het casusoverleg van %(when)s wordt geannuleerd.") % {"when": when},
                _(
                    "In een geannuleerd overleg worden geen besluiten meer vastgelegd en geen "
                    "plannen vastgesteld; de agendapunten blijven zichtbaar."
                ),
            ],
            irreversible=_("Annuleren kan niet ongedaan worden gemaakt."),
        ),
    )


def _draft(item_case_id: uuid.UUID) -> ActionPlanVersion | None:
    return ActionPlanVersion.objects.filter(
        plan__in=ActionPlan.objects.filter(case_id=item_case_id),
        status=PlanVersionStatus.DRAFT,
    ).first()


@form_methods
def item_plan_adopt(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The meeting adopts the plan's draft version as it was shown, after the question; in a
    meeting not yet recorded as held only with the confirmation that it is being held now."""
    membership, item, gate = _item_for_action(request, pk, permissions.may_minute)
    if gate:
        return redirect(gate)
    target = item_url(item) + "#plan"
    draft = _draft(item.case_id)
    form = forms.PlanAdoptForm(request.POST if request.method == "POST" else request.GET)
    if draft is None or not form.is_valid():
        messages.error(
            request,
            _("Het plan is niet vastgesteld: er is geen conceptversie (meer) om vast te stellen."),
        )
        return redirect(target)
    held = item.meeting.status == MeetingStatus.HELD
    when = formats.date_format(item.meeting.starts_at, "j F Y H:i")
    question = confirm.Confirmation(
        title=_("Plan van aanpak vaststellen"),
        submit=_("Versie %(number)s vaststellen") % {"number": draft.number},
        back_url=target,
        what=[
            _(
                "Het casusoverleg van %(when)s stelt conceptversie %(number)s van het plan van "
                "aanpak van casus %(reference)s vast, zoals die nu is."
            )
            % {"when": when, "number": draft.number, "reference": item.case.reference},
            _("Een volgende wijziging van het plan begint daarna een nieuwe versie."),
        ],
        irreversible=_("Een vastgestelde versie ligt vast: vaststellen kan niet ongedaan worden."),
        check=None if held else (IN_PROGRESS, _("Het overleg wordt nu gehouden.")),
    )
    hidden = [("based_on_revision", str(form.cleaned_data["based_on_revision"]))]
    if request.method != "POST":
        return confirm.confirm_page(request, question, hidden=hidden)
    if not confirm.check_ticked(request, question):
        error = _(
            "Het plan is niet vastgesteld: het overleg is nog niet als gehouden vastgelegd. "
            "Bevestig dat het overleg nu wordt gehouden, of stel het plan vast nadat het "
            "overleg is gehouden."
        )
        return confirm.confirm_page(request, question, hidden=hidden, errors=[error])
    try:
        version = plan_adopt(
            membership=membership,
            item=item,
            based_on_revision=form.cleaned_data["based_on_revision"],
            meeting_in_progress=not held,
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
    except MeetingNotHeldError as error:
        messages.error(request, str(error.detail))
    except (ValidationError, CaseStateError):
        messages.error(
            request,
            _("Het plan is niet vastgesteld: er is geen conceptversie (meer) om vast te stellen."),
        )
    else:
        url = reverse("cases:plan_version", kwargs={"pk": item.case_id, "number": version.number})
        messages.success(
            request,
            format_html(
                '{} <a class="utrecht-link" href="{}">{}</a>',
                _("Versie %(number)s van het plan van aanpak is vastgesteld in dit overleg.")
                % {"number": version.number},
                url,
                _("Versie %(number)s bekijken") % {"number": version.number},
            ),
        )
    return redirect(target)
