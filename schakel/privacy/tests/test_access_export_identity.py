"""The access export shows the main identity with the other registered values, and finds the
online research that names the person without a signal, with the reads logged under it."""

import json
from typing import Any

import pytest

from schakel.intake.models import MatchSuggestion, OnlineAccount, Signal
from schakel.intake.online_selectors import online_research_get_for
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.services import AccountInput, suggestion_decide
from schakel.intake.tests.factories import membership_of, register
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.access_export import collect
from schakel.privacy.tests.request_factories import (
    Story,
    acting,
    answer_all,
    decide,
    full_story,
    register_request,
)

pytestmark = pytest.mark.django_db

NAMED = "Nagaan of Daan Pieter van Hoogeveld openbaar oproept tot geweld."
ONLY_INITIALS = "Nagaan of D. Hoogeveld openbaar oproept tot geweld."
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
                NAMED,
                person_given_names="Daan Pieter",
                person_surname_prefix="van",
                person_surname="Hoogeveld",
                person_birth_year=2004,
            ),
        )
        # Initials, a surname and a year fit a brother or a namesake as well: a person must
        # judge that, the export does not take it in by itself.
        online_research_start(
            membership=lead,
            plan=plan(
                ONLY_INITIALS, person_given_names="D.", person_surname="Hoogeveld",
                person_birth_year=2004,
            ),
        )  # fmt: skip
        online_research_start(
            membership=lead,
            plan=plan(SOMEONE_ELSE, person_surname="Zonnebloemstra", person_birth_year=1961),
        )
        online_research_get_for(membership=lead, pk=named.pk)

    data = collect(register_request(personas, story.case))

    purposes = [entry["purpose"] for entry in data["online_research"]]
    assert NAMED in purposes
    assert SOMEONE_ELSE not in purposes
    assert ONLY_INITIALS not in purposes
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


def test_a_withheld_organisations_values_stay_out_of_the_main_identity(personas, story) -> None:
    # The police registers the person with another spelling; the lead confirms and even
    # chooses the police's spelling as the main one.
    police = register(
        personas.police_member,
        residence=personas.municipality_a,
        surname_prefix="",
        surname="Hogeveldt",
        online_accounts=(AccountInput("Telegram", "geheim.kanaal"),),
    )
    [suggestion] = police.suggestions
    suggestion_decide(
        suggestion=MatchSuggestion.objects.get(pk=suggestion.pk),
        membership=membership_of(personas.lead_a),
        confirm=True,
        identity_choices={"surname": "signal"},
    )
    request = register_request(personas, story.case)
    answer_all(request, personas, objecting=personas.police)
    decide(
        personas,
        request,
        "partially_granted",
        restriction="criminal_investigation",
        grounds="Een deel raakt een lopend strafrechtelijk onderzoek.",
    )

    data = collect(SubjectRequest.objects.get(pk=request.pk))

    exported = json.dumps(data["main_identity"], ensure_ascii=False)
    assert "Hogeveldt" not in exported
    assert "geheim.kanaal" not in exported
    assert (data["main_identity"]["surname_prefix"], data["main_identity"]["surname"]) == (
        "van",
        "Hoogeveld",
    )
