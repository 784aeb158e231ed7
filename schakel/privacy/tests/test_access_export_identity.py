"""The access export shows the main identity with the other registered values, and finds the
online research that names the person without a signal, with the reads logged under it."""

from typing import Any

import pytest

from schakel.intake.models import MatchSuggestion, OnlineAccount, Signal
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.selectors import online_research_get_for
from schakel.intake.services import suggestion_decide
from schakel.intake.tests.factories import membership_of, register
from schakel.privacy.access_export import collect
from schakel.privacy.tests.request_factories import (
    Story,
    acting,
    full_story,
    register_request,
)

pytestmark = pytest.mark.django_db

NAMED = "Nagaan of D.P. Hoogeveld openbaar oproept tot geweld."
SOMEONE_ELSE = "Nagaan of een ander openbaar oproept tot geweld."


@pytest.fixture
def story(personas) -> Story:
    return full_story(personas)


def plan(purpose: str, **person: Any) -> ResearchPlan:
    return ResearchPlan(
        purpose=purpose,
        occasion="Tip van een buurtbewoner.",
        legal_basis="public_order",
        public_order_interest="Mogelijke verstoring bij een bijeenkomst.",
        subsidiarity="Navraag bij partners volstond niet.",
        confirms_no_fictitious_profile=True,
        confirms_no_closed_groups=True,
        confirms_no_systematic_following=True,
        **person,
    )


def test_research_naming_the_person_is_found_with_its_reads(personas, story) -> None:
    lead = membership_of(personas.lead_a)
    with acting(personas.lead_a):
        named = online_research_start(
            membership=lead,
            plan=plan(
                NAMED, person_given_names="D.P.", person_surname="Hoogeveld", person_birth_year=2004
            ),
        )
        online_research_start(
            membership=lead,
            plan=plan(SOMEONE_ELSE, person_surname="Zonnebloemstra", person_birth_year=1961),
        )
        online_research_get_for(membership=lead, pk=named.pk)

    data = collect(register_request(personas, story.case))

    purposes = [entry["purpose"] for entry in data["online_research"]]
    assert NAMED in purposes
    assert SOMEONE_ELSE not in purposes
    actions = [row["action"] for row in data["processing"]]
    assert "Online onderzoek ingezien" in actions


def test_an_account_alone_names_the_person_too(personas, story) -> None:
    OnlineAccount.objects.create(signal=story.signal, platform="TikTok", handle="daan.hgv")
    lead = membership_of(personas.lead_a)
    with acting(personas.lead_a):
        online_research_start(
            membership=lead,
            plan=plan(
                NAMED, person_platform="tiktok", person_handle="https://www.tiktok.com/@daan.hgv"
            ),
        )
        online_research_start(
            membership=lead,
            plan=plan(SOMEONE_ELSE, person_platform="TikTok", person_handle="@onbekend.account"),
        )
    purposes = [
        e["purpose"] for e in collect(register_request(personas, story.case))["online_research"]
    ]
    assert NAMED in purposes
    assert SOMEONE_ELSE not in purposes


def test_the_main_identity_and_the_other_spelling_are_in_the_export(personas, story) -> None:
    later = register(
        personas.school_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveld",
    )
    [suggestion] = later.suggestions
    suggestion_decide(
        suggestion=MatchSuggestion.objects.get(pk=suggestion.pk),
        membership=membership_of(personas.lead_a),
        confirm=True,
    )
    assert Signal.objects.get(pk=later.signal.pk).subject_id == story.case.subject_id

    main = collect(register_request(personas, story.case))["main_identity"]

    assert (main["surname_prefix"], main["surname"]) == ("van", "Hoogeveld")
    assert main["also_registered_as"] == ["Achternaam: Hogeveld"]
    assert main["born"] == "17 maart 2004"
