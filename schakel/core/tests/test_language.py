"""Dutch first, English second: the language switch works without JavaScript."""

from django.test import Client


def test_pages_are_dutch_by_default(db: None) -> None:
    page = Client().get("/inloggen/").content.decode()
    assert '<html lang="nl"' in page
    assert "Inloggen bij Schakel" in page


def test_language_switch_by_plain_form_post_turns_the_interface_english(db: None) -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/inloggen/"})
    assert response.status_code == 302
    page = client.get("/inloggen/").content.decode()
    assert '<html lang="en"' in page
    assert "Inloggen bij Schakel" not in page


def test_browser_language_does_not_override_dutch_in_the_interface(db: None) -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get("/inloggen/").content.decode()
    assert '<html lang="nl"' in page


def test_api_follows_accept_language(db: None) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/me")
    assert response["Content-Language"] == "en"
