"""Case forms are handled once: a plan version and a meeting sent twice are saved once; a form
that comes without its one-time token (a page older than the token) is refused as expired, shown
again with what was typed, and nothing is written."""

import re

import pytest
from django.test import Client

from schakel.cases.models import ActionPlanVersion, ConsultationMeeting, Intervention
from schakel.cases.tests.factories import open_case
from schakel.cases.tests.meeting_view_helpers import url as meeting_url
from schakel.cases.tests.plan_view_helpers import intervention_data, plan_data, text, url
from schakel.cases.tests.test_meeting_views_list_and_planning import CREATE, meeting_form

pytestmark = pytest.mark.django_db

EXPIRED = "Dit formulier is verlopen"


def tokens_of(page: str) -> dict[str, str]:
    found = dict(re.findall(r'name="(_formulier|csrfmiddlewaretoken)" value="([^"]+)"', page))
    assert "_formulier" in found, "the form has no one-time token"
    return found


def test_a_plan_version_sent_twice_is_saved_once(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)
    token = tokens_of(text(client.get(url("plan_edit", case))))["_formulier"]
    data = {**plan_data(analysis_housing="Woont bij zijn ouders."), "_formulier": token}

    first = client.post(url("plan_edit", case), data)
    second = client.post(url("plan_edit", case), data)

    assert ActionPlanVersion.objects.filter(plan__case=case).count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]


def test_a_meeting_sent_twice_is_planned_once(personas, signed_in) -> None:
    client = signed_in(personas.director)
    token = tokens_of(text(client.get(CREATE)))["_formulier"]
    data = {**meeting_form(personas), "_formulier": token}

    first = client.post(CREATE, data)
    second = client.post(CREATE, data)

    created = ConsultationMeeting.objects.get()
    assert first["Location"] == second["Location"] == meeting_url("meeting_detail", created)


def _enforcing(client: Client) -> Client:
    # Django's test client skips CSRF checks, and so the form-token check; a browser does not.
    client.handler.enforce_csrf_checks = True
    return client


def test_an_intervention_form_without_its_token_is_refused_as_expired(personas, signed_in) -> None:
    case = open_case(personas)
    client = _enforcing(signed_in(personas.director))
    tokens = tokens_of(text(client.get(url("intervention_create", case))))
    data = {**intervention_data(personas.police), "description": "Huisbezoek door de wijkagent."}

    stale = client.post(
        url("intervention_create", case),
        {**data, "csrfmiddlewaretoken": tokens["csrfmiddlewaretoken"]},
    )

    assert stale.status_code == 200
    page = text(stale)
    assert EXPIRED in page
    assert "Huisbezoek door de wijkagent." in page  # what was typed is kept
    assert 'name="_formulier"' in page  # with a fresh token, so it can be sent again
    assert not Intervention.objects.filter(plan__case=case).exists()

    resent = client.post(
        url("intervention_create", case),
        {**data, **tokens_of(page)},
    )
    assert resent.status_code == 302
    assert Intervention.objects.filter(plan__case=case).count() == 1


def test_the_test_client_and_the_api_post_without_a_token_as_before(personas, signed_in) -> None:
    case = open_case(personas)
    client = signed_in(personas.director)  # CSRF checks off, as for every view test

    response = client.post(url("intervention_create", case), intervention_data(personas.police))

    assert response.status_code == 302
    assert Intervention.objects.filter(plan__case=case).count() == 1
