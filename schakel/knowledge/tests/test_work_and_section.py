"""The review reminder on Mijn werk (for the contact and the managers, in one query), the
section on the collaboration's home page, the menu entry and the demo data."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from schakel.collaboration.selectors import roles_in
from schakel.core.work import work_items_for
from schakel.intake.tests.factories import membership_of
from schakel.knowledge.sections import knowledge_section
from schakel.knowledge.tests.conftest import Knowledge, add_item
from schakel.knowledge.work import REVIEW_DUE, reviews_due

pytestmark = pytest.mark.django_db


def _due(user: Any) -> list[str]:
    return [str(w.reference) for w in work_items_for(membership_of(user)) if w.kind == REVIEW_DUE]


def test_a_review_that_is_due_waits_for_the_managers_and_the_contact(
    knowledge: Knowledge, network: Any, personas: Any
) -> None:
    today = timezone.localdate()
    add_item(network.coordinator, network.partnership, "Te herzien", review_on=today)
    add_item(network.coordinator, network.partnership, "Later", review_on=today + timedelta(1))
    add_item(
        knowledge.nctv_member,
        None,
        "Landelijk te herzien",
        review_on=today - timedelta(days=2),
        owner_is_me=True,
    )
    assert _due(network.coordinator) == ["Te herzien"]
    assert _due(network.chair) == ["Te herzien"]
    for reader in (personas.lead_a, personas.police_member, network.coordinator_other):
        assert _due(reader) == []
    assert _due(knowledge.nctv_member) == ["Landelijk te herzien"]
    item = next(w for w in work_items_for(membership_of(knowledge.nctv_member)))
    assert item.overdue
    assert item.url.startswith("/kennisbank/")


def test_the_reminder_costs_a_fixed_number_of_queries(knowledge: Knowledge, network: Any) -> None:
    today = timezone.localdate()
    counts = []
    for n in (1, 6):
        while len(reviews_due(membership_of(network.coordinator))) < n:
            add_item(network.coordinator, network.partnership, "Item", review_on=today)
        membership = membership_of(network.coordinator)
        with CaptureQueriesContext(connection) as queries:
            assert len(reviews_due(membership)) == n
        counts.append(len(queries.captured_queries))
    # The items in one query (and the membership's user, once, for the national check).
    assert counts[0] == counts[1] <= 2


def test_the_section_shows_recent_items_and_to_managers_the_reviews_due(
    knowledge: Knowledge, network: Any, personas: Any
) -> None:
    add_item(network.coordinator, network.partnership, "Verlopen", review_on=timezone.localdate())
    for user, sees_due in ((network.coordinator, True), (personas.lead_a, False)):
        membership = membership_of(user)
        section = knowledge_section(
            membership, network.partnership, roles_in(membership, network.partnership)
        )
        assert section is not None
        assert [i.title for i in section.context["recent"]] == ["Verlopen", "Handboek signalering"]
        assert bool(section.context["due"]) is sees_due
        assert section.context["may_add"] is sees_due


def test_the_menu_shows_the_knowledge_base(signed_in: Any, personas: Any, network: Any) -> None:
    page = signed_in(network.coordinator).get("/kennisbank/").content.decode()
    assert 'href="/kennisbank/"' in page
    assert "Kennisbank" in page


def test_the_demo_data(settings: Any) -> None:
    from schakel.accounts import demo as accounts_demo
    from schakel.knowledge.demo import seed_knowledge_demo
    from schakel.knowledge.models import KnowledgeItem

    settings.SCHAKEL_DEMO_MODE = True
    accounts_demo.seed()
    assert seed_knowledge_demo() is True
    assert seed_knowledge_demo() is False  # once
    assert KnowledgeItem.objects.filter(collaboration__isnull=True).count() == 1
    assert KnowledgeItem.objects.filter(collaboration__isnull=False).count() == 4


def test_the_objects_for_the_reflow_test(personas: Any, network: Any, signed_in: Any) -> None:
    from django.urls import reverse

    from schakel.collaboration.models import CollaborationRole
    from schakel.knowledge.tests.reflow import knowledge_world

    CollaborationRole.objects.create(
        collaboration=network.partnership,
        membership=membership_of(personas.lead_a),
        kind="coordinator",
    )
    world = knowledge_world(personas, network.partnership)
    client = signed_in(personas.lead_a)
    for name, kwargs in world.items():
        assert client.get(reverse(name, kwargs=kwargs())).status_code == 200, name
