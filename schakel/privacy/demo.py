"""Demo data for privacy and accountability (fictional, demo mode only): an access request at
the contact point for the demo case, with the police's input given, and a legal hold on the
processing log placed by the privacy officer of Aldermeer. Running it again changes nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.cases.models import Case
from schakel.legal.choices import RetentionKind
from schakel.privacy.choices import RequestKind
from schakel.privacy.models import LegalHold, SubjectRequest
from schakel.privacy.requests.decisions import ContributionInput, contribution_answer
from schakel.privacy.requests.origins import origin_for
from schakel.privacy.requests.services import RegistrationInput, request_register
from schakel.privacy.retention.holds import HoldInput, hold_place

LEAD_ALDERMEER = "regievoerder@aldermeer.example"
PRIVACY_ALDERMEER = "privacy@aldermeer.example"
POLICE = "wijkagent@politie-noordkaap.example"


def _membership(email: str) -> Membership | None:
    return (
        Membership.objects.active()
        .filter(user__email=email)
        .select_related("organisation", "user")
        .first()
    )


def seed_privacy_demo() -> bool:
    """True when something was added."""
    require_demo_mode()
    lead = _membership(LEAD_ALDERMEER)
    officer = _membership(PRIVACY_ALDERMEER)
    police = _membership(POLICE)
    case = Case.objects.filter(directing_municipality__name="Gemeente Aldermeer").first()
    if lead is None or officer is None or police is None or case is None:
        return False
    if SubjectRequest.objects.exists() or LegalHold.objects.exists():
        return False
    today = timezone.localdate()
    with transaction.atomic():
        request = request_register(
            membership=lead,
            origin=origin_for(membership=lead, case_pk=case.pk),
            data=RegistrationInput(
                kind=RequestKind.ACCESS,
                received_on=today - timedelta(days=9),
                description="Vraagt per brief welke gegevens over hem zijn vastgelegd en met "
                "wie ze zijn gedeeld.",
                identity_verified_on=today - timedelta(days=8),
                identity_verification_note="Identiteitsbewijs getoond aan de balie van het "
                "stadhuis; geen kopie gemaakt.",
            ),
        )
        contribution = request.contributions.filter(organisation=police.organisation).first()
        if contribution is not None:
            contribution_answer(
                membership=police,
                contribution=contribution,
                data=ContributionInput(
                    holds_data=True,
                    input="Wij verwerken de ingebrachte informatie uit het casusoverleg; geen "
                    "bezwaar tegen verstrekking.",
                ),
            )
        hold_place(
            membership=officer,
            data=HoldInput(
                reference="",
                kind=RetentionKind.PROCESSING_LOG,
                reason="Onderzoek naar een (fictief) beveiligingsincident: logregels bewaren "
                "tot het onderzoek is afgerond.",
                starts_on=today,
                ends_on=today + timedelta(days=180),
            ),
        )
    return True
