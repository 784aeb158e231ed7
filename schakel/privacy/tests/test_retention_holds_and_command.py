"""Legal holds: who may place them on whom, and their validation; the apply_retention command;
the outlook the privacy officer reads."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.http import Http404
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.intake.tests.factories import membership_of
from schakel.legal.choices import RetentionKind
from schakel.privacy.models import LegalHold, RetentionRun
from schakel.privacy.retention.holds import HoldInput, hold_lift, hold_place
from schakel.privacy.retention.selectors import outlook
from schakel.privacy.tests.retention_world import closed_case, never_weighed

T0 = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)


def _hold(reference: str = "", kind: str = "", **overrides: object) -> HoldInput:
    values: dict[str, object] = {
        "reference": reference,
        "kind": kind,
        "reason": "Lopende procedure bij de rechtbank.",
        "starts_on": None,
        "ends_on": timezone.localdate() + timedelta(days=60),
    }
    values.update(overrides)
    return HoldInput(**values)  # type: ignore[arg-type]


def test_an_officer_holds_a_person_by_case_or_signal_reference(personas):
    included = closed_case(personas, "Holdo")
    never = never_weighed(personas, "Holdi")
    officer = membership_of(personas.privacy_officer_a)
    by_case = hold_place(membership=officer, data=_hold(included.case.reference))  # type: ignore[union-attr]
    by_signal = hold_place(membership=officer, data=_hold(never.signal.reference))
    assert by_case.subject_id == included.case.subject_id  # type: ignore[union-attr]
    never.signal.refresh_from_db()
    assert by_signal.subject_id == never.signal.subject_id is not None
    record = LogRecord.objects.filter(name="legal_hold_place").last()
    assert record is not None
    assert record.data_subject_id  # a pseudonym, never the reference
    assert included.case.reference not in str(record.attributes)  # type: ignore[union-attr]


def test_a_reference_outside_the_officers_organisation_is_not_found(personas):
    included = closed_case(personas, "Buiten")
    police_officer = membership_of(personas.police_privacy_officer)
    # The police took part in this case (structural participant) — so it may hold it.
    hold_place(membership=police_officer, data=_hold(included.case.reference))  # type: ignore[union-attr]
    school_officer = membership_of(personas.lead_b)
    with pytest.raises(PermissionDenied):
        hold_place(membership=school_officer, data=_hold(included.case.reference))  # type: ignore[union-attr]
    from schakel.accounts.choices import Role
    from schakel.accounts.tests.factories import MembershipFactory

    other = MembershipFactory(
        organisation=personas.municipality_other_region, role=Role.PRIVACY_OFFICER
    )
    for reference in (included.case.reference, included.signal.reference, "CAS-2026-9999", "x"):  # type: ignore[union-attr]
        with pytest.raises(ValidationError) as error:
            hold_place(membership=other, data=_hold(reference))
        assert "reference" in error.value.message_dict
    assert LegalHold.objects.filter(organisation=personas.municipality_other_region).count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": "kort"}, "reason"),
        ({"ends_on": None}, "ends_on"),
        ({"ends_on": datetime(2020, 1, 1).date()}, "ends_on"),
        ({"starts_on": datetime(2099, 1, 1).date()}, "starts_on"),
        ({"kind": "everything"}, "kind"),
    ],
)
def test_a_hold_needs_a_reason_a_period_and_one_scope(personas, overrides, field):
    officer = membership_of(personas.privacy_officer_a)
    data = _hold(**{"kind": RetentionKind.CLOSED_CASE, **overrides})
    with pytest.raises(ValidationError) as error:
        hold_place(membership=officer, data=data)
    assert field in error.value.message_dict
    with pytest.raises(ValidationError):
        hold_place(membership=officer, data=_hold())  # neither reference nor kind
    assert not LegalHold.objects.exists()


def test_only_the_placing_organisation_lifts_a_hold_once(personas):
    hold = hold_place(
        membership=membership_of(personas.privacy_officer_a),
        data=_hold(kind=RetentionKind.PROCESSING_LOG),
    )
    with pytest.raises(PermissionDenied):
        hold_lift(membership=membership_of(personas.police_privacy_officer), hold=hold)
    lifted = hold_lift(membership=membership_of(personas.privacy_officer_a), hold=hold)
    assert lifted.lifted_at is not None
    with pytest.raises(ValidationError):
        hold_lift(membership=membership_of(personas.privacy_officer_a), hold=lifted)


def test_the_outlook_shows_what_is_due_within_ninety_days_for_the_officers_organisation(personas):
    with time_machine.travel(T0, tick=False):
        included = closed_case(personas, "Outlo")
    due = T0 + timedelta(days=5 * 365 - 20)
    with time_machine.travel(due, tick=False):
        view = outlook(membership=membership_of(personas.privacy_officer_a))
        cases = next(k for k in view.kinds if k.kind == RetentionKind.CLOSED_CASE)
        assert [row.reference for row in cases.rows] == [included.case.reference]  # type: ignore[union-attr]
        assert not cases.rows[0].held
        # The police took part: it may hold the case, so it sees it coming too.
        police = outlook(membership=membership_of(personas.police_privacy_officer))
        assert next(k for k in police.kinds if k.kind == RetentionKind.CLOSED_CASE).rows
        from schakel.accounts.choices import Role
        from schakel.accounts.tests.factories import MembershipFactory

        elsewhere = MembershipFactory(
            organisation=personas.municipality_other_region, role=Role.PRIVACY_OFFICER
        )
        assert not next(
            k for k in outlook(membership=elsewhere).kinds if k.kind == RetentionKind.CLOSED_CASE
        ).rows
        with pytest.raises(Http404):
            outlook(membership=membership_of(personas.lead_a))
        hold_place(
            membership=membership_of(personas.privacy_officer_a),
            data=_hold(included.case.reference),  # type: ignore[union-attr]
        )
        held = outlook(membership=membership_of(personas.privacy_officer_a))
        assert next(k for k in held.kinds if k.kind == RetentionKind.CLOSED_CASE).held == 1


def test_the_command_counts_sweeps_and_resumes(personas):
    with time_machine.travel(T0, tick=False):
        never_weighed(personas, "Comma")
    with time_machine.travel(T0 + timedelta(days=400), tick=False):
        out = StringIO()
        call_command("apply_retention", "--dry-run", stdout=out)
        assert "Signalen die nooit zijn gewogen: 1 vervallen" in out.getvalue()
        assert not RetentionRun.objects.exists()
        out = StringIO()
        call_command("apply_retention", "--no-progress", stdout=out)
        assert "Signalen die nooit zijn gewogen: 1 verwijderd" in out.getvalue()
        with pytest.raises(CommandError):
            call_command("apply_retention", "--resume")
        with pytest.raises(CommandError):
            call_command("apply_retention", "--batch-size", "0")
