"""Writes that close a data-subject request: the contact point's decision and each
organisation's input (inbreng). Same rules as ``requests.services``: logged in the same
transaction, only the handlers decide, only the contributors answer.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from schakel.accounts.models import Membership
from schakel.privacy.choices import (
    ContributionStatus,
    RequestDecision,
    RequestRestriction,
    RequestStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests.rules import (
    RequestStateError,
    _check_past_date,
    _check_text,
    _lock_open,
    _log,
    _raise,
    _require_handler,
    contributes,
)


@dataclass(frozen=True)
class DecisionInput:
    decision: str
    restriction: str
    grounds: str
    decided_on: date | None
    without_all_input: bool = False


def _validate_decision(request: SubjectRequest, data: DecisionInput, open_count: int) -> None:
    errors: dict[str, list[str]] = {}
    if data.decision not in RequestDecision.values:
        errors["decision"] = [_("Kies het besluit.")]
    if data.restriction not in RequestRestriction.values:
        errors["restriction"] = [_("Kies een beperking uit de lijst.")]
    elif data.restriction and data.decision == RequestDecision.GRANTED:
        errors["restriction"] = [
            _("Met een beperking is het verzoek gedeeltelijk toegewezen of afgewezen.")
        ]
    needs_grounds = data.decision != RequestDecision.GRANTED or bool(data.restriction)
    _check_text(
        errors,
        "grounds",
        data.grounds,
        required=_("Geef de gronden van het besluit: het verzoek wordt niet volledig toegewezen.")
        if needs_grounds
        else None,
    )
    _check_past_date(
        errors, "decided_on", data.decided_on, required=_("Vul de datum van het besluit in.")
    )
    if data.decided_on is not None and data.decided_on < request.received_on:
        errors.setdefault("decided_on", []).append(
            _("Het besluit kan niet vóór de ontvangst van het verzoek liggen.")
        )
    if (
        data.decision in (RequestDecision.GRANTED, RequestDecision.PARTIALLY_GRANTED)
        and request.identity_verified_on is None
    ):
        errors.setdefault("decision", []).append(
            _("Leg eerst vast hoe de identiteit van de persoon is vastgesteld.")
        )
    if open_count and not data.without_all_input:
        errors["without_all_input"] = [
            ngettext(
                "Nog %(count)s organisatie gaf geen inbreng. Bevestig dat u besluit zonder "
                "alle inbreng.",
                "Nog %(count)s organisaties gaven geen inbreng. Bevestig dat u besluit zonder "
                "alle inbreng.",
                open_count,
            )
            % {"count": open_count}
        ]
    _raise(errors)


def request_decide(
    *, membership: Membership, request: SubjectRequest, data: DecisionInput
) -> SubjectRequest:
    """Record the contact point's decision and its grounds; this closes the request."""
    _require_handler(membership, request)
    open_count = request.contributions.filter(status=ContributionStatus.OPEN).count()
    _validate_decision(request, data, open_count)
    with transaction.atomic():
        locked = _lock_open(request)
        open_count = locked.contributions.filter(status=ContributionStatus.OPEN).count()
        if open_count and not data.without_all_input:
            raise RequestStateError
        locked.decision = data.decision
        locked.restriction = data.restriction
        locked.decision_grounds = data.grounds.strip() or None
        locked.decided_on = data.decided_on
        locked.decided_by = membership.user
        locked.status = RequestStatus.DECIDED
        locked.closed_at = timezone.now()
        locked.save()
        _log(
            membership,
            locked,
            "request_decided",
            decision=data.decision,
            restriction=data.restriction or "none",
            open_contributions=open_count,
            without_all_input=int(bool(open_count)),
            late=int(data.decided_on is not None and data.decided_on > locked.due_on),
        )
    return locked


# Input of the organisations that took part -----------------------------------------------------


@dataclass(frozen=True)
class ContributionInput:
    holds_data: bool | None
    input: str
    objects_to_disclosure: bool = False


def contribution_answer(
    *, membership: Membership, contribution: RequestContribution, data: ContributionInput
) -> RequestContribution:
    """An organisation's input: whether it holds data, what (or remarks), and whether it
    objects to disclosure to the person (with the reason in the input). It may be changed
    while the request is open."""
    if not contributes(membership, contribution):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if data.holds_data is None:
        errors["holds_data"] = [_("Geef aan of uw organisatie gegevens over de persoon verwerkt.")]
    required = None
    if data.objects_to_disclosure:
        required = _("Licht toe waarom uw organisatie bezwaar heeft tegen verstrekking.")
    elif data.holds_data:
        required = _("Beschrijf welke gegevens uw organisatie verwerkt.")
    _check_text(errors, "input", data.input, required=required)
    _raise(errors)
    with transaction.atomic():
        request = _lock_open(contribution.request)
        locked = RequestContribution.objects.select_for_update().get(pk=contribution.pk)
        again = locked.status == ContributionStatus.ANSWERED
        locked.holds_data = data.holds_data
        locked.input = data.input.strip() or None
        locked.objects_to_disclosure = data.objects_to_disclosure
        locked.status = ContributionStatus.ANSWERED
        locked.answered_by = membership.user
        locked.answered_at = timezone.now()
        locked.save()
        if request.status == RequestStatus.RECEIVED:
            request.status = RequestStatus.IN_PROGRESS
            request.save(update_fields=["status", "updated_at"])
        _log(
            membership,
            request,
            "request_contribution_answered",
            holds_data=int(bool(data.holds_data)),
            objects_to_disclosure=int(data.objects_to_disclosure),
            again=int(again),
        )
    return locked
