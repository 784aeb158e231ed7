"""Match suggestions at the meldpunt: why Schakel suggests them, the two registrations side by
side with their differences, and the decision with the choice of the main identity.

Of another municipality's signal only the identity shows and which meldpunt to contact: not
what was observed, not who registered it. Anything the acting membership may not see is a 404.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.intake import inbox_forms, permissions, services, suggestion_selectors
from schakel.intake.choices import DataCategory, IdentityField, MatchBand, SuggestionStatus
from schakel.intake.explanation import explanation_rows
from schakel.intake.main_identity import FIELDS, confirmation_default, differs, field_text
from schakel.intake.models import MatchSuggestion, Signal


@dataclass(frozen=True)
class FieldRow:
    """One field of the two registrations side by side, and whether they differ."""

    field: str
    label: str
    values: list[str]
    differs: bool
    default: str  # "signal" or "earlier_signal": the more complete value


def _label(choices: type[Any], value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _side(signal: Signal, membership: Membership) -> dict[str, Any]:
    own = signal.directing_municipality_id == membership.organisation_id
    return {
        "signal": signal,
        "own": own,
        "has_person_data": signal.has_person_data,
        "accounts": [f"{a.platform}: {a.handle}" for a in signal.online_accounts.all()],
        "municipality": signal.directing_municipality,
        "observation": signal.observation if own else None,
        "observation_category": _label(DataCategory, signal.observation_category),
        "registering_organisation": signal.registering_organisation.name if own else None,
    }


def field_rows(signal: Signal, earlier: Signal) -> list[FieldRow]:
    rows = []
    for field in FIELDS:
        rows.append(
            FieldRow(
                field=field,
                label=str(IdentityField(field).label),
                values=[field_text(signal, field) or "–", field_text(earlier, field) or "–"],
                differs=differs(signal, earlier, field),
                default=confirmation_default(signal, earlier, field),
            )
        )
    return rows


def _context(suggestion: MatchSuggestion, membership: Membership) -> dict[str, Any]:
    is_open = suggestion.status == SuggestionStatus.OPEN
    state = suggestion_selectors.confirmation_state(suggestion=suggestion, membership=membership)
    decided_by = ""
    if suggestion.decided_by_id is not None and suggestion.decided_for is not None:
        decided_by = staff_display(suggestion.decided_by, suggestion.decided_for)  # type: ignore[arg-type]
    rows = field_rows(suggestion.signal, suggestion.earlier_signal)
    return {
        "suggestion": suggestion,
        "percentage": round(100 * suggestion.probability),
        "band": _label(MatchBand, suggestion.band),
        "parts": explanation_rows(suggestion.explanation),
        "sides": [
            _side(suggestion.signal, membership),
            _side(suggestion.earlier_signal, membership),
        ],
        "rows": rows,
        "choice_rows": [row for row in rows if row.differs],
        "may_decide": is_open
        and not state.own_confirmed
        and permissions.may_decide_suggestion(membership, suggestion),
        "decided_by": decided_by,
        "confirmation": state if is_open else None,
    }


@require_GET
def suggestion_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    suggestion = suggestion_selectors.suggestion_get_for(membership=membership, pk=pk)
    assert membership is not None  # the fetcher found nothing otherwise
    return render(request, "intake/suggestion_detail.html", _context(suggestion, membership))


def posted_choices(request: HttpRequest) -> dict[str, str]:
    """The main identity as posted: ``hoofd_<field>`` = "signal" | "earlier_signal"."""
    return {
        field: request.POST[f"hoofd_{field}"]
        for field in FIELDS
        if f"hoofd_{field}" in request.POST
    }


DONE = {
    "confirmed": gettext_lazy("Bevestigd: beide signalen gaan nu over dezelfde betrokkene."),
    "one_side": gettext_lazy(
        "Bevestigd namens uw gemeente. De signalen worden gekoppeld zodra ook het andere "
        "meldpunt bevestigt."
    ),
    "rejected": gettext_lazy(
        "Afgewezen: deze twee signalen worden niet opnieuw aan elkaar voorgesteld."
    ),
}


@require_POST
def suggestion_decide(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = acting_membership(request)
    suggestion = get_object_or_404(
        suggestion_selectors.suggestions_visible_to(membership=membership), pk=pk
    )
    assert membership is not None  # nothing is visible otherwise
    detail = reverse("intake:suggestion_detail", kwargs={"pk": suggestion.pk})
    form = inbox_forms.SuggestionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies „Bevestigen” of „Afwijzen”."))
        return redirect(detail)
    try:
        decided = services.suggestion_decide(
            suggestion=suggestion,
            membership=membership,
            confirm=form.confirm,
            identity_choices=posted_choices(request) if form.confirm else None,
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(detail)
    except services.AlreadyDecidedError:
        messages.error(request, _("Iemand anders heeft hier al over besloten."))
        return redirect(detail)
    except services.MergeRefusedError:
        messages.error(
            request,
            _(
                "Niet gekoppeld: deze signalen horen al bij betrokkenen met signalen bij een "
                "ander meldpunt. Overleg eerst met dat meldpunt."
            ),
        )
        return redirect(detail)
    if form.confirm and decided.status == SuggestionStatus.OPEN:
        messages.success(request, str(DONE["one_side"]))
    elif form.confirm:
        messages.success(request, str(DONE["confirmed"]))
    else:
        messages.success(request, str(DONE["rejected"]))
    return redirect(detail)
