"""The agenda item through its screens: the person, the table and the invitations, decisions,
and the adoption of the plan in the meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from schakel.accounts.display import staff_display
from schakel.audit.models import LogRecord
from schakel.cases.choices import ParticipationKind, PlanVersionStatus
from schakel.cases.models import Invitation, ItemDecision
from schakel.cases.plans.services import PlanInput, plan_update
from schakel.cases.tests.meeting_view_helpers import acknowledged, draft_of, text, url
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


# The agenda item --------------------------------------------------------------------------


def test_the_item_page_shows_the_person_the_table_and_the_invitations(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.get(url("item_detail", item))

    assert response.status_code == 200
    content = text(response)
    assert "Daan Pieter van Hoogeveld" in content
    for org in (personas.municipality_a, personas.zvh, personas.police, personas.om):
        assert org.name in content
    assert "Structureel" in content
    assert "Een incidentele partner uitnodigen" in content
    assert "Besluit vastleggen" in content
    assert LogRecord.objects.filter(name="agenda_item_read").exists()


def test_the_director_invites_an_incidental_partner(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert f'<option value="{personas.ggz.pk}"' in page
    assert f'<option value="{personas.police.pk}"' not in page  # already at the table
    today = timezone.localdate()

    response = client.post(
        url("invitation_create", item),
        {
            "uitnodiging-organisation": str(personas.ggz.pk),
            "uitnodiging-valid_from": today.isoformat(),
            "uitnodiging-valid_until": (today + timedelta(days=7)).isoformat(),
        },
    )

    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=personas.ggz)
    assert invitation.kind == ParticipationKind.INCIDENTAL
    assert invitation.valid_until == today + timedelta(days=7)


def test_an_invitation_for_a_past_period_is_refused_with_the_input_kept(
    personas, world, signed_in
) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)
    past = timezone.localdate() - timedelta(days=3)

    response = client.post(
        url("invitation_create", item),
        {
            "uitnodiging-organisation": str(personas.ggz.pk),
            "uitnodiging-valid_from": (past - timedelta(days=3)).isoformat(),
            "uitnodiging-valid_until": past.isoformat(),
        },
    )

    assert response.status_code == 200
    content = text(response)
    assert "Deze periode is al voorbij." in content
    assert 'href="#id_uitnodiging-valid_until"' in content
    assert not Invitation.objects.filter(organisation=personas.ggz).exists()


def test_the_director_records_a_decision(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_decision", item),
        {
            "besluit-text": "Gesprek met betrokkene door de wijkagent.",
            "besluit-category": "ordinary",
        },
    )

    assert response.status_code == 302
    decision = ItemDecision.objects.get()
    assert decision.text == "Gesprek met betrokkene door de wijkagent."
    page = text(client.get(url("item_detail", item)))
    assert "Gesprek met betrokkene door de wijkagent." in page
    assert staff_display(personas.director, personas.zvh) in page


def test_an_empty_decision_is_refused(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.director, item.meeting)

    response = client.post(
        url("item_decision", item), {"besluit-text": "  ", "besluit-category": "ordinary"}
    )

    assert response.status_code == 200
    assert "Vul het besluit in." in text(response)
    assert not ItemDecision.objects.exists()


def test_a_partner_cannot_record_decisions_or_invite(personas, world, signed_in) -> None:
    item, _ = world
    client = acknowledged(signed_in, personas.police_member, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert "Besluit vastleggen" not in page
    assert "Een incidentele partner uitnodigen" not in page

    decision = client.post(
        url("item_decision", item), {"besluit-text": "X", "besluit-category": "ordinary"}
    )
    invitation = client.post(
        url("invitation_create", item), {"uitnodiging-organisation": str(personas.ggz.pk)}
    )

    assert (decision.status_code, invitation.status_code) == (404, 404)
    assert not ItemDecision.objects.exists()


def test_the_plan_draft_is_adopted_in_the_meeting(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.director, item.meeting)
    page = text(client.get(url("item_detail", item)))
    assert f"Conceptversie {draft.number}, revisie {draft.revision}" in page

    response = client.post(
        url("item_plan_adopt", item),
        {"based_on_revision": draft.revision, "overleg_nu": "ja"},
        follow=True,
    )

    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.ADOPTED
    assert draft.adopted_in == item
    assert f"Versie {draft.number} van het plan van aanpak is vastgesteld" in text(response)


def test_adopting_a_draft_changed_meanwhile_is_refused_with_a_clear_message(
    personas, world, signed_in
) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    seen = draft.revision
    client = acknowledged(signed_in, personas.director, item.meeting)
    plan_update(
        membership=membership_of(personas.lead_a),
        case=item.case,
        data=PlanInput(
            analysis={},
            goals="Aangepast door de gemeente.",
            based_on_version=draft.pk,
            based_on_revision=seen,
        ),
    )

    response = client.post(
        url("item_plan_adopt", item), {"based_on_revision": seen, "overleg_nu": "ja"}, follow=True
    )

    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT
    content = text(response)
    assert "iemand heeft het concept gewijzigd nadat u deze pagina opende" in content
    assert f"revisie {draft.revision}" in content


def test_a_partner_does_not_adopt_the_plan(personas, world, signed_in) -> None:
    item, _ = world
    draft = draft_of(personas, item.case)
    client = acknowledged(signed_in, personas.police_member, item.meeting)

    response = client.post(url("item_plan_adopt", item), {"based_on_revision": draft.revision})

    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == PlanVersionStatus.DRAFT
