"""A new app plugs in without editing any other app: the test app (``tests.testapp``, one line in
the test settings' INSTALLED_APPS and one URL include) contributes a menu entry, a retention
rule for its person data and a section of the access export, and each shows up where it must."""

import dataclasses
import io
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.audit import services as audit
from schakel.audit.models import DeletionRecord, LogRecord
from schakel.cases.tests.factories import open_case
from schakel.legal import terms
from schakel.privacy.requests.access_export import collect
from schakel.privacy.requests.access_export_render import as_pdf
from schakel.privacy.retention import engine, handlers, policies
from schakel.privacy.tests.request_factories import acting, answer_all, register_request
from tests.testapp.models import PersonNote

pytestmark = pytest.mark.django_db

KIND = "testapp_person_note"
NOTE = "Proefnotitie Quirinus-7"


def test_the_menu_shows_the_new_apps_entry_to_its_role_only(personas, signed_in) -> None:
    coordinator = MembershipFactory(
        organisation=personas.municipality_a, role=Role.REGIONAL_COORDINATOR
    ).user
    page = signed_in(coordinator).get(reverse("core:dashboard")).content.decode()
    assert f'href="{reverse("testapp:notes")}"' in page
    assert "Proefnotities" in page
    lead_page = signed_in(personas.lead_a).get(reverse("core:dashboard")).content.decode()
    assert reverse("testapp:notes") not in lead_page


def _note(personas, case, *, days_ago: int, organisation=None) -> PersonNote:
    return PersonNote.objects.create(
        subject=case.subject,
        organisation=organisation or personas.municipality_a,
        text=NOTE,
        recorded_at=timezone.now() - timedelta(days=days_ago),
    )


def test_the_sweep_applies_the_new_apps_term_and_the_admin_sees_it(personas) -> None:
    with acting(personas.lead_a):
        case = open_case(personas)
    old = _note(personas, case, days_ago=200)
    recent = _note(personas, case, days_ago=10)

    row = next(r for r in policies.policy_rows() if r.kind == KIND)
    assert (row.label, row.term_months) == ("Proefnotities over personen", 6)
    assert engine.preview(kinds=[KIND]) == {KIND: 1}

    run = engine.sweep(kinds=[KIND])
    assert run.progress[KIND]["deleted"] == 1
    assert list(PersonNote.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not PersonNote.objects.filter(pk=old.pk).exists()
    assert DeletionRecord.objects.filter(object_kind=KIND, count=1).exists()
    assert LogRecord.objects.filter(name=f"retention_{KIND}").count() == 1

    # A functional admin's shorter term applies at the next sweep, like any other kind's.
    policies.policy_update(by=personas.superuser, kind=KIND, months=1, note="")
    with time_machine.travel(timezone.now() + timedelta(days=40), tick=False):
        engine.sweep(kinds=[KIND])
    assert not PersonNote.objects.exists()


def test_the_access_export_holds_the_new_apps_section_and_withholds_per_organisation(
    personas,
) -> None:
    with acting(personas.lead_a):
        case = open_case(personas)
    _note(personas, case, days_ago=3)
    _note(personas, case, days_ago=2, organisation=personas.police)
    request = register_request(personas, case)

    sections = collect(request)["other_sections"]
    assert [(s["key"], s["title"]) for s in sections] == [("testapp_notes", "Proefnotities")]
    organisations = [row["Organisatie"] for row in sections[0]["rows"]]
    assert organisations == [personas.municipality_a.name, personas.police.name]
    assert sections[0]["rows"][0]["Notitie"] == NOTE
    assert NOTE in _pdf_text(as_pdf(collect(request)))

    # The police object to disclosure: their notes stay out of the export.
    answer_all(request, personas, objecting=personas.police)
    rows = collect(request)["other_sections"][0]["rows"]
    assert [row["Organisatie"] for row in rows] == [personas.municipality_a.name]


def test_a_person_without_notes_gets_no_extra_section(personas) -> None:
    with acting(personas.lead_a):
        case = open_case(personas)
    request = register_request(personas, case)
    assert "other_sections" not in collect(request)


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_person_on_hold_keeps_the_new_apps_data(personas) -> None:
    with acting(personas.lead_a):
        case = open_case(personas)
    note = _note(personas, case, days_ago=400)
    register_request(personas, case)  # an open request holds the person's data

    assert engine.preview(kinds=[KIND]) == {KIND: 0}
    engine.sweep(kinds=[KIND])
    assert PersonNote.objects.filter(pk=note.pk).exists()


def test_the_new_kind_runs_before_the_processing_log_and_shows_on_the_terms_page(
    personas, signed_in
) -> None:
    assert [h.kind for h in handlers.handlers()][-2:] == [KIND, "processing_log"]
    page = signed_in(personas.superuser).get(reverse("privacy:retention_policies"))
    assert "Proefnotities over personen" in page.content.decode()


def test_a_contributed_kind_that_clashes_is_refused(monkeypatch) -> None:
    rule = next(r for r in terms.contributed_rules() if r.kind == KIND)
    clash = dataclasses.replace(rule, kind="closed_case")
    monkeypatch.setattr(terms, "contributions", lambda point: [clash])
    with pytest.raises(ImproperlyConfigured, match="closed_case"):
        terms.contributed_rules()
    monkeypatch.setattr(terms, "contributions", lambda point: [rule, rule])
    with pytest.raises(ImproperlyConfigured):
        terms.contributed_rules()


def test_the_new_apps_activity_is_in_the_register_and_can_be_logged(personas) -> None:
    from schakel.audit.activities import activity_choices
    from schakel.audit.models import ProcessingActivity
    from tests.testapp.activities import TestappActivity

    entry = ProcessingActivity.objects.get(key=TestappActivity.NOTE_KEEPING)  # after migrate
    assert entry.name_en == "Keeping test notes"
    assert activity_choices()[-1][0] == TestappActivity.NOTE_KEEPING  # by its position
    audit.log_processing(activity=TestappActivity.NOTE_KEEPING, name="note_read", by=None)
    assert LogRecord.objects.filter(activity_id=TestappActivity.NOTE_KEEPING).count() == 1


def test_an_activity_outside_the_register_is_refused_and_nothing_is_logged(personas) -> None:
    before = LogRecord.objects.count()
    with pytest.raises(ValueError, match="not in the register"):
        audit.log_processing(activity="not_in_the_register", name="x", by=None)
    assert LogRecord.objects.count() == before


def test_activities_declared_twice_are_refused(monkeypatch) -> None:
    from schakel.audit import activities

    twice = list(activities.entries())[:1] * 2
    activities.entries.cache_clear()
    monkeypatch.setattr(activities, "contributions", lambda point: twice)
    try:
        with pytest.raises(ImproperlyConfigured):
            activities.entries()
    finally:
        monkeypatch.undo()
        activities.entries.cache_clear()


def test_an_inclusion_needs_exactly_one_app_to_take_it_up(monkeypatch) -> None:
    from schakel.weighing import follow_up

    monkeypatch.setattr(follow_up, "contributions", lambda point: [])
    with pytest.raises(ImproperlyConfigured):
        follow_up.follow_up()
