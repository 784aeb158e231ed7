"""Cases and signals in two municipalities and two ZVHs, for the search's persona tests
(fictional people only)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from schakel.cases.models import ActionPlan, Case
from schakel.intake.models import Signal, Subject
from schakel.intake.tests.factories import register
from schakel.privacy.tests.request_factories import acting


@dataclass
class Scene:
    case_a: Case
    signal_a: Signal
    case_b: Case
    signal_b: Signal


def bare_case(*, municipality: Any, zvh: Any, subject: Subject | None = None) -> Case:
    """A case made without the weighing (what another municipality's lead would see)."""
    today = timezone.localdate()
    case = Case.objects.create(
        subject=subject or Subject.objects.create(),
        directing_municipality=municipality,
        zvh=zvh,
        opened_at=timezone.now(),
        reassessment_due_on=today + timedelta(days=365),
    )
    ActionPlan.objects.create(case=case)
    return case


def two_municipalities(personas: Any) -> Scene:
    """Aldermeer's case about Daan van Hoogeveld (weighed and opened through the services) and
    Brookdam's signal and case about someone of the same name."""
    from schakel.cases.tests.factories import open_case

    with acting(personas.lead_a):
        case_a = open_case(personas)
    signal_a = Signal.objects.get(subject=case_a.subject)
    with acting(personas.lead_b):
        signal_b = register(personas.lead_b, residence=personas.municipality_b).signal
    subject_b = Subject.objects.create()
    Signal.objects.filter(pk=signal_b.pk).update(subject=subject_b)
    case_b = bare_case(municipality=personas.municipality_b, zvh=personas.zvh, subject=subject_b)
    return Scene(case_a=case_a, signal_a=signal_a, case_b=case_b, signal_b=signal_b)
