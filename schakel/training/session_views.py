"""The actions on a session: allocating seats (managers), registering and cancelling
(registrars of a member organisation), recording attendance (managers) and the certificate
(the participant and their organisation's registrars)."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_user
from schakel.accounts.display import staff_display
from schakel.core.forms import shown_errors
from schakel.core.once import token_required
from schakel.core.pages import form_methods, posted, save_valid, success_redirect
from schakel.core.pdf import render_pdf
from schakel.training import forms, selectors, services
from schakel.training.choices import RegistrationStatus
from schakel.training.models import Registration
from schakel.training.permissions import is_registrar, may_register_in
from schakel.training.views import member, session_url, target_labels


@token_required
@form_methods
def allocate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    session = selectors.session_for(membership, pk)
    if not selectors.manages(membership, session.collaboration):
        raise Http404
    rows = selectors.allocation_rows(session)
    form = forms.AllocationForm(
        posted(request),
        organisations=[row.organisation for row in rows],
        current={row.organisation.pk: row.allocated for row in rows},
    )
    saved = save_valid(
        form,
        lambda: services.allocations_set(
            by=acting_user(request), membership=membership, session=session, seats=form.seats()
        ),
        fields={"seats": "__all__"},
        forbidden_is_404=True,
    )
    if saved:
        return success_redirect(request, _("De plaatsen zijn toegewezen."), session_url(session))
    context = {"form": form, "errors": shown_errors(form), "session": session, "rows": rows}
    return render(request, "training/allocate.html", context)


@token_required
@form_methods
def register(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    session = selectors.session_for(membership, pk)
    if not may_register_in(membership, session.collaboration):
        raise Http404
    taken = session.registrations.filter(
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
    ).values_list("participant_id", flat=True)
    participants = selectors.eligible_participants(membership.organisation).exclude(pk__in=taken)
    form = forms.RegistrationForm(posted(request), participants=participants)
    saved = save_valid(
        form,
        lambda: services.registration_create(
            by=acting_user(request),
            membership=membership,
            session=session,
            participant=form.cleaned_data["participant"],
        ),
        forbidden_is_404=True,
    )
    if saved:
        registration = saved.value
        if registration.status == RegistrationStatus.REGISTERED:
            message = _("%(name)s is aangemeld.") % {"name": registration.participant.full_name}
        else:
            message = _(
                "De plaatsen van uw organisatie zijn vol: %(name)s staat op de wachtlijst "
                "(plaats %(position)s)."
            ) % {
                "name": registration.participant.full_name,
                "position": selectors.waiting_position(registration),
            }
        return success_redirect(request, message, session_url(session))
    context = {
        "form": form,
        "errors": shown_errors(form),
        "session": session,
        "allocated": selectors.allocation_of(session, membership.organisation_id),
        "closed": services.registration_closed(session),
    }
    return render(request, "training/register.html", context)


@token_required
@form_methods
def cancel(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    registration = selectors.registration_for(membership, pk)
    if registration.organisation_id != membership.organisation_id or not is_registrar(membership):
        raise Http404
    errors: list[str] = []
    if request.method == "POST":
        try:
            moved = services.registration_cancel(
                by=acting_user(request), membership=membership, registration=registration
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            errors = error.messages
        else:
            message = _("De aanmelding is geannuleerd.")
            if moved:
                message += " " + _("%(name)s van de wachtlijst heeft de plaats gekregen.") % {
                    "name": moved[0].participant.full_name
                }
            return success_redirect(request, message, session_url(registration.session))
    selectors.log_reads(acting_user(request), [registration], "training.registration_read")
    context = {"registration": registration, "errors": errors}
    return render(request, "training/cancel.html", context)


@token_required
@form_methods
def attendance(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = member(request)
    session = selectors.session_for(membership, pk)
    if not selectors.manages(membership, session.collaboration):
        raise Http404
    registered = list(
        selectors.registrations_visible(membership, session).filter(
            status=RegistrationStatus.REGISTERED
        )
    )
    choices = [(str(r.pk), selectors.participant_label(r, membership)) for r in registered]
    initial = {"present": [str(r.pk) for r in registered if r.attended]}
    form = forms.AttendanceForm(posted(request), choices=choices, initial=initial)
    selectors.log_reads(acting_user(request), registered, "training.attendance_read")

    def save() -> None:
        present = set(form.cleaned_data["present"])
        services.attendance_record(
            by=acting_user(request),
            membership=membership,
            session=session,
            attended={r.pk: str(r.pk) in present for r in registered},
        )

    saved = save_valid(form, save, forbidden_is_404=True)
    if saved:
        return success_redirect(request, _("De aanwezigheid is vastgelegd."), session_url(session))
    context = {
        "form": form,
        "errors": shown_errors(form),
        "session": session,
        "started": session.starts_at <= timezone.now(),
    }
    return render(request, "training/attendance.html", context)


@require_GET
def certificate(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The certificate of an attendee, for themself and their organisation's registrars."""
    membership = member(request)
    user = acting_user(request)
    registration = selectors.registration_for(membership, pk)
    own_registrar = registration.organisation_id == membership.organisation_id and is_registrar(
        membership
    )
    if not registration.attended or not (registration.participant_id == user.pk or own_registrar):
        raise Http404
    services.certificate_issued(by=user, registration=registration)
    return certificate_response(registration)


def certificate_response(registration: Registration) -> HttpResponse:
    session = registration.session
    context = {
        "title": _("Certificaat van deelname"),
        "generated_at": timezone.now(),
        "registration": registration,
        "session": session,
        "training": session.training,
        "targets": target_labels(session.training.target_groups),
        "participant": registration.participant,
        "employer": staff_display(registration.participant, registration.organisation),
    }
    pdf = render_pdf("training/certificate_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificaat-{session.starts_at:%Y%m%d}-{registration.number}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
