"""Writes on accounts, memberships and tokens; each logs itself in the same transaction."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts import lockout
from schakel.accounts.activities import AccountActivity
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, PersonalAccessToken, User
from schakel.audit.services import employee, log_processing
from schakel.network.models import Organisation

TOKEN_PREFIX = "schakel_pat_"  # noqa: S105 (a public marker, not a secret)


def _log(name: str, *, by: User | None, subject: User, **attributes: str | int | bool) -> None:
    log_processing(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION,
        name=name,
        by=by,
        subjects=[employee(subject)],
        attributes=attributes,
    )


def user_signed_in(*, user: User) -> None:
    with transaction.atomic():
        _log("account.sign_in", by=user, subject=user)


def user_signed_out(*, user: User) -> None:
    with transaction.atomic():
        _log("account.sign_out", by=user, subject=user)


def mfa_enrolment_complete(*, user: User, device: TOTPDevice) -> list[str]:
    """Confirm the TOTP device and issue recovery codes; returns the codes to show once."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = new_recovery_codes_for(user)
        _log("account.mfa_enrolled", by=user, subject=user)
    return codes


def new_recovery_codes_for(user: User) -> list[str]:
    from schakel.accounts.mfa import new_recovery_codes

    return new_recovery_codes(user)


def user_create(
    *,
    by: User | None,
    email: str,
    full_name: str,
    function_title: str,
    organisation: Organisation,
    role: Role,
    valid_from: dt.date,
    valid_until: dt.date | None,
    password: str,
) -> User:
    """Create an account together with its first membership (no account without organisation)."""
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, function_title=function_title
        )
        _log("account.user.create", by=by, subject=user)
        membership_create(
            by=by,
            user=user,
            organisation=organisation,
            role=role,
            valid_from=valid_from,
            valid_until=valid_until,
        )
    return user


def user_update(
    *, by: User, user: User, full_name: str, function_title: str, is_active: bool
) -> User:
    with transaction.atomic():
        changed = [
            name
            for name, value in (
                ("full_name", full_name),
                ("function_title", function_title),
                ("is_active", is_active),
            )
            if getattr(user, name) != value
        ]
        user.full_name, user.function_title, user.is_active = full_name, function_title, is_active
        user.save(update_fields=["full_name", "function_title", "is_active"])
        _log("account.user.update", by=by, subject=user, fields=",".join(changed))
    return user


def user_reset_mfa(*, by: User, user: User) -> None:
    """Remove all second factors so the user enrols again at the next sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _log("account.mfa_reset", by=by, subject=user)


def user_unlock(*, by: User, user: User) -> None:
    with transaction.atomic():
        _log("account.unlock", by=by, subject=user)
        lockout.clear_failures(user.email)


def membership_create(
    *,
    by: User | None,
    user: User,
    organisation: Organisation,
    role: Role | str,
    valid_from: dt.date,
    valid_until: dt.date | None,
) -> Membership:
    with transaction.atomic():
        membership = Membership.objects.create(
            user=user,
            organisation=organisation,
            role=role,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        _log(
            "account.membership.create",
            by=by,
            subject=user,
            membership=str(membership.pk),
            organisation=str(organisation.pk),
            role=str(role),
        )
    return membership


def membership_update(
    *, by: User, membership: Membership, valid_from: dt.date, valid_until: dt.date | None
) -> Membership:
    with transaction.atomic():
        membership.valid_from, membership.valid_until = valid_from, valid_until
        membership.save(update_fields=["valid_from", "valid_until", "updated_at"])
        _log(
            "account.membership.update",
            by=by,
            subject=membership.user,
            membership=str(membership.pk),
            role=membership.role,
        )
    return membership


def membership_end(*, by: User, membership: Membership) -> Membership:
    """End a membership now; it stays for the access-rights history and is never deleted."""
    with transaction.atomic():
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at", "updated_at"])
        _log(
            "account.membership.end",
            by=by,
            subject=membership.user,
            membership=str(membership.pk),
            role=membership.role,
        )
    return membership


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def access_token_create(*, user: User, name: str, days: int) -> tuple[PersonalAccessToken, str]:
    """Create a token; the plain value is returned once and never stored."""
    days = max(1, min(days, settings.SCHAKEL_PAT_MAX_DAYS))
    prefix = secrets.token_hex(4)
    raw = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = PersonalAccessToken.objects.create(
            user=user,
            name=name,
            prefix=prefix,
            token_hash=_hash_token(raw),
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        _log("account.token.create", by=user, subject=user, token=prefix, days=days)
    return token, raw


def access_token_revoke(*, user: User, token: PersonalAccessToken) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        _log("account.token.revoke", by=user, subject=token.user, token=token.prefix)


def access_token_find(raw: str) -> PersonalAccessToken | None:
    """A usable token by its hash; None for unknown, revoked or expired ones and inactive users."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=_hash_token(raw))
        .first()
    )
    if token is None or not token.is_usable(timezone.now()) or not token.user.is_active:
        return None
    return token


def access_token_record_use(*, token: PersonalAccessToken) -> None:
    """Log the token's use; called once the acting membership is known, so the record has it."""
    with transaction.atomic():
        now = timezone.now()
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
        _log("account.token.use", by=token.user, subject=token.user, token=token.prefix)
