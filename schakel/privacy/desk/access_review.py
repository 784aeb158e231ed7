"""The annual access-rights review of one organisation (BIO2: review of access rights).

For a year, every membership of the organisation that ran at some moment in that year — active
or ended — with the person's name and e-mail address (the organisation's own staff: the review
is internal), role, since, until, last sign-in, whether a second factor is enrolled, and how
many API tokens are usable. The organisation's manager signs the year off once.

Who:
- sees the review and downloads the list (CSV): the organisation's privacy officer, functional
  admin and administrator (bestuurder), acting in that membership;
- signs off: the organisation's **functional admin or administrator** — the ones who answer for
  the organisation's accounts. The sign-off records who, when, how many memberships were
  reviewed, and an optional note. One sign-off per organisation and year; the current and the
  previous year can be signed off (the review of a year is often finished in January).

Reading the list and downloading it are logged (activity ``account_administration``, one record
with the count, no subject: the list is about many employees, none is singled out); the
sign-off is logged in its transaction.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.activities import AccountActivity
from schakel.accounts.choices import Role
from schakel.accounts.models import Membership, PersonalAccessToken
from schakel.audit import services as audit
from schakel.core import validators
from schakel.core.validators import check_length, collect
from schakel.network.models import Organisation
from schakel.privacy.desk.register_export import csv_document
from schakel.privacy.models import AccessReviewSignOff

VIEWER_ROLES = frozenset({Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMIN, Role.ADMINISTRATOR})
SIGN_OFF_ROLES = frozenset({Role.FUNCTIONAL_ADMIN, Role.ADMINISTRATOR})


def may_view(membership: Membership | None) -> bool:
    return membership is not None and membership.role in VIEWER_ROLES


def may_sign_off(membership: Membership | None) -> bool:
    return membership is not None and membership.role in SIGN_OFF_ROLES


def signable_years(today: date | None = None) -> tuple[int, int]:
    year = (today or timezone.localdate()).year
    return (year - 1, year)


@dataclass(frozen=True)
class ReviewRow:
    membership: Membership
    name: str
    email: str
    function_title: str
    role: str
    since: date
    valid_until: date | None
    ended_at: datetime | None
    last_login: datetime | None
    mfa_enrolled: bool
    active_tokens: int
    active_now: bool


def memberships_in_year(organisation: Organisation, year: int) -> QuerySet[Membership]:
    """Every membership of the organisation that ran on at least one day of the year."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    now = timezone.now()
    mfa = TOTPDevice.objects.filter(user_id=OuterRef("user_id"), confirmed=True)
    tokens = (
        PersonalAccessToken.objects.filter(
            user_id=OuterRef("user_id"), revoked_at__isnull=True, expires_at__gt=now
        )
        .order_by()
        .values("user_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Membership.objects.filter(organisation=organisation, valid_from__lte=last)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=first))
        .filter(Q(ended_at__isnull=True) | Q(ended_at__date__gte=first))
        .select_related("user")
        .annotate(mfa_enrolled=Exists(mfa), active_tokens=Coalesce(Subquery(tokens), Value(0)))
        .order_by("user__full_name", "user__email", "role", "valid_from")
    )


def review_rows(organisation: Organisation, year: int) -> list[ReviewRow]:
    today = timezone.localdate()
    rows = []
    for membership in memberships_in_year(organisation, year):
        user = membership.user
        rows.append(
            ReviewRow(
                membership=membership,
                name=user.full_name,
                email=user.email,
                function_title=user.function_title,
                role=membership.get_role_display(),
                since=membership.valid_from,
                valid_until=membership.valid_until,
                ended_at=membership.ended_at,
                last_login=user.last_login,
                mfa_enrolled=bool(getattr(membership, "mfa_enrolled", False)),
                active_tokens=int(getattr(membership, "active_tokens", 0) or 0),
                active_now=membership.is_active_on(today) and user.is_active,
            )
        )
    return rows


def _log(membership: Membership, name: str, **attributes: str | int) -> None:
    audit.log_processing(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION,
        name=name,
        by=membership.user,
        attributes={"organisation": str(membership.organisation_id), **attributes},
    )


def review_for(*, membership: Membership, year: int) -> list[ReviewRow]:
    """The review list of the acting membership's organisation; the read is logged."""
    rows = review_rows(membership.organisation, year)
    with transaction.atomic():
        _log(membership, "access_review_read", year=year, memberships=len(rows))
    return rows


def sign_offs(organisation: Organisation) -> QuerySet[AccessReviewSignOff]:
    return AccessReviewSignOff.objects.filter(organisation=organisation).select_related(
        "signed_off_by"
    )


def sign_off(*, membership: Membership, year: int, note: str) -> AccessReviewSignOff:
    """Record the manager's sign-off of the year's review; once per organisation and year."""
    if not may_sign_off(membership):
        raise ValidationError(
            _("Alleen de functioneel beheerder of de bestuurder van de organisatie tekent af.")
        )
    errors: dict[str, list[str]] = {}
    if year not in signable_years():
        errors["year"] = [_("U tekent het lopende of het vorige jaar af.")]
    check_length(errors, "note", note, validators.TEXT_MAX_LENGTH)
    collect(errors, "note", validators.validate_no_control_characters, note)
    already = _("De toegangsreview van %(year)s is al afgetekend.") % {"year": year}
    if AccessReviewSignOff.objects.filter(
        organisation_id=membership.organisation_id, year=year
    ).exists():
        errors["year"] = [already]
    if errors:
        raise ValidationError(errors)
    reviewed = memberships_in_year(membership.organisation, year).count()
    try:
        with transaction.atomic():
            signed = AccessReviewSignOff.objects.create(
                organisation=membership.organisation,
                year=year,
                signed_off_by=membership.user,
                signed_off_at=timezone.now(),
                memberships_reviewed=reviewed,
                note=note.strip(),
            )
            _log(membership, "access_review_signed_off", year=year, memberships=reviewed)
    except IntegrityError:  # signed off meanwhile
        raise ValidationError({"year": [already]}) from None
    return signed


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def review_csv(*, membership: Membership, year: int) -> bytes:
    """The review list as CSV (UTF-8 with BOM, ``;``); the download is logged."""
    rows = review_rows(membership.organisation, year)
    header = [
        _("Naam"),
        _("E-mailadres"),
        _("Functie"),
        _("Rol"),
        _("Sinds"),
        _("Geldig tot en met"),
        _("Beëindigd op"),
        _("Laatst aangemeld"),
        _("Tweede factor ingesteld"),
        _("Actieve API-tokens"),
        _("Nu actief"),
    ]
    yes, no = _("ja"), _("nee")
    lines = [
        [
            row.name,
            row.email,
            row.function_title,
            row.role,
            _day(row.since),
            _day(row.valid_until),
            _day(row.ended_at),
            _day(row.last_login),
            yes if row.mfa_enrolled else no,
            row.active_tokens,
            yes if row.active_now else no,
        ]
        for row in rows
    ]
    content = csv_document(header, lines)
    with transaction.atomic():
        _log(membership, "access_review_exported", year=year, memberships=len(rows))
    return content
