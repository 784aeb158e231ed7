"""Recording and following up incidents, designating officers and the protocol: the rules,
the messages and the log."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.audit.services import ProcessingLogError
from schakel.staff_safety import permissions, services
from schakel.staff_safety.choices import IncidentStatus, SupportKind
from schakel.staff_safety.models import Incident, SafetyOfficer
from schakel.staff_safety.tests.conftest import incident_input, membership

pytestmark = pytest.mark.django_db


def errors_of(call) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_recording_logs_the_write_under_the_staff_member(personas, safety) -> None:
    record = LogRecord.objects.filter(name="staff_incident_recorded").get()
    assert record.activity_id == "staff_incidents"
    assert record.data_subject_type == "employee"
    assert record.attributes == {"kind": "doxing", "on_behalf": False}
    assert safety.incident.recorded_by == personas.police_member


def test_a_manager_records_on_behalf_of_a_colleague(personas, safety) -> None:
    incident = services.incident_record(
        membership=membership(safety.police_admin),
        data=incident_input(staff_member=safety.police_colleague),
    )
    assert incident.staff_member == safety.police_colleague
    assert incident.recorded_by == safety.police_admin


def test_not_on_behalf_of_someone_of_another_organisation(personas, safety) -> None:
    found = errors_of(
        lambda: services.incident_record(
            membership=membership(safety.police_officer),
            data=incident_input(staff_member=personas.lead_a),
        )
    )
    assert "staff_member" in found


def test_a_colleague_may_not_record_on_behalf(personas, safety) -> None:
    with pytest.raises(PermissionDenied):
        services.incident_record(
            membership=membership(safety.police_colleague),
            data=incident_input(staff_member=personas.police_member),
        )


def test_every_message_at_once(personas, safety) -> None:
    found = errors_of(
        lambda: services.incident_record(
            membership=membership(personas.police_member),
            data=incident_input(
                occurred_on=timezone.localdate() + timedelta(days=1),
                kind="x",
                channel="",
                description=" ",
                follow_up=services.FollowUpInput(employer_details_used=True),
            ),
        )
    )
    assert set(found) == {"occurred_on", "kind", "channel", "description", "police_report_filed"}


def test_person_data_in_the_description_is_refused(personas, safety) -> None:
    found = errors_of(
        lambda: services.incident_record(
            membership=membership(personas.police_member),
            data=incident_input(description="Dader met BSN 999900018 belde mij."),
        )
    )
    assert "description" in found


def test_the_police_report_needs_its_date(personas, safety) -> None:
    found = errors_of(
        lambda: services.incident_record(
            membership=membership(personas.police_member),
            data=incident_input(follow_up=services.FollowUpInput(police_report_filed=True)),
        )
    )
    assert list(found) == ["police_report_on"]


def test_nothing_is_recorded_when_the_log_cannot_be_written(personas, safety) -> None:
    with (
        mock.patch("schakel.audit.services._append", side_effect=ProcessingLogError("kapot")),
        pytest.raises(ProcessingLogError),
    ):
        services.incident_record(
            membership=membership(personas.police_member), data=incident_input()
        )
    assert Incident.objects.count() == 1


def test_the_safety_officer_follows_up(personas, safety) -> None:
    updated = services.incident_follow_up(
        membership=membership(safety.police_officer),
        incident=safety.incident,
        data=services.FollowUpInput(
            police_report_filed=True,
            police_report_on=timezone.localdate(),
            employer_details_used=True,
            support=(SupportKind.AFTERCARE, SupportKind.CONVERSATION),
        ),
        status=IncidentStatus.IN_PROGRESS,
    )
    assert updated.status == IncidentStatus.IN_PROGRESS
    assert updated.support == ["aftercare", "conversation"]
    assert LogRecord.objects.filter(name="staff_incident_updated").count() == 1


def test_the_officer_of_another_organisation_may_not(personas, safety) -> None:
    with pytest.raises(PermissionDenied):
        services.incident_follow_up(
            membership=membership(safety.officer_a),
            incident=safety.incident,
            data=services.FollowUpInput(),
            status=IncidentStatus.CLOSED,
        )


def test_designation_is_by_the_functional_admin_and_ends(personas, safety) -> None:
    officer = membership(safety.police_officer)
    assert permissions.is_safety_officer(officer)
    with pytest.raises(PermissionDenied):
        services.officer_designate(
            membership=membership(safety.police_colleague),
            target=membership(personas.police_member),
        )
    found = errors_of(
        lambda: services.officer_designate(
            membership=membership(safety.police_admin), target=membership(personas.lead_a)
        )
    )
    assert "membership" in found
    designation = SafetyOfficer.objects.get(membership=officer)
    services.officer_end(membership=membership(safety.police_admin), designation=designation)
    assert not permissions.is_safety_officer(officer)
    names = set(LogRecord.objects.values_list("name", flat=True))
    assert {"safety_officer_designated", "safety_officer_ended"} <= names


def test_the_protocol_is_written_by_the_functional_admin(personas, safety) -> None:
    data = services.ProtocolInput(
        report_mailbox="veiligheid@politie.example",
        officer_function="Vertrouwenspersoon agressie",
        officer_mailbox="vertrouwenspersoon@politie.example",
        employer_name="Politie-eenheid Noordkaap",
        employer_address="Bureauweg 1, Noordkaap",
        when_threatened="Bel 112 bij direct gevaar.",
    )
    with pytest.raises(PermissionDenied):
        services.protocol_save(membership=membership(safety.police_officer), data=data)
    protocol = services.protocol_save(membership=membership(safety.police_admin), data=data)
    assert protocol.organisation == personas.police
    bad = services.ProtocolInput(**{**data.__dict__, "officer_mailbox": "geen adres"})
    assert "officer_mailbox" in errors_of(
        lambda: services.protocol_save(membership=membership(safety.police_admin), data=bad)
    )
