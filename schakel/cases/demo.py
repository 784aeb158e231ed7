"""Fictional demo of steps 3–5 for `manage.py seed_demo`: a weighing, a case, consultations and
an integrated action plan, made through the real services with the demo accounts.

It reuses the invented persons of the intake demo: the police signal about a resident of
Aldermeer is weighed and included (so a case opens at the ZVH), the Brookdam signal is weighed
with "more information needed". The weighing arrangement is facilitated by Aldermeer for
Aldermeer and Brookdam, while direction stays with the municipality of residence.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from schakel.accounts.demo import require_demo_mode
from schakel.accounts.models import Membership
from schakel.cases.choices import InterventionKind, LifeDomain, MeetingStatus
from schakel.cases.meetings.services import (
    InvitationInput,
    MeetingInput,
    agenda_item_add,
    invitation_add,
    meeting_schedule,
    meeting_set_status,
)
from schakel.cases.models import ActionPlan, Case
from schakel.cases.plans.services import (
    InterventionInput,
    PlanInput,
    intervention_add,
    latest_version,
    plan_adopt,
    plan_update,
)
from schakel.intake.models import Signal
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation, ZvhServiceArea
from schakel.weighing.choices import ArrangementScope, WeighingOutcome
from schakel.weighing.models import WeighingArrangement, WeighingSession
from schakel.weighing.selectors import active_criteria
from schakel.weighing.services import (
    DecisionInput,
    SessionInput,
    item_add,
    item_decide,
    may_be_weighed,
    session_schedule,
)

ARRANGEMENT = "Weegoverleg Aldermeer en Brookdam (fictief)"
PLACE = "Vergaderzaal 2, Zorg- en Veiligheidshuis Noordkaap"
LEAD_ALDERMEER = "regievoerder@aldermeer.example"
LEAD_BROOKDAM = "regievoerder@brookdam.example"
PROCESS_DIRECTOR = "procesregisseur@zvh-noordkaap.example"

INCLUDE_JUSTIFICATION = (
    "Noodzakelijk: de wijkagent ziet flyers met een oproep tot 'zuivering' en dreigende "
    "uitspraken in de buurt; dat wijst op een radicaliseringsproces richting geweld. "
    "Proportioneel: een gezamenlijke aanpak van gemeente, politie en zorg staat in verhouding "
    "tot dat risico. Subsidiair: een gesprek via de wijkagent alleen is niet genoeg gebleken."
)
MORE_INFORMATION_JUSTIFICATION = (
    "Eén signaal, van een burger, over openbare berichten. Voor een besluit is meer informatie "
    "nodig: het meldpunt vraagt de wijkagent om een gesprek en weegt daarna opnieuw."
)


def _membership(email: str) -> Membership:
    return Membership.objects.active().select_related("organisation", "user").get(user__email=email)


def _weighable(**filters: object) -> Signal | None:
    candidates = Signal.objects.filter(person_data_deleted_at__isnull=True, **filters).order_by(
        "created_at"
    )
    return next((signal for signal in candidates if may_be_weighed(signal)), None)


def _arrangement(aldermeer: Organisation, brookdam: Organisation) -> WeighingArrangement:
    arrangement, _ = WeighingArrangement.objects.get_or_create(
        name=ARRANGEMENT,
        defaults={"scope": ArrangementScope.REGIONAL, "facilitator": aldermeer},
    )
    arrangement.municipalities.add(aldermeer, brookdam)
    return arrangement


def _hours_ago(hours: int) -> datetime:
    """Earlier today (or late yesterday): the weighing and the start meeting took place."""
    return timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours)


def _next_week(hour: int) -> datetime:
    moment = datetime.combine(timezone.localdate() + timedelta(days=7), time(hour, 0))
    return timezone.make_aware(moment)


def seed_cases_demo() -> int:
    """Weigh, open a case and plan it once; running it again changes nothing. Returns the
    number of cases opened (0 when the demo was there already or nothing could be weighed)."""
    require_demo_mode()
    aldermeer = Organisation.objects.get(name="Gemeente Aldermeer")
    brookdam = Organisation.objects.get(name="Gemeente Brookdam")
    zvh = Organisation.objects.get(name="Zorg- en Veiligheidshuis Noordkaap")
    police = Organisation.objects.get(name="Politie-eenheid Noordkaap")
    om = Organisation.objects.get(name="Openbaar Ministerie arrondissement Noordkaap")
    # A care partner, invited incidentally to one agenda item (when the demo region has one).
    care = (
        Organisation.objects.filter(
            kind=OrganisationKind.MENTAL_HEALTH, region=aldermeer.region, is_active=True
        )
        .order_by("name")
        .first()
    )
    with transaction.atomic():
        for municipality in (aldermeer, brookdam):
            ZvhServiceArea.objects.get_or_create(zvh=zvh, municipality=municipality)
        arrangement = _arrangement(aldermeer, brookdam)
        if WeighingSession.objects.filter(arrangement=arrangement).exists():
            return 0
        included = _weighable(directing_municipality=aldermeer, registering_organisation=police)
        more_information = _weighable(directing_municipality=brookdam)
        if included is None or more_information is None:
            return 0
        lead = _membership(LEAD_ALDERMEER)
        lead_brookdam = _membership(LEAD_BROOKDAM)
        director = _membership(PROCESS_DIRECTOR)
        criteria = list(active_criteria())

        # Step 3: the weighing, still open so its participants see the items.
        session = session_schedule(
            membership=lead,
            data=SessionInput(
                arrangement=arrangement,
                held_at=_hours_ago(3),
                chair=lead.user,
                participants=[aldermeer, brookdam, police, om],
            ),
        )
        item = item_add(membership=lead, session=session, signal=included)
        item_decide(
            membership=lead,
            item=item,
            data=DecisionInput(
                outcome=WeighingOutcome.INCLUDE,
                justification=INCLUDE_JUSTIFICATION,
                criteria_notes={c.pk: "Besproken met politie en OM." for c in criteria},
                process_director=director.user,
            ),
        )
        later = item_add(membership=lead_brookdam, session=session, signal=more_information)
        item_decide(
            membership=lead_brookdam,
            item=later,
            data=DecisionInput(
                outcome=WeighingOutcome.MORE_INFORMATION,
                justification=MORE_INFORMATION_JUSTIFICATION,
                criteria_notes={criteria[0].pk: "Nog onvoldoende zicht op."} if criteria else {},
                follow_up_on=timezone.localdate() + timedelta(days=21),
            ),
        )
        case = Case.objects.get(opened_from=item)

        # Steps 4–5: a start meeting adopted the first plan; the next one is planned.
        start = meeting_schedule(
            membership=director,
            data=MeetingInput(
                starts_at=_hours_ago(2), ends_at=_hours_ago(1), place=PLACE, chair=director.user
            ),
        )
        start_item = agenda_item_add(membership=director, meeting=start, case=case)
        plan_update(
            membership=director,
            case=case,
            data=PlanInput(
                analysis={
                    LifeDomain.FAMILY_NETWORK.value: "Woont bij zijn moeder; weinig vrienden.",
                    LifeDomain.IDEOLOGY.value: "Deelt flyers met een oproep tot 'zuivering'.",
                    LifeDomain.ONLINE.value: "Volgt groepen waarin geweld wordt verheerlijkt.",
                },
                goals="Afstand tot de groep vergroten; een vast contact in de wijk.",
                based_on_version=None,
                based_on_revision=None,
            ),
        )
        for kind, owner, domain, description, days in (
            (
                InterventionKind.ADMINISTRATIVE,
                aldermeer,
                LifeDomain.FAMILY_NETWORK,
                "Gesprek met een sleutelfiguur uit de gemeenschap, samen met de moeder.",
                42,
            ),
            (
                InterventionKind.OTHER,
                police,
                LifeDomain.IDEOLOGY,
                "Wijkagent: gesprek over de flyers en wekelijks contact in de wijk.",
                56,
            ),
        ):
            intervention_add(
                membership=director,
                case=case,
                data=InterventionInput(
                    kind=kind,
                    owner=owner,
                    life_domain=domain,
                    description=description,
                    starts_on=timezone.localdate(),
                    due_on=timezone.localdate() + timedelta(days=days),
                ),
            )
        plan = ActionPlan.objects.get(case=case)
        draft = latest_version(plan)
        assert draft is not None
        adopted = plan_adopt(
            membership=director,
            item=start_item,
            based_on_revision=draft.revision,
            meeting_in_progress=True,
        )
        meeting_set_status(membership=director, meeting=start, status=MeetingStatus.HELD)
        # The next edit starts version 2, a draft for next week's meeting.
        plan_update(
            membership=director,
            case=case,
            data=PlanInput(
                analysis={LifeDomain.HEALTH.value: "Trekt zich terug; zorg wordt verkend."},
                goals="Afstand tot de groep vergroten; een vast contact in de wijk; zorg op maat.",
                based_on_version=adopted.pk,
                based_on_revision=adopted.revision,
            ),
        )
        upcoming = meeting_schedule(
            membership=director,
            data=MeetingInput(
                starts_at=_next_week(10), ends_at=_next_week(12), place=PLACE, chair=director.user
            ),
        )
        agenda_item = agenda_item_add(membership=director, meeting=upcoming, case=case)
        if care is not None:
            invitation_add(
                membership=director,
                item=agenda_item,
                data=InvitationInput(
                    organisation=care,
                    valid_from=timezone.localdate(),
                    valid_until=timezone.localdate() + timedelta(days=8),
                ),
            )
    return 1
