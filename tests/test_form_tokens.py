"""The views whose pages always render a one-time form token are marked so: a signed-in user's
form POST to them without a token is refused as an expired form (schakel/core/once.py)."""

import pytest
from django.urls import resolve, reverse

MARKED = [
    ("intake:signal_create", {}),
    ("cases:intervention_create", {"pk": "00000000-0000-0000-0000-000000000001"}),
    ("cases:meeting_create", {}),
    ("cases:plan_edit", {"pk": "00000000-0000-0000-0000-000000000001"}),
    ("cases:disclosure_create", {"pk": "00000000-0000-0000-0000-000000000001"}),
    ("privacy:request_register", {}),
    ("weighing:session_create", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), MARKED, ids=[name for name, _ in MARKED])
def test_the_view_requires_its_form_token(name: str, kwargs: dict[str, str]) -> None:
    view = resolve(reverse(name, kwargs=kwargs)).func
    assert getattr(view, "requires_form_token", False)


def test_a_view_without_a_token_on_its_page_is_not_marked() -> None:
    view = resolve(reverse("accounts:switch_membership")).func
    assert not getattr(view, "requires_form_token", False)
