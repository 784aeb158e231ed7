"""Pages without sign-in: what apps contribute under ``PUBLIC_PATHS`` is checked at start-up, so
a slip (``"/"``, a prefix without its closing slash) cannot open every page."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from schakel.accounts.middleware import checked_public_paths


def test_well_formed_prefixes_are_accepted() -> None:
    assert checked_public_paths(["/huisstijl/", "/open/data/"]) == ("/huisstijl/", "/open/data/")


@pytest.mark.parametrize(
    "prefix",
    ["/", "", "//", "/a", "huisstijl/", "/huis//stijl/", "/api/v1/", 42, None],
)
def test_a_prefix_that_would_open_more_than_meant_stops_the_start(prefix: object) -> None:
    with pytest.raises(ImproperlyConfigured):
        checked_public_paths([prefix])


@pytest.mark.django_db
def test_a_page_outside_the_public_prefixes_still_needs_sign_in(client) -> None:
    # "/huisstijl" without its slash is not public: only what lies below the prefix is.
    response = client.get("/huisstijlen/")

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")
