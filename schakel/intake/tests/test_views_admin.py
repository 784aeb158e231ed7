"""The privacy officer's metadata list, the list of phenomena and the meldpunt navigation."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from schakel.accounts import acting
from schakel.accounts.choices import Role
from schakel.accounts.tests.factories import MembershipFactory
from schakel.intake.admin_services import PhenomenonData, phenomenon_save
from schakel.intake.models import Phenomenon
from schakel.intake.tests.factories import VALID_BSN, register

pytestmark = pytest.mark.django_db

PRIVACY = reverse("intake:privacy_signals")
PHENOMENA = reverse("intake:phenomena")
CREATE = reverse("intake:phenomenon_create")

# A distinctive fictional person: none of it may reach the privacy officer's screen.
PLANTED = {
    "given_names": "Quirijntje Zebulon",
    "surname_prefix": "van der",
    "surname": "Wolkenkrabbelaar",
    "address": "Fictieweg 999, Nergenshuizen",
    "observation": "Unieke waarneming zeppelinvlucht",
}


def update_url(phenomenon: Phenomenon) -> str:
    return reverse("intake:phenomenon_update", kwargs={"pk": phenomenon.pk})


# Privacy officer ---------------------------------------------------------------------------


def test_privacy_officer_sees_metadata_and_no_person_data(personas, signed_in) -> None:
    signal = register(
        personas.police_member, residence=personas.municipality_a, bsn=VALID_BSN, **PLANTED
    ).signal

    response = signed_in(personas.privacy_officer_a).get(PRIVACY)

    content = response.content.decode()
    assert response.status_code == 200
    assert signal.reference in content
    assert "Politie-eenheid Noordkaap" in content
    assert "Gemeente Aldermeer" in content
    assert "Onderwijs" in content
    assert "Gewone persoonsgegevens" in content
    for value in (*PLANTED.values(), "Wolkenkrabbelaar", "Quirijntje", VALID_BSN):
        assert value not in content
    # The year of birth, not as part of a random id or token (which may hold "2004" by chance).
    assert not re.search(r"(?<![0-9A-Za-z-])2004(?![0-9A-Za-z])", content)


def test_privacy_officer_of_the_police_sees_what_the_police_registered(personas, signed_in):
    own = register(personas.police_member, residence=personas.municipality_a).signal
    other = register(personas.school_member, residence=personas.municipality_b).signal
    content = signed_in(personas.police_privacy_officer).get(PRIVACY).content.decode()
    assert own.reference in content
    assert other.reference not in content


@pytest.mark.parametrize("user", ["lead_a", "police_member", "admin_a", "outsider", "superuser"])
def test_others_get_404_on_the_metadata_list(personas, signed_in, user) -> None:
    assert signed_in(getattr(personas, user)).get(PRIVACY).status_code == 404


def test_metadata_list_query_count_does_not_grow(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    for index in range(20):
        register(personas.police_member, residence=personas.municipality_a, address=f"Pad {index}")
    client = signed_in(personas.privacy_officer_a)
    # +3: the one write of the reads shown (claim, insert, chain head)
    with django_assert_max_num_queries(13):
        assert client.get(PRIVACY).status_code == 200


# Phenomena ---------------------------------------------------------------------------------


def test_superuser_adds_and_switches_off_a_phenomenon(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    assert client.get(PHENOMENA).status_code == 200
    assert client.get(CREATE).status_code == 200

    response = client.post(
        CREATE,
        {
            "name": "Fictief testfenomeen",
            "name_en": "Fictional test phenomenon",
            "position": 5,
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    phenomenon = Phenomenon.objects.get(name="Fictief testfenomeen")
    assert phenomenon.is_active
    assert "Fictief testfenomeen" in client.get(PHENOMENA).content.decode()

    response = client.post(
        update_url(phenomenon),
        {"name": "Fictief testfenomeen", "name_en": "Fictional", "position": 7},
    )
    assert response.status_code == 302
    phenomenon.refresh_from_db()
    assert not phenomenon.is_active
    assert phenomenon.position == 7
    form = signed_in(personas.police_member).get(reverse("intake:signal_create"))
    assert "Fictief testfenomeen" not in form.content.decode()


def test_a_duplicate_phenomenon_name_gets_a_message(personas, signed_in) -> None:
    existing = Phenomenon.objects.first() or Phenomenon.objects.create(name="Bestaand")
    response = signed_in(personas.superuser).post(
        CREATE, {"name": existing.name, "name_en": "", "position": 1, "is_active": "on"}
    )
    assert response.status_code == 200
    assert Phenomenon.objects.filter(name=existing.name).count() == 1


@pytest.mark.parametrize("user", ["admin_a", "lead_a", "privacy_officer_a", "outsider"])
def test_only_the_platform_operator_manages_phenomena(personas, signed_in, user) -> None:
    phenomenon = Phenomenon.objects.create(name="Fictief voor toegang")
    client = signed_in(getattr(personas, user))
    assert client.get(PHENOMENA).status_code == 404
    assert client.post(CREATE, {"name": "X", "position": 1}).status_code == 404
    assert client.get(update_url(phenomenon)).status_code == 404
    assert not Phenomenon.objects.filter(name="X").exists()


def test_phenomenon_service_refuses_anyone_but_the_superuser(personas) -> None:
    with pytest.raises(PermissionDenied):
        phenomenon_save(
            by=personas.admin_a,
            data=PhenomenonData(name="Y", name_en="", position=1, is_active=True),
        )


# Navigation --------------------------------------------------------------------------------


def navigation_of(client) -> list[str]:
    response = client.get(reverse("core:dashboard"))
    return [str(item["label"]) for item in response.context["navigation"]]


@pytest.mark.parametrize(
    ("user", "sees", "does_not_see"),
    [
        pytest.param(
            "lead_a",
            {"Meldpunt", "Signalen", "Online onderzoek"},
            {"Signalen (metadata)", "Fenomenen"},
            id="municipal-lead",
        ),
        pytest.param(
            "police_member",
            {"Signalen"},
            {"Meldpunt", "Online onderzoek", "Signalen (metadata)", "Fenomenen"},
            id="partner-member",
        ),
        pytest.param(
            "privacy_officer_a",
            {"Online onderzoek", "Signalen (metadata)"},
            {"Meldpunt", "Signalen", "Fenomenen"},
            id="privacy-officer",
        ),
        pytest.param(
            "superuser",
            {"Fenomenen"},
            {"Meldpunt", "Signalen", "Signalen (metadata)"},
            id="platform-operator",
        ),
    ],
)
def test_navigation_follows_the_acting_role(personas, signed_in, user, sees, does_not_see):
    items = set(navigation_of(signed_in(getattr(personas, user))))
    assert sees <= items
    assert not (does_not_see & items)


def test_meldpunt_items_follow_the_membership_the_user_acts_in(personas, signed_in) -> None:
    user = personas.lead_a
    school = MembershipFactory(user=user, organisation=personas.school, role=Role.PARTNER_MEMBER)
    client = signed_in(user)
    assert "Meldpunt" in navigation_of(client)

    session = client.session
    session[acting.SESSION_KEY] = str(school.pk)
    session.save()

    items = navigation_of(client)
    assert "Meldpunt" not in items
    assert "Signalen" in items
    assert client.get(reverse("intake:inbox")).status_code == 404
