"""Demo data for staff safety (fictional, demo mode only): the protocol of Gemeente Aldermeer,
its privacy officer designated as safety officer by the functional admin, and one doxing
incident recorded by the municipal lead. Running it again changes nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.staff_safety import services
from schakel.staff_safety.choices import IncidentChannel, IncidentKind, SupportKind
from schakel.staff_safety.models import Incident, SafetyOfficer, SafetyProtocol

ORGANISATION = "Gemeente Aldermeer"
ADMIN = "beheer@aldermeer.example"
OFFICER = "privacy@aldermeer.example"
LEAD = "regievoerder@aldermeer.example"


def _membership(email: str) -> Membership | None:
    return (
        Membership.objects.active()
        .filter(user__email=email, organisation__name=ORGANISATION)
        .select_related("organisation", "user")
        .first()
    )


def seed_staff_safety_demo() -> bool:
    """True when something was added."""
    require_demo_mode()
    admin, officer, lead = _membership(ADMIN), _membership(OFFICER), _membership(LEAD)
    if admin is None or officer is None or lead is None:
        return False
    organisation = admin.organisation
    if SafetyProtocol.objects.filter(organisation=organisation).exists():
        return False
    with transaction.atomic():
        services.protocol_save(
            membership=admin,
            data=services.ProtocolInput(
                report_mailbox="veiligheid-medewerkers@aldermeer.example",
                officer_function="Veiligheidscoördinator (vertrouwenspersoon agressie)",
                officer_mailbox="vertrouwenspersoon@aldermeer.example",
                employer_name="Gemeente Aldermeer",
                employer_address="Raadhuisplein 1\n9999 ZZ Aldermeer",
                when_threatened=(
                    "Breng uzelf in veiligheid en bel bij direct gevaar 112. Meld het incident "
                    "dezelfde dag in Schakel of via de algemene mailbox. Bewaar berichten en "
                    "schermafbeeldingen. De veiligheidscoördinator neemt binnen één werkdag "
                    "contact op en helpt bij de aangifte op het adres van de gemeente."
                ),
                public_documents=(
                    "Brieven worden ondertekend met functie en afdeling; de algemene mailbox "
                    "staat als contact vermeld."
                ),
            ),
        )
        if not SafetyOfficer.objects.filter(membership=officer, ended_at__isnull=True).exists():
            services.officer_designate(membership=admin, target=officer)
        if not Incident.objects.filter(organisation=organisation).exists():
            services.incident_record(
                membership=lead,
                data=services.IncidentInput(
                    staff_member=None,
                    occurred_on=timezone.localdate() - timedelta(days=6),
                    kind=IncidentKind.DOXING,
                    channel=IncidentChannel.SOCIAL_MEDIA,
                    description=(
                        "Op een openbaar forum is een bericht geplaatst met mijn functie, mijn "
                        "woonplaats en een foto van mijn voordeur, met een oproep mij ‘eens op te "
                        "zoeken’. Schermafbeeldingen bewaard."
                    ),
                    follow_up=services.FollowUpInput(
                        police_report_filed=True,
                        police_report_on=timezone.localdate() - timedelta(days=5),
                        employer_details_used=True,
                        employer_details_note="Aangifte gedaan op het adres van de gemeente.",
                        support=(SupportKind.CONVERSATION,),
                    ),
                ),
            )
    return True
