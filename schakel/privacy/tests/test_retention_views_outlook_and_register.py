"""The retention pages of what will be deleted (with a frozen clock), the deletion register and
the runs — never a person's name on any of them."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from schakel.audit.models import DeletionRecord
from schakel.legal.choices import RetentionKind
from schakel.privacy.retention import engine
from schakel.privacy.tests.retention_view_helpers import DELETIONS, RUNS, UPCOMING, page, place
from schakel.privacy.tests.retention_world import closed_case

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 12, 9, 30, tzinfo=UTC)
# Five years minus thirty days after closing: the case is due within the 90-day outlook.
ALMOST_DUE = T0 + timedelta(days=5 * 365 + 1 - 30)
LATER = T0 + timedelta(days=6 * 365)


# What will be deleted ---------------------------------------------------------------------


def test_the_outlook_lists_a_closed_case_due_within_90_days_and_marks_a_hold(
    personas, signed_in
) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Quorvo")
    case = planted.case
    assert case is not None

    with time_machine.travel(T0 + timedelta(days=365), tick=False):
        early = page(signed_in(personas.privacy_officer_a).get(UPCOMING))
    with time_machine.travel(ALMOST_DUE, tick=False):
        client = signed_in(personas.privacy_officer_a)
        before = page(client.get(UPCOMING))
        place(personas, case.reference)
        after = page(client.get(UPCOMING))
        police = page(signed_in(_officer_elsewhere(personas)).get(UPCOMING))

    assert case.reference not in early
    assert case.reference in before
    row = before.split(case.reference, 1)[1].split("</tr>", 1)[0]
    assert "Gemeente Aldermeer" in row
    assert "12 januari 2031" in row
    assert "<strong>bewaarplicht</strong>" not in row
    held_row = after.split(case.reference, 1)[1].split("</tr>", 1)[0]
    assert "<strong>bewaarplicht</strong>" in held_row
    assert case.reference not in police  # another organisation's case
    for html in (before, after):
        assert not [value for value in planted.values if value.lower() in html.lower()]


def test_the_outlook_reads_a_bounded_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    with time_machine.travel(T0, tick=False):
        for token in ("Oxa", "Oxb", "Oxc"):
            closed_case(personas, token)
    with time_machine.travel(ALMOST_DUE, tick=False):
        client = signed_in(personas.privacy_officer_a)
        client.get(UPCOMING)
        with django_assert_max_num_queries(25):
            html = page(client.get(UPCOMING))
    assert html.count("CAS-") >= 3


# The deletion register and the runs -------------------------------------------------------


def test_the_register_and_the_runs_show_what_the_sweep_deleted(personas, signed_in) -> None:
    with time_machine.travel(T0, tick=False):
        planted = closed_case(personas, "Drexo")
    with time_machine.travel(LATER, tick=False):
        run = engine.sweep()
        client = signed_in(personas.privacy_officer_a)
        register = page(client.get(DELETIONS))
        runs = page(client.get(RUNS))
        other = page(signed_in(personas.police_privacy_officer).get(DELETIONS))

    short = str(run.pk).split("-")[0]
    for html in (register, other):  # the register holds no person data: it is platform-wide
        assert "Inhoud van casussen" in html
        assert "Inhoud van verstrekkingen" in html
        assert "Persoonsgegevens van signalen" in html
        assert "Afgesloten casussen" in html  # the rule
        assert short in html
    assert short in runs
    assert "Klaar" in runs
    assert "Afgesloten casussen: 1 verwijderd (1 van 1 behandeld)" in runs
    for html in (register, runs):
        assert not [value for value in planted.values if value.lower() in html.lower()]


def test_the_register_is_paged_with_a_fixed_number_of_queries(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    run_id = engine.sweep().pk
    now = timezone.now()
    DeletionRecord.objects.bulk_create(
        DeletionRecord(
            object_kind="signal_person_data",
            count=n + 1,
            policy=RetentionKind.SIGNAL_NOT_WEIGHED,
            run_id=run_id,
            deleted_at=now - timedelta(minutes=n),
        )
        for n in range(60)
    )
    client = signed_in(personas.privacy_officer_a)
    client.get(DELETIONS)

    with django_assert_max_num_queries(10):
        first = page(client.get(DELETIONS))
    with django_assert_max_num_queries(10):
        page(client.get(RUNS))
    second = page(client.get(DELETIONS, {"pagina": 2}))

    assert "60 regels in het vernietigingsregister" in first
    assert first.count("Persoonsgegevens van signalen") == 50
    assert second.count("Persoonsgegevens van signalen") == 10
    assert "Pagina 2 van 2" in second


def test_an_unknown_object_kind_is_shown_as_its_code(personas, signed_in) -> None:
    DeletionRecord.objects.create(
        object_kind="future_kind",
        count=1,
        policy="future_rule",
        run_id=engine.sweep().pk,
        deleted_at=timezone.now(),
    )

    html = page(signed_in(personas.privacy_officer_a).get(DELETIONS))

    assert "future_kind" in html
    assert "future_rule" in html


def _officer_elsewhere(personas):  # type: ignore[no-untyped-def]
    """A privacy officer of a municipality that took no part in the test's cases."""
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory

    return MembershipFactory(
        organisation=personas.municipality_other_region, role=Role.PRIVACY_OFFICER
    ).user
