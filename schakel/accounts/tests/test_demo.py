"""The demo region: idempotent, fictional, and demo codes only in demo mode."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from schakel.accounts import demo
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, User
from schakel.network.models import Organisation

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_outside_demo_mode() -> None:
    with pytest.raises(ImproperlyConfigured):
        call_command("seed_demo")


def test_seed_demo_is_idempotent_and_covers_every_persona(settings) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    call_command("seed_demo")
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    assert (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert all(u.email.endswith(".example") for u in User.objects.all())


def test_demo_totp_prints_a_code_only_for_demo_accounts_in_demo_mode(settings, capsys) -> None:
    settings.SCHAKEL_DEMO_MODE = True
    call_command("seed_demo")
    call_command("demo_totp", "regievoerder@aldermeer.example")
    assert "Code: " in capsys.readouterr().out
    User.objects.create_user("echt@gemeente.example", "x" * 14, full_name="A", function_title="B")
    with pytest.raises(CommandError):
        call_command("demo_totp", "echt@gemeente.example")
    settings.SCHAKEL_DEMO_MODE = False
    with pytest.raises(ImproperlyConfigured):
        call_command("demo_totp", "regievoerder@aldermeer.example")


def test_demo_password_passes_the_password_policy() -> None:
    from django.contrib.auth.password_validation import validate_password

    validate_password(demo.DEMO_PASSWORD)
