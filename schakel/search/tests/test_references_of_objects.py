"""Every signal, person, weighing, case, meeting, plan and request gets a readable reference when
it is made, and the migrations number the rows that were there before, in creation order."""

import importlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from schakel.cases.models import ActionPlan, Case, ConsultationMeeting
from schakel.core.references import ReferenceCounter
from schakel.intake.models import Signal, Subject
from schakel.privacy.models import SubjectRequest
from schakel.privacy.tests.request_factories import register_request
from schakel.search.tests.helpers import bare_case, two_municipalities
from schakel.weighing.models import WeighingItem, WeighingSession

pytestmark = pytest.mark.django_db
SHAPE = re.compile(r"^[A-Z]{3}-\d{4}-\d{4,}$")
MIGRATIONS = {
    "intake": "schakel.intake.migrations.0009_readable_references",
    "weighing": "schakel.weighing.migrations.0004_readable_references",
    "cases": "schakel.cases.migrations.0005_readable_references",
    "privacy": "schakel.privacy.migrations.0008_readable_references",
}
KINDS = {
    Signal: "SIG",
    Subject: "PER",
    WeighingSession: "WEG",
    WeighingItem: "WGP",
    Case: "CAS",
    ConsultationMeeting: "OVL",
    ActionPlan: "PLN",
    SubjectRequest: "VRZ",
}


def test_each_kind_has_its_prefix_and_its_own_sequence(personas) -> None:
    scene = two_municipalities(personas)
    register_request(personas, scene.case_a)
    from schakel.cases.tests.factories import meeting

    meeting(personas)
    year = timezone.localdate().year
    for model, prefix in KINDS.items():
        references = list(model.objects.order_by("created_at").values_list("reference", flat=True))
        assert references, model
        assert all(SHAPE.match(r) for r in references), references
        assert references[0] == f"{prefix}-{year}-0001", model
        numbers = [int(r.rsplit("-", 1)[1]) for r in references]
        assert numbers == list(range(1, len(numbers) + 1)), model


def test_a_new_year_starts_at_one_and_a_reference_never_changes(personas) -> None:
    case = bare_case(municipality=personas.municipality_a, zvh=personas.zvh)
    with time_machine.travel(timezone.now() + timedelta(days=366), tick=False):
        later = bare_case(municipality=personas.municipality_a, zvh=personas.zvh)
    assert later.reference == f"CAS-{timezone.localdate().year + 1}-0001"
    before = case.reference
    case.next_review_on = timezone.localdate()
    case.save()
    case.refresh_from_db()
    assert case.reference == before


def test_the_migrations_number_existing_rows_in_creation_order(personas) -> None:
    scene = two_municipalities(personas)
    register_request(personas, scene.case_a)
    expected = {m: list(m.objects.order_by("created_at", "pk")) for m in KINDS}
    # As before the migration: no counters, and references that say nothing (unique, as the
    # column is; the migration adds it empty and makes it unique after numbering).
    for model in KINDS:
        for pk in model.objects.values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(reference=f"x{str(pk)[:12]}")
    ReferenceCounter.objects.all().delete()
    for module in MIGRATIONS.values():
        importlib.import_module(module).number_existing(apps, None)
    year = timezone.localdate().year
    for model, rows in expected.items():
        numbered = [model.objects.get(pk=row.pk).reference for row in rows]
        prefix = KINDS[model]
        assert numbered == [f"{prefix}-{year}-{n:04d}" for n in range(1, len(rows) + 1)], model
    # The counters go on where the migration stopped.
    assert bare_case(municipality=personas.municipality_b, zvh=personas.zvh).reference == (
        f"CAS-{year}-{len(expected[Case]) + 1:04d}"
    )


def test_a_reference_holds_no_person_data(personas) -> None:
    scene = two_municipalities(personas)
    signal = Signal.objects.get(pk=scene.signal_a.pk)
    for value in (signal.given_names, signal.surname, signal.date_of_birth, signal.bsn):
        if value:
            assert str(value).lower() not in signal.reference.lower()
    assert SHAPE.match(signal.reference)


def test_the_person_page_and_the_lists_show_the_references(personas, signed_in) -> None:
    scene = two_municipalities(personas)
    client = signed_in(personas.lead_a)
    person_page = client.get(
        reverse("intake:main_identity", kwargs={"pk": scene.case_a.subject_id})
    ).content.decode()
    assert f"Kenmerk van de betrokkene: {scene.case_a.subject.reference}" in person_page
    assert scene.case_a.reference in client.get(reverse("cases:case_list")).content.decode()
    assert scene.signal_a.reference in client.get(reverse("intake:signal_list")).content.decode()
