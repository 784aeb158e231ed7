"""The main identity of a person whose signals were linked: which registration's value counts
per field, the other registered values (aliases), and the history of those choices. Only the
lead of a municipality that directs one of the person's signals opens it; anyone else: 404."""

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.intake import permissions
from schakel.intake.activities import IntakeActivity
from schakel.intake.choices import IdentityField
from schakel.intake.log_subjects import person
from schakel.intake.main_identity import FIELDS, field_text, main_signals
from schakel.intake.main_identity_services import identity_choose
from schakel.intake.models import IdentityChoice, Signal, Subject


@dataclass(frozen=True)
class Option:
    signal_id: uuid.UUID
    text: str
    reference: str
    registered_on: Any
    main: bool


@dataclass(frozen=True)
class FieldChoice:
    field: str
    label: str
    options: list[Option]


def subject_signals_for(
    membership: Membership | None, pk: uuid.UUID
) -> tuple[Subject, list[Signal]]:
    """The person and their signals with person data, for a lead who may choose; the read of
    their identities is logged. 404 otherwise."""
    subject = Subject.objects.filter(pk=pk).first()
    if subject is None or membership is None:
        raise Http404
    signals = list(
        Signal.objects.filter(subject=subject, person_data_deleted_at=None)
        .select_related("directing_municipality")
        .order_by("created_at")
    )
    directing = {s.directing_municipality_id for s in signals}
    if not signals or not permissions.may_choose_identity(membership, directing):
        raise Http404
    audit.log_processing(
        activity=IntakeActivity.CONVERGENCE_REVIEW,
        name="main_identity_read",
        by=membership.user,
        subjects=[person(s) for s in signals],
    )
    return subject, signals


def field_choices(subject: Subject, signals: list[Signal]) -> list[FieldChoice]:
    main = main_signals(subject, signals)
    found = []
    for field in FIELDS:
        options: list[Option] = []
        seen: set[str] = set()
        chosen = main.get(field)
        main_value = field_text(chosen, field, full_bsn=True) if chosen is not None else ""
        for signal in signals:
            # Compared in full: two BSNs that differ before their last digits are two options.
            value = field_text(signal, field, full_bsn=True)
            if not value or value in seen:
                continue
            seen.add(value)
            options.append(
                Option(
                    signal.pk,
                    field_text(signal, field),
                    signal.reference,
                    signal.created_at,
                    value == main_value,
                )
            )
        if options:
            found.append(FieldChoice(field, str(IdentityField(field).label), options))
    return found


def history(subject: Subject) -> list[dict[str, Any]]:
    rows = IdentityChoice.objects.filter(subject=subject).select_related(
        "chosen_by", "organisation", "signal"
    )
    return [
        {
            "at": row.created_at,
            "field": row.get_field_display(),
            "value": field_text(row.signal, row.field)
            if row.signal is not None and row.signal.has_person_data
            else _("(verwijderd)"),
            "moment": row.get_moment_display(),
            "by": staff_display(row.chosen_by, row.organisation),
        }
        for row in rows.order_by("-created_at")
    ]


@require_http_methods(["GET", "POST"])
def main_identity(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    subject, signals = subject_signals_for(membership, pk)
    assert membership is not None
    error = ""
    if request.method == "POST":
        chosen: dict[str, uuid.UUID] = {}
        try:
            for field in FIELDS:
                value = request.POST.get(f"hoofd_{field}")
                if value:
                    chosen[field] = uuid.UUID(value)
            changed = identity_choose(subject=subject, membership=membership, choices=chosen)
        except (ValueError, ValidationError):
            error = _("Kies per gegeven een van de geregistreerde waarden.")
        except PermissionDenied as refused:
            raise Http404 from refused
        else:
            messages.success(
                request,
                _("De hoofdidentiteit is gewijzigd.") if changed else _("Er is niets gewijzigd."),
            )
            return redirect("intake:main_identity", pk=subject.pk)
    context = {
        "subject": subject,
        "fields": field_choices(subject, signals),
        "history": history(subject),
        "signals": signals,
        "error": error,
    }
    return render(request, "intake/main_identity.html", context)
