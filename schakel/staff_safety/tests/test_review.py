"""Second review of staff safety: ended designations and memberships, acting in another
organisation, recording for someone of another organisation (page and API), failing closed on
every read and write, the one-time token on every POST form, the figures, and a protocol that
names no one."""

import re
from datetime import date, timedelta
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import sign_in
from schakel.accounts.acting import SESSION_KEY
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.accounts.tests.factories import MembershipFactory
from schakel.api.tests.helpers import PROBLEM, patch, post, url
from schakel.audit.models import LogRecord
from schakel.audit.services import ProcessingLogError
from schakel.staff_safety import services, work
from schakel.staff_safety.choices import IncidentKind, IncidentStatus
from schakel.staff_safety.models import Incident, SafetyProtocol
from schakel.staff_safety.tests.conftest import DESCRIPTION, incident_input, membership

pytestmark = pytest.mark.django_db

FAILING = "schakel.audit.services._append"


def _detail(incident: Incident) -> str:
    return reverse("staff_safety:incident_detail", kwargs={"pk": incident.pk})


def _acting(client: Client, chosen: Membership) -> Client:
    session = client.session
    session[SESSION_KEY] = str(chosen.pk)
    session.save()
    return client


def _officer_paths(incident: Incident) -> list[str]:
    return [
        _detail(incident),
        reverse("staff_safety:incident_follow_up", kwargs={"pk": incident.pk}),
        reverse("staff_safety:overview"),
        reverse("staff_safety:figures"),
        url("staff-incident-detail", incident.pk),
        url("staff-safety-figures"),
    ]


def test_an_ended_designation_loses_access_at_once(safety, signed_in) -> None:
    client = signed_in(safety.police_officer)
    paths = _officer_paths(safety.incident)
    assert [client.get(path).status_code for path in paths] == [200] * len(paths)
    designation = membership(safety.police_officer).safety_designations.get()
    services.officer_end(membership=membership(safety.police_admin), designation=designation)
    assert [client.get(path).status_code for path in paths] == [404] * len(paths)
    listed = client.get(url("staff-incident-list")).json()
    assert listed["results"] == []


def test_an_ended_membership_loses_access_at_once(personas, safety, signed_in) -> None:
    officer = signed_in(safety.police_officer)
    member = signed_in(personas.police_member)
    assert officer.get(_detail(safety.incident)).status_code == 200
    assert member.get(_detail(safety.incident)).status_code == 200
    yesterday = timezone.localdate() - timedelta(days=1)
    Membership.objects.filter(user__in=[safety.police_officer, personas.police_member]).update(
        valid_from=yesterday - timedelta(days=30), valid_until=yesterday
    )
    for client in (officer, member):
        for path in (_detail(safety.incident), url("staff-incident-detail", safety.incident.pk)):
            assert client.get(path).status_code == 404


def test_acting_for_another_organisation_does_not_widen_access(personas, safety) -> None:
    """The police's safety officer and the staff member also work for Aldermeer: acting for
    Aldermeer they see none of the police's incidents, and are no safety officer there."""
    elsewhere = {}
    for user in (safety.police_officer, personas.police_member):
        elsewhere[user.pk] = MembershipFactory(
            user=user, organisation=personas.municipality_a, role=Role.MUNICIPAL_LEAD
        )
    for user in (safety.police_officer, personas.police_member):
        client = _acting(sign_in(Client(), user), elsewhere[user.pk])
        assert client.get(_detail(safety.incident)).status_code == 404
        assert client.get(url("staff-incident-detail", safety.incident.pk)).status_code == 404
        assert client.get(url("staff-incident-list")).json()["results"] == []
        assert (
            safety.incident.reference
            not in client.get(reverse("staff_safety:my_incidents")).content.decode()
        )
        assert client.get(reverse("staff_safety:overview")).status_code == 404
        assert client.get(reverse("staff_safety:figures")).status_code == 404
        changed = patch(
            client, url("staff-incident-detail", safety.incident.pk), {"status": "closed"}
        )
        assert changed.status_code == 404
    safety.incident.refresh_from_db()
    assert safety.incident.status == IncidentStatus.NEW


def test_not_on_behalf_of_another_organisation_via_page_or_api(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_officer)
    before = Incident.objects.count()
    outsider_ids = [personas.lead_a.pk, personas.outsider.pk, safety.officer_a.pk]
    for pk in outsider_ids:
        body = {
            "staff_member": str(pk),
            "occurred_on": "2026-01-05",
            "kind": "threat",
            "channel": "phone",
            "description": "Bedreigd aan de telefoon.",
        }
        page = client.post(reverse("staff_safety:incident_create"), body)
        assert page.status_code == 200
        api = post(client, url("staff-incident-list"), body)
        assert api.status_code == 400, api.content
        assert api["Content-Type"] == PROBLEM
    # A colleague whose membership has ended is no colleague any more.
    yesterday = timezone.localdate() - timedelta(days=1)
    Membership.objects.filter(user=safety.police_colleague).update(
        valid_from=yesterday - timedelta(days=30), valid_until=yesterday
    )
    gone = post(
        client,
        url("staff-incident-list"),
        {
            "staff_member": str(safety.police_colleague.pk),
            "occurred_on": "2026-01-05",
            "kind": "threat",
            "channel": "phone",
            "description": "Bedreigd aan de telefoon.",
        },
    )
    assert gone.status_code == 400
    assert Incident.objects.count() == before


def test_the_api_fails_closed_with_a_clean_problem(personas, safety, signed_in) -> None:
    officer = signed_in(safety.police_officer)
    member = signed_in(personas.police_member)
    before = (Incident.objects.count(), LogRecord.objects.count())
    body = {
        "occurred_on": "2026-01-05",
        "kind": "threat",
        "channel": "phone",
        "description": "Bedreigd aan de telefoon.",
    }
    with mock.patch(FAILING, side_effect=ProcessingLogError("kapot")):
        answers = [
            officer.get(url("staff-incident-list")),
            officer.get(url("staff-incident-detail", safety.incident.pk)),
            officer.get(url("staff-safety-figures")),
            patch(officer, url("staff-incident-detail", safety.incident.pk), {"status": "closed"}),
            post(member, url("staff-incident-list"), body),
        ]
    for answer in answers:
        text = answer.content.decode()
        assert answer.status_code == 500
        assert answer["Content-Type"] == PROBLEM
        for leak in ("Traceback", "kapot", DESCRIPTION, safety.incident.reference):
            assert leak not in text
        assert personas.police_member.full_name not in text
    assert (Incident.objects.count(), LogRecord.objects.count()) == before
    safety.incident.refresh_from_db()
    assert safety.incident.status == IncidentStatus.NEW


def test_the_pages_fail_closed(personas, safety, signed_in) -> None:
    officer = signed_in(safety.police_officer)
    member = signed_in(personas.police_member)
    before = Incident.objects.count()
    with mock.patch(FAILING, side_effect=ProcessingLogError("kapot")):
        for client, path in (
            (member, reverse("staff_safety:my_incidents")),
            (officer, reverse("staff_safety:figures")),
            (
                officer,
                reverse("staff_safety:incident_follow_up", kwargs={"pk": safety.incident.pk}),
            ),
        ):
            with pytest.raises(ProcessingLogError):
                client.get(path)
        with pytest.raises(ProcessingLogError):
            member.post(
                reverse("staff_safety:incident_create"),
                {
                    "occurred_on": "2026-01-05",
                    "kind": "threat",
                    "channel": "phone",
                    "description": "Bedreigd aan de telefoon.",
                },
            )
    assert Incident.objects.count() == before


def _post_forms(html: str) -> list[str]:
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S)
    return [form for form in forms if 'action="/veiligheid/' in form]


def test_every_post_form_carries_the_one_time_token(personas, safety, signed_in) -> None:
    pages = {
        safety.police_admin: [
            reverse("staff_safety:officers"),
            reverse("staff_safety:protocol_edit"),
            reverse("staff_safety:incident_create"),
        ],
        safety.police_officer: [
            reverse("staff_safety:incident_follow_up", kwargs={"pk": safety.incident.pk})
        ],
    }
    for user, paths in pages.items():
        client = signed_in(user)
        for path in paths:
            forms = _post_forms(client.get(path).content.decode())
            assert forms, path
            for form in forms:
                assert 'name="_formulier"' in form, (path, form[:200])


def test_figures_of_a_single_incident_reveal_nothing(personas, safety, signed_in) -> None:
    client = signed_in(safety.police_administrator)
    year = safety.incident.occurred_on.year
    body = client.get(url("staff-safety-figures"), {"year": year}).json()
    cells = [value for row in body["rows"] for value in row["counts"].values()]
    assert cells.count("< 5") == 1
    assert set(cells) == {"< 5", "0"}
    assert body["total"] is None
    assert body["kind_totals"][IncidentKind.DOXING] is None
    assert [row["total"] for row in body["rows"]].count(None) == 1
    page = client.get(reverse("staff_safety:figures"), {"jaar": year}).content.decode()
    assert "meldingen/" not in page  # no drill-down
    assert safety.incident.reference not in page
    # No other organisation can be chosen: the figures are always the acting organisation's.
    other = signed_in(safety.officer_a)
    for query in ({"organisation": personas.police.pk}, {"organisatie": personas.police.pk}):
        shown = other.get(url("staff-safety-figures"), query).json()
        assert all(v == "0" for row in shown["rows"] for v in row["counts"].values())


def test_figures_of_a_previous_year_hold_only_that_year(personas, safety, signed_in) -> None:
    last_year = timezone.localdate().year - 1
    services.incident_record(
        membership=membership(personas.police_member),
        data=incident_input(occurred_on=date(last_year, 2, 1)),
    )
    client = signed_in(safety.police_administrator)
    body = client.get(url("staff-safety-figures"), {"year": last_year}).json()
    assert body["rows"][0]["counts"][IncidentKind.DOXING] == "< 5"
    assert body["rows"][0]["total"] is None
    assert body["total"] is None


PROTOCOL = {
    "report_mailbox": "veiligheid@politie.example",
    "officer_function": "Vertrouwenspersoon agressie",
    "officer_mailbox": "vp@politie.example",
    "employer_name": "Politie-eenheid Noordkaap",
    "employer_address": "Bureauweg 1",
    "when_threatened": "Bel 112 bij direct gevaar.",
}


def test_the_protocol_names_no_one(personas, safety, signed_in) -> None:
    User.objects.filter(pk=safety.police_officer.pk).update(full_name="Geertruida Wolkenkrabber")
    named = {
        "officer_function": "Vertrouwenspersoon Geertruida  Wolkenkrabber",
        "officer_mailbox": safety.police_officer.email.upper(),
        "when_threatened": "Bel geertruida wolkenkrabber of 112.",
    }
    for field_name, value in named.items():
        with pytest.raises(services.ValidationError) as caught:
            services.protocol_save(
                membership=membership(safety.police_admin),
                data=services.ProtocolInput(**{**PROTOCOL, field_name: value}),
            )
        assert field_name in caught.value.message_dict
    assert not SafetyProtocol.objects.exists()
    # The page too: the message is shown, nothing saved.
    client = signed_in(safety.police_admin)
    response = client.post(
        reverse("staff_safety:protocol_edit"),
        {**PROTOCOL, "public_documents": named["when_threatened"]},
    )
    assert response.status_code == 200
    assert "Noem geen namen van medewerkers" in response.content.decode()
    assert not SafetyProtocol.objects.exists()
    # A protocol without names is saved and its page shows no safety officer's name.
    services.protocol_save(
        membership=membership(safety.police_admin), data=services.ProtocolInput(**PROTOCOL)
    )
    page = signed_in(personas.police_member).get(reverse("staff_safety:protocol")).content.decode()
    assert "Wolkenkrabber" not in page
    assert safety.police_officer.email not in page


def test_the_work_item_and_reference_hold_no_person_data(personas, safety) -> None:
    items = work.new_incidents(membership(safety.police_officer))
    assert len(items) == 1
    text = f"{items[0].label} {items[0].reference} {items[0].url}"
    staff = personas.police_member
    for value in (staff.full_name, staff.full_name.split()[-1], staff.email, DESCRIPTION):
        assert value not in text
    assert re.fullmatch(r"[0-9A-F]{8}", safety.incident.reference)


def test_the_api_messages_follow_the_language(personas, safety) -> None:
    client = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), safety.police_officer)
    year = client.get(url("staff-safety-figures"), {"year": "1999"})
    assert year.status_code == 400
    assert "Choose a year" in year.content.decode()
    unknown = post(
        client,
        url("staff-incident-list"),
        {
            "staff_member": "00000000-0000-0000-0000-000000000000",
            "occurred_on": "2026-01-05",
            "kind": "threat",
            "channel": "phone",
            "description": "Threatened on the phone.",
        },
    )
    assert unknown.status_code == 400
    assert "Kies een medewerker" not in unknown.content.decode()
