"""Every text of a network event passes the person-data check: the form shows the Dutch
message next to the field, the API answers a 400 problem+json with it, and nothing is saved."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from schakel.api.tests.helpers import assert_problem, messages, post, url
from schakel.network_events import services
from schakel.network_events.models import LearningPoint, NetworkEvent
from schakel.network_events.tests.helpers import (
    PERSON_TEXT,
    event_input,
    membership,
    world,
)

pytestmark = pytest.mark.django_db

BIRTH_DATE_MESSAGE = "De tekst bevat een datum die een geboortedatum bij een naam lijkt."
BSN_TEXT = "Betreft 999900018 uit de wijk."


@pytest.mark.parametrize("field", ["title", "location", "purpose", "case_material"])
def test_the_service_refuses_person_data_in_every_event_text(personas, network, field) -> None:
    with pytest.raises(ValidationError) as refused:
        services.event_plan(
            membership=membership(network.coordinator),
            collaboration=network.partnership,
            data=event_input(personas, **{field: PERSON_TEXT}),
        )
    assert BIRTH_DATE_MESSAGE in refused.value.message_dict[field][0]
    assert not NetworkEvent.objects.exists()


def test_a_bsn_like_number_is_refused_too(personas, network) -> None:
    with pytest.raises(ValidationError) as refused:
        services.event_plan(
            membership=membership(network.coordinator),
            collaboration=network.partnership,
            data=event_input(personas, case_material=BSN_TEXT),
        )
    assert "burgerservicenummer" in refused.value.message_dict["case_material"][0]


def test_record_learning_point_and_follow_up_texts_are_checked(personas, network) -> None:
    w = world(personas, network)
    coordinator = membership(network.coordinator)
    with pytest.raises(ValidationError):
        services.event_record(membership=coordinator, event=w.held, discussion=PERSON_TEXT)
    with pytest.raises(ValidationError):
        services.learning_point_add(
            membership=coordinator,
            event=w.held,
            data=services.LearningPointInput(text=PERSON_TEXT, theme="Kaders", organisations=[]),
        )
    with pytest.raises(ValidationError):
        services.follow_up_add(
            membership=coordinator,
            event=w.held,
            data=services.FollowUpInput(
                text=PERSON_TEXT, owner=personas.police, due_on=timezone.localdate()
            ),
        )
    assert LearningPoint.objects.count() == 1


def _form(personas: Any, **overrides: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "case_simulation",
        "title": "Simulatie",
        "starts_on": timezone.localdate().isoformat(),
        "starts_time": "10:00",
        "location": "Online",
        "online": "on",
        "organiser": str(personas.municipality_a.pk),
        "purpose": "Leren.",
        "case_material": "Verzonnen casus.",
        "organisations": [str(personas.police.pk), str(personas.om.pk)],
    }
    data.update(overrides)
    return data


def test_the_form_shows_the_dutch_message_and_saves_nothing(personas, network, signed_in) -> None:
    client = signed_in(network.coordinator)
    path = reverse("network_events:event_plan", kwargs={"collaboration": network.partnership.pk})
    refused = client.post(path, _form(personas, case_material=PERSON_TEXT))
    assert refused.status_code == 200
    assert BIRTH_DATE_MESSAGE in refused.content.decode()
    assert not NetworkEvent.objects.exists()
    saved = client.post(path, _form(personas))
    assert saved.status_code == 302
    assert NetworkEvent.objects.get().organisations.count() == 2


def test_the_form_refuses_staff_of_organisations_that_do_not_take_part(
    personas, network, signed_in
) -> None:
    client = signed_in(network.coordinator)
    path = reverse("network_events:event_plan", kwargs={"collaboration": network.partnership.pk})
    director = str(membership(personas.director).pk)
    refused = client.post(path, _form(personas, participants=[director]))
    assert "Kies alleen medewerkers van de deelnemende organisaties." in refused.content.decode()
    assert not NetworkEvent.objects.exists()


def test_the_api_answers_problem_json_with_the_message(personas, network, api_client) -> None:
    client = api_client(network.coordinator)
    body = {
        "collaboration": str(network.partnership.pk),
        "kind": "peer_review",
        "title": "Intervisie",
        "starts_at": timezone.now().isoformat(),
        "location": "Stadhuis",
        "organiser": str(personas.municipality_a.pk),
        "purpose": "Leren.",
        "case_material": PERSON_TEXT,
        "organisations": [str(personas.police.pk)],
    }
    response = post(client, url("network-event-list"), body)
    assert_problem(response, 400, "validation")
    assert BIRTH_DATE_MESSAGE in messages(response)["case_material"][0]
    assert not NetworkEvent.objects.exists()
