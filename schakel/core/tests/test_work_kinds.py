"""Every kind of work item an app contributes is described under ``WORK_KINDS`` (so e-mail can
name it), once, and the description is found by its kind."""

from schakel.core.extensions import WORK_KINDS, contributions
from schakel.core.work import work_items_for, work_kind


def test_every_kind_is_described_once() -> None:
    kinds = [described.kind for described in contributions(WORK_KINDS)]
    assert len(kinds) == len(set(kinds))
    assert work_kind("match_suggestion") is not None
    assert str(work_kind("match_suggestion").label) == "Match-suggestie"  # type: ignore[union-attr]
    assert work_kind("no_such_kind") is None


def test_the_kinds_in_anyones_work_list_are_all_described(personas, network) -> None:
    described = {d.kind for d in contributions(WORK_KINDS)}
    users = [personas.lead_a, personas.director, personas.privacy_officer_a, network.coordinator]
    for user in users:
        for membership in user.memberships.all():
            assert {item.kind for item in work_items_for(membership)} <= described
