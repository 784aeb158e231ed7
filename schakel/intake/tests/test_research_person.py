"""Online research without a signal names the person or account it searches for; its reads
are logged under that person, and it is refused when it names nobody."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord
from schakel.intake.expiry import erase_research_text
from schakel.intake.online_selectors import online_research_get_for
from schakel.intake.online_services import ResearchPlan, online_research_start
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


def plan(**person: Any) -> ResearchPlan:
    return ResearchPlan(
        purpose="Nagaan of oproepen tot geweld openbaar zijn.",
        occasion="Tip van een buurtbewoner.",
        legal_basis="public_order",
        public_order_interest="Mogelijke verstoring bij een bijeenkomst.",
        subsidiarity="Navraag bij partners volstond niet.",
        confirms_no_fictitious_profile=True,
        confirms_no_closed_groups=True,
        confirms_no_systematic_following=True,
        **person,
    )


def refused(personas, **person: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        online_research_start(membership=membership_of(personas.lead_a), plan=plan(**person))
    return error.value.message_dict


def test_reads_are_logged_under_the_named_person(personas) -> None:
    lead = membership_of(personas.lead_a)
    entry = online_research_start(
        membership=lead, plan=plan(person_surname="Vlinderhaven", person_birth_year=2001)
    )
    online_research_get_for(membership=lead, pk=entry.pk)
    pseudonym = audit.Subject(SubjectType.PERSON, f"research:{entry.pk}").pseudonym
    names = set(LogRecord.objects.filter(data_subject_id=pseudonym).values_list("name", flat=True))
    assert names == {"online_research_start", "online_research_read"}


def test_research_that_names_nobody_is_refused(personas) -> None:
    errors = refused(personas)
    assert errors["person_surname"] == [
        "Kies het signaal dat de aanleiding is, of noem de persoon (achternaam) of het account "
        "waarnaar u zoekt."
    ]


@pytest.mark.parametrize(
    ("person", "field", "message"),
    [
        ({"person_handle": "@noor"}, "person_platform", "Vul ook het platform in"),
        ({"person_platform": "TikTok"}, "person_handle", "Vul de gebruikersnaam in"),
        ({"person_surname": "123"}, "person_surname", "Een naam bestaat uit letters"),
        ({"person_surname": "Bakker", "person_birth_year": 1850}, "person_birth_year", "tussen"),
    ],
)
def test_an_inconsistent_person_gets_a_dutch_message(personas, person, field, message) -> None:
    assert message in " ".join(refused(personas, **person)[field])


def test_deleting_the_content_deletes_the_named_person_too(personas) -> None:
    from django.utils import timezone

    entry = online_research_start(
        membership=membership_of(personas.lead_a),
        plan=plan(
            person_given_names="Noor",
            person_surname="Vlinderhaven",
            person_platform="Instagram",
            person_handle="noor.vl",
        ),
    )
    erase_research_text([entry.pk], now=timezone.now())
    entry.refresh_from_db()
    assert (entry.person_given_names, entry.person_surname, entry.person_handle) == (None,) * 3
    assert entry.person_platform == ""
