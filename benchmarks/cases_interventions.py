"""The interventions of the cases benchmark's data (``cases_data``), spread over the cases."""

import random
from datetime import timedelta

from cases_case import CaseShape, Rows
from cases_world import World
from django.utils import timezone

from schakel.cases.choices import CasePhase, InterventionKind, InterventionStatus, LifeDomain
from schakel.cases.models import Intervention

INTERVENTION_TEXTS = (
    "Gesprekken met een mentor, eens per twee weken.",
    "Aanmelding bij de schuldhulpverlening en begeleiding naar werk.",
    "Behandeling bij de GGZ, intake en traject.",
    "Gebiedsverbod rond de moskee (burgemeestersbevoegdheid).",
    "Toezicht door de reclassering met meldplicht.",
    "Contact met de school over verzuim en begeleiding.",
    "Huisbezoek door de wijkagent samen met de casushouder.",
    "Gezinsbegeleiding via de jeugdzorg.",
)
OUTCOMES = (
    "Doel bereikt; afgesloten in overleg.",
    "Gedeeltelijk bereikt; vervolg via het wijkteam.",
    "Gestopt: geen medewerking van betrokkene.",
)


def _interventions(
    world: World, rng: random.Random, shapes: list[CaseShape], count: int, rows: Rows
) -> None:
    """``count`` interventions spread at random over the chunk's cases; adopted versions get
    the snapshot of what they hold."""
    per_case = [0] * len(shapes)
    for _ in range(count):
        per_case[rng.randrange(len(shapes))] += 1
    for shape, number in zip(shapes, per_case, strict=True):
        case = shape.case
        owners = [*shape.structural, world.municipalities[shape.municipality]]
        adopted, draft = shape.versions[0], shape.versions[-1]
        closed = case.phase == CasePhase.CLOSED
        snapshot: list[dict[str, object]] = []
        for _ in range(number):
            starts_on = timezone.localdate(case.opened_at) + timedelta(days=rng.randrange(0, 60))
            due_on = starts_on + timedelta(days=rng.randrange(30, 365))
            if closed:
                status = rng.choice((InterventionStatus.COMPLETED, InterventionStatus.STOPPED))
            else:
                status = rng.choices(
                    (
                        InterventionStatus.PLANNED,
                        InterventionStatus.IN_PROGRESS,
                        InterventionStatus.COMPLETED,
                    ),
                    (0.3, 0.5, 0.2),
                )[0]
            owner = rng.choice(owners)
            in_draft = draft is not adopted and rng.random() < 0.2
            intervention = Intervention(
                plan=shape.plan,
                kind=rng.choice(InterventionKind.values),
                owner=owner,
                life_domain=rng.choice([*LifeDomain.values, ""]),
                description=rng.choice(INTERVENTION_TEXTS),
                starts_on=starts_on,
                due_on=due_on,
                status=status,
                outcome=rng.choice(OUTCOMES) if status == InterventionStatus.COMPLETED else None,
                status_changed_at=world.now - timedelta(days=rng.uniform(0, 60)),
                revision=rng.randrange(1, 4),
                added_in=draft if in_draft else adopted,
                removed_in=draft
                if draft is not adopted and not in_draft and rng.random() < 0.1
                else None,
            )
            rows.interventions.append(intervention)
            if adopted.is_adopted and not in_draft:
                snapshot.append(
                    {
                        "id": str(intervention.pk),
                        "kind": intervention.kind,
                        "owner": str(owner.pk),
                        "owner_name": owner.name,
                        "life_domain": intervention.life_domain,
                        "description": intervention.description,
                        "starts_on": starts_on.isoformat(),
                        "due_on": due_on.isoformat(),
                    }
                )
        if adopted.is_adopted:
            adopted.interventions_snapshot = snapshot
