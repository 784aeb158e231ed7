"""The operator's house-style pages: add, preview, activate, go back; everyone else gets 404."""

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import LogRecord
from schakel.theming import fetch
from schakel.theming.models import InstanceTheme

GOOD = b":root { --utrecht-link-color: #004d26; --utrecht-page-body-color: #102030 }"
GREY_TEXT = b":root { --utrecht-page-body-color: #777777 }"
THEMES = reverse("theming:themes")


def upload(client, css: bytes, name: str = "Gemeente Aldermeer"):  # type: ignore[no-untyped-def]
    file = SimpleUploadedFile("tokens.css", css, content_type="text/css")
    return client.post(THEMES, {"name": name, "file": file})


def test_operator_adds_a_good_theme_and_sees_its_preview(personas, signed_in) -> None:
    client = signed_in(personas.superuser)

    response = upload(client, GOOD)

    theme = InstanceTheme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("theming:theme", kwargs={"pk": theme.pk})
    assert not theme.is_active
    assert "#004d26" in theme.css
    assert theme.css.startswith("/* Huisstijl")
    record = LogRecord.objects.get(name="theming.theme.create")
    assert record.attributes == {"theme": str(theme.pk), "source": "upload", "tokens": 2}

    preview = client.get(response["Location"]).content.decode()
    # The preview page wears the theme before it is active, and shows what was checked.
    assert f'href="/huisstijl/{theme.digest}.css"' in preview
    assert "schakel-instance-theme" in preview
    assert "--utrecht-link-color" in preview
    assert "Voldoet" in preview


def test_a_theme_with_too_little_contrast_is_refused_in_dutch_naming_the_colours(
    personas, signed_in
) -> None:
    response = upload(signed_in(personas.superuser), GREY_TEXT)

    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "De tekstkleur #777777 op de achtergrond #ffffff heeft een contrast van 4,48:1; "
        "nodig is minstens 4,5:1." in page
    )
    assert not InstanceTheme.objects.exists()
    # Nothing was created or changed; only the refusal is in the log.
    logged = LogRecord.objects.filter(name__startswith="theming.")
    assert set(logged.values_list("name", flat=True)) == {"theming.theme.refuse"}


def test_unsafe_css_is_refused_and_nothing_is_stored(personas, signed_in) -> None:
    css = b"@import url(https://elders.example/x.css);\n:root { --a: url(x.png) }"
    page = upload(signed_in(personas.superuser), css).content.decode()

    assert "Regel 1: @import is niet toegestaan" in page
    assert "Regel 2: url(…) is niet toegestaan in „--a”" in page
    assert not InstanceTheme.objects.exists()
    record = LogRecord.objects.get(name="theming.theme.refuse")
    assert record.attributes == {"source": "upload", "problems": 2, "host": ""}


def test_a_file_or_an_address_is_needed_not_both(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    file = SimpleUploadedFile("tokens.css", GOOD, content_type="text/css")

    both = client.post(THEMES, {"name": "X", "file": file, "url": "https://x.example/t.css"})
    neither = client.post(THEMES, {"name": "X"})

    for response in (both, neither):
        assert "Kies een bestand óf geef een adres" in response.content.decode()
    assert not InstanceTheme.objects.exists()


def test_activating_puts_the_theme_on_every_page_and_going_back_removes_it(
    personas, signed_in
) -> None:
    client = signed_in(personas.superuser)
    upload(client, GOOD)
    theme = InstanceTheme.objects.get()
    stylesheet = f'<link rel="stylesheet" href="/huisstijl/{theme.digest}.css">'
    lead = signed_in(personas.lead_a)
    assert stylesheet not in lead.get(reverse("core:dashboard")).content.decode()

    response = client.post(reverse("theming:activate", kwargs={"pk": theme.pk}))

    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.is_active
    dashboard = lead.get(reverse("core:dashboard")).content.decode()
    assert stylesheet in dashboard
    assert 'class="utrecht-document voorbeeld-theme schakel-theme schakel-instance-theme"' in (
        dashboard
    )
    # The sign-in page wears it too, and its stylesheet needs no sign-in.
    anonymous = client.__class__()
    assert stylesheet in anonymous.get(reverse("accounts:login")).content.decode()

    client.post(reverse("theming:reset"))

    assert not InstanceTheme.objects.filter(is_active=True).exists()
    assert stylesheet not in lead.get(reverse("core:dashboard")).content.decode()
    names = list(
        LogRecord.objects.filter(name__startswith="theming.").values_list("name", flat=True)
    )
    assert sorted(names) == [
        "theming.theme.activate",
        "theming.theme.create",
        "theming.theme.reset",
    ]


def test_activating_another_theme_leaves_one_active(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    upload(client, GOOD, name="Eerste")
    upload(client, b":root { --utrecht-link-color: #00338d }", name="Tweede")
    first, second = (
        InstanceTheme.objects.get(name="Eerste"),
        InstanceTheme.objects.get(name="Tweede"),
    )

    client.post(reverse("theming:activate", kwargs={"pk": first.pk}))
    client.post(reverse("theming:activate", kwargs={"pk": second.pk}))

    assert list(InstanceTheme.objects.filter(is_active=True)) == [second]


def test_the_stylesheet_is_public_css_cached_for_a_year_by_its_digest(personas, signed_in) -> None:
    upload(signed_in(personas.superuser), GOOD)
    theme = InstanceTheme.objects.get()

    response = client_anonymous().get(f"/huisstijl/{theme.digest}.css")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.content.decode() == theme.css
    assert client_anonymous().get(f"/huisstijl/{'0' * 64}.css").status_code == 404


def test_the_stylesheet_carries_no_session_cookie_for_a_signed_in_user(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    upload(client, GOOD)
    theme = InstanceTheme.objects.get()

    response = client.get(f"/huisstijl/{theme.digest}.css")

    assert response.status_code == 200
    assert not response.cookies


def client_anonymous():  # type: ignore[no-untyped-def]
    from django.test import Client

    return Client()


def test_changing_the_theme_needs_a_fresh_step_up(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    session = client.session
    session["step_up_at"] = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    session.save()

    response = upload(client, GOOD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:step_up"))
    assert not InstanceTheme.objects.exists()


@pytest.mark.parametrize(
    "persona", ["admin_a", "lead_a", "privacy_officer_a", "director", "police_member", "outsider"]
)
def test_only_the_platform_operator_manages_the_theme(personas, signed_in, persona) -> None:
    theme = InstanceTheme.objects.create(
        name="Bestaand", source="upload", css=":root{}", digest="a" * 64, token_count=1
    )
    client = signed_in(getattr(personas, persona))
    urls = [
        THEMES,
        reverse("theming:theme", kwargs={"pk": theme.pk}),
        reverse("theming:activate", kwargs={"pk": theme.pk}),
        reverse("theming:reset"),
    ]

    for target in urls:
        assert client.get(target).status_code == 404, target
        assert client.post(target, {"name": "X"}).status_code == 404, target
    theme.refresh_from_db()
    assert not theme.is_active
    assert not LogRecord.objects.filter(name__startswith="theming.").exists()
    assert "Huisstijl" not in client.get(reverse("core:dashboard")).content.decode()


def test_an_unknown_theme_is_not_found_for_the_operator_too(personas, signed_in) -> None:
    client = signed_in(personas.superuser)
    missing = reverse("theming:theme", kwargs={"pk": "00000000-0000-0000-0000-000000000000"})
    assert client.get(missing).status_code == 404


# Fetching from an address --------------------------------------------------------------------


@pytest.fixture
def tokens_server() -> Iterator[str]:
    """A local http server on 127.0.0.1: /tokens.css, /redirect (to /tokens.css on the same
    server, which a client that follows redirects would fetch), /traag.css (a byte a while)
    and /groot.css."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/tokens.css")
                self.end_headers()
                return
            if self.path == "/traag.css":
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                for byte in GOOD[:50]:  # ten seconds in all
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
                return
            body = GOOD if self.path == "/tokens.css" else b":root{--a:1}" + b" " * 400_000
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_operator_fetches_a_theme_once_from_an_address(personas, signed_in, tokens_server) -> None:
    url = f"{tokens_server}/tokens.css"
    response = signed_in(personas.superuser).post(THEMES, {"name": "Opgehaald", "url": url})

    assert response.status_code == 302
    theme = InstanceTheme.objects.get()
    assert (theme.source, theme.source_url) == ("url", url)
    assert "#004d26" in theme.css


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/redirect", "Het adres stuurt door naar een ander adres; Schakel volgt dat niet."),
        ("/groot.css", "een huisstijl mag hoogstens 300 kB zijn"),
    ],
)
def test_redirects_and_large_files_are_refused(
    personas, signed_in, tokens_server, path, message
) -> None:
    client = signed_in(personas.superuser)
    response = client.post(THEMES, {"name": "X", "url": f"{tokens_server}{path}"})

    assert message in response.content.decode()
    assert not InstanceTheme.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/x.css", "Geef een adres dat met https:// begint."),
        ("http://example.org/x.css", "Geef een adres dat met https:// begint."),
        ("https://127.0.0.1/x.css", "wijst naar een intern netwerk"),
        ("https://10.1.2.3/x.css", "wijst naar een intern netwerk"),
        ("https://[::ffff:127.0.0.1]/x.css", "wijst naar een intern netwerk"),
        ("https://[64:ff9b::a9fe:a9fe]/x.css", "wijst naar een intern netwerk"),
        ("https://intern@example.org/x.css", "gebruikersnaam of wachtwoord"),
        ("https://example.org:8443/x.css", "standaardpoort 443"),
    ],
)
def test_addresses_that_are_not_public_https_are_refused(
    personas, signed_in, url, message, settings
) -> None:
    response = signed_in(personas.superuser).post(THEMES, {"name": "X", "url": url})

    assert message in response.content.decode(), response.content.decode()[:3000]
    assert not InstanceTheme.objects.exists()


def test_the_500_page_renders_without_a_database() -> None:
    # No django_db mark: any query fails this test. The theme lookup is lazy and the 500 page
    # does not ask for it.
    from django.test import RequestFactory

    from config.error_views import server_error

    request = RequestFactory().get("/")
    response = server_error(request)

    assert response.status_code == 500
    assert b"vendor/voorbeeld-theme.css" in response.content


def test_a_name_that_resolves_to_an_internal_address_is_refused(
    personas, signed_in, monkeypatch
) -> None:
    def internal(host: str, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.5", 443))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", internal)
    client = signed_in(personas.superuser)
    response = client.post(THEMES, {"name": "X", "url": "https://huisstijl.example/t.css"})

    assert "wijst naar een intern netwerk" in response.content.decode()
    assert not InstanceTheme.objects.exists()
    # The attempt is in the operator's log: the host, not the path.
    record = LogRecord.objects.get(name="theming.theme.refuse")
    assert record.attributes == {"source": "url", "problems": 1, "host": "huisstijl.example"}


def test_a_slow_server_is_cut_off_at_the_deadline(
    personas, signed_in, tokens_server, monkeypatch
) -> None:
    monkeypatch.setattr(fetch, "DEADLINE_SECONDS", 0.5)
    monkeypatch.setattr(fetch, "READ_SECONDS", 0.5)
    started = time.monotonic()
    client = signed_in(personas.superuser)
    response = client.post(THEMES, {"name": "X", "url": f"{tokens_server}/traag.css"})

    assert time.monotonic() - started < 6  # the server would take ten seconds
    assert "Het bestand kon niet worden opgehaald." in response.content.decode()
    assert not InstanceTheme.objects.exists()
