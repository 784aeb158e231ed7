"""Who may see and change a person's main identity, in the UI and the API: only the lead of a
municipality that directs one of the person's signals; everyone else gets 404."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from schakel.accounts.models import User
from schakel.accounts.services import access_token_create
from schakel.audit.models import LogRecord
from schakel.intake.identity import identity_of
from schakel.intake.main_identity_services import identity_choose
from schakel.intake.models import IdentityChoice, Signal, Subject
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import membership_of, register

pytestmark = pytest.mark.django_db

# colleague_a is a second municipal lead of Aldermeer: they may, like lead_a.
OTHERS = (
    "lead_b", "admin_a", "privacy_officer_a", "police_member", "school_member",
    "outsider", "director", "om_member", "ggz_member", "police_privacy_officer",
)  # fmt: skip


@pytest.fixture
def person(personas) -> Subject:
    """Police and school registered one resident of Aldermeer; its lead confirmed the pair."""
    register(personas.police_member, residence=personas.municipality_a)
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    )
    [suggestion] = second.suggestions
    suggestion_decide(
        suggestion=suggestion, membership=membership_of(personas.lead_a), confirm=True
    )
    second.signal.refresh_from_db()
    assert second.signal.subject is not None
    return second.signal.subject


def page(subject: Subject) -> str:
    return reverse("intake:main_identity", args=[subject.pk])


def api(user: User) -> Client:
    raw = access_token_create(user=user, name="Test", days=1)[1]
    return Client(headers={"Authorization": f"Bearer {raw}"})


def endpoint(subject: Subject) -> str:
    return f"/api/v1/subjects/{subject.pk}/main-identity"


def signals_of(subject: Subject) -> dict[str, Signal]:
    return {str(s.surname): s for s in Signal.objects.filter(subject=subject)}


@pytest.mark.parametrize("who", ["lead_a", "colleague_a"])
def test_a_directing_lead_sees_every_value_and_changes_the_choice(
    personas, person, signed_in, who
) -> None:
    client = signed_in(getattr(personas, who))
    response = client.get(page(person))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Hogeveld" in content
    assert "Hoogeveld" in content

    typo = signals_of(person)["Hogeveld"]
    client.post(page(person), {"hoofd_surname": str(typo.pk)})

    assert identity_of(person).surname == "Hogeveld"
    assert IdentityChoice.objects.filter(field="surname", moment="change").exists()
    assert LogRecord.objects.filter(name="main_identity_read").exists()


@pytest.mark.parametrize("who", OTHERS)
def test_everyone_else_gets_404_in_the_ui(personas, person, signed_in, who) -> None:
    client = signed_in(getattr(personas, who))
    assert client.get(page(person)).status_code == 404
    typo = signals_of(person)["Hogeveld"]
    assert client.post(page(person), {"hoofd_surname": str(typo.pk)}).status_code == 404
    assert not IdentityChoice.objects.filter(moment="change").exists()


def test_the_api_reads_and_changes_with_history(personas, person) -> None:
    client = api(personas.lead_a)
    read = client.get(endpoint(person))
    assert read.status_code == 200, read.content
    surname = next(f for f in read.json()["per_field"] if f["field"] == "surname")
    assert {o["value"] for o in surname["options"]} == {"van Hoogeveld", "Hogeveld"}

    typo = signals_of(person)["Hogeveld"]
    changed = client.put(
        endpoint(person), {"surname": str(typo.pk)}, content_type="application/json"
    )

    assert changed.status_code == 200, changed.content
    surname = next(f for f in changed.json()["per_field"] if f["field"] == "surname")
    assert [o["value"] for o in surname["options"] if o["main"]] == ["Hogeveld"]
    assert changed.json()["history"][0]["moment"] == "change"


def test_a_signal_of_someone_else_is_refused_with_a_problem(personas, person) -> None:
    stranger = register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names="Ilse",
        surname="Wouterhoeve",
    )
    response: Any = api(personas.lead_a).put(
        endpoint(person), {"surname": str(stranger.signal.pk)}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert identity_of(person).surname == "Hoogeveld"


@pytest.mark.parametrize("who", OTHERS)
def test_everyone_else_gets_404_in_the_api(personas, person, who) -> None:
    client = api(getattr(personas, who))
    assert client.get(endpoint(person)).status_code == 404
    typo = signals_of(person)["Hogeveld"]
    response = client.put(
        endpoint(person), {"surname": str(typo.pk)}, content_type="application/json"
    )
    assert response.status_code == 404
    assert not IdentityChoice.objects.filter(moment="change").exists()


def test_joining_two_persons_keeps_both_their_choices(personas) -> None:
    lead = membership_of(personas.lead_a)
    first = register(personas.police_member, residence=personas.municipality_a)
    second = register(personas.school_member, residence=personas.municipality_a, surname="Hogeveld")
    [one] = second.suggestions
    suggestion_decide(suggestion=one, membership=lead, confirm=True, identity_choices={})
    # Two more registrations of the person, confirmed with each other first: a second subject.
    third = register(personas.police_member, residence=personas.municipality_a)
    fourth = register(
        personas.school_member, residence=personas.municipality_a, surname="Hoogeveldt"
    )
    [with_third] = [s for s in fourth.suggestions if s.earlier_signal_id == third.signal.pk]
    suggestion_decide(suggestion=with_third, membership=lead, confirm=True, identity_choices={})
    subjects = set(Signal.objects.values_list("subject_id", flat=True))
    assert len(subjects) == 2
    before = IdentityChoice.objects.count()
    # Each subject has a choice of its own (a differing surname was chosen at confirmation).
    assert set(IdentityChoice.objects.values_list("subject_id", flat=True)) == subjects
    # Now the first two and the last two are confirmed as one person: the subjects join.
    [joining] = [s for s in third.suggestions if s.earlier_signal_id == first.signal.pk]
    suggestion_decide(suggestion=joining, membership=lead, confirm=True)

    assert len(set(Signal.objects.values_list("subject_id", flat=True))) == 1
    assert IdentityChoice.objects.filter(subject__isnull=False).count() >= before
    kept = Signal.objects.values_list("subject_id", flat=True).first()
    assert set(IdentityChoice.objects.values_list("subject_id", flat=True)) == {kept}


def test_a_later_confirmation_keeps_the_main_value_a_lead_chose(personas, person) -> None:
    typo = signals_of(person)["Hogeveld"]
    identity_choose(
        subject=person, membership=membership_of(personas.lead_a), choices={"surname": typo.pk}
    )
    # Another registration with yet another spelling, more complete than the chosen one (it
    # has the prefix), confirmed with the defaults.
    later = register(
        personas.police_member, residence=personas.municipality_a, surname="Hoogeveldt"
    )
    [suggestion] = later.suggestions
    lead = membership_of(personas.lead_a)
    suggestion_decide(suggestion=suggestion, membership=lead, confirm=True)

    identity = identity_of(person)
    assert identity.surname == "Hogeveld"
    assert "van Hoogeveldt" in [alias.text for alias in identity.aliases]


def test_a_value_that_is_not_registered_on_that_signal_cannot_be_chosen(personas, person) -> None:
    without_bsn = signals_of(person)["Hogeveld"]
    assert not without_bsn.bsn
    with pytest.raises(ValidationError):
        identity_choose(
            subject=person,
            membership=membership_of(personas.lead_a),
            choices={"bsn": without_bsn.pk},
        )
    response = api(personas.lead_a).put(
        endpoint(person), {"bsn": str(without_bsn.pk)}, content_type="application/json"
    )
    assert response.status_code == 400
