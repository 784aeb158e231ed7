"""What a registration holds, and every rule it must meet, with Dutch messages per field.

A signal may know its person only partly: initials instead of given names, a year of birth or
an estimated age instead of a date, or nothing but an online account. It must hold a surname or
an account; whatever else it holds must be consistent (an estimated age that fits the date of
birth, a handle with its platform).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core import validators
from schakel.core.validators import Errors, check_length, collect
from schakel.intake import permissions
from schakel.intake.choices import (
    DataCategory,
    ReportedBy,
    SourceDomain,
    SourceOpenness,
    Urgency,
)
from schakel.intake.convergence.accounts import normalise_account
from schakel.intake.convergence.encoding import Identity
from schakel.intake.convergence.normalise import parse_given_names, split_surname
from schakel.intake.models import Phenomenon, Signal
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation


@dataclass(frozen=True)
class RelatedPersonInput:
    relation: str
    name: str
    date_of_birth: date | None = None


@dataclass(frozen=True)
class AccountInput:
    """An online account: the platform and the handle (or a link to the profile)."""

    platform: str
    handle: str


@dataclass(frozen=True)
class SignalInput:
    """Everything a registration holds, as plain values (from a form or the API)."""

    residence: Organisation
    observation: str
    observed_on: date
    source_domain: SourceDomain
    phenomenon: Phenomenon
    given_names: str = ""
    surname: str = ""
    surname_prefix: str = ""
    date_of_birth: date | None = None
    birth_year: int | None = None
    age_estimate: tuple[int, int] | None = None  # (from, to) in years on ``observed_on``
    sex: str = ""
    bsn: str = ""
    address: str = ""
    observation_category: DataCategory = DataCategory.ORDINARY
    urgency: Urgency = Urgency.NORMAL
    reported_by: ReportedBy = ReportedBy.OWN_ORGANISATION
    reporter_contact: str = ""
    reporter_contact_category: DataCategory = DataCategory.ORDINARY
    online_platform: str = ""
    online_source_openness: str = ""
    online_content: str = ""
    online_content_category: DataCategory = DataCategory.ORDINARY
    capture_fingerprint: str = ""
    related_persons: tuple[RelatedPersonInput, ...] = field(default=())
    online_accounts: tuple[AccountInput, ...] = field(default=())


def birth_years_of_age(ages: tuple[int, int], on: date) -> tuple[int, int]:
    """The years of birth of someone aged between ``ages`` (inclusive) on a day."""
    low, high = sorted(ages)
    return on.year - high - 1, on.year - low


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def identity_of_input(data: SignalInput) -> Identity:
    return Identity(
        given_names=data.given_names,
        surname_prefix=data.surname_prefix,
        surname=data.surname,
        date_of_birth=data.date_of_birth,
        sex=data.sex,
        bsn=validators.bsn_digits(data.bsn),
        birth_year=data.birth_year if data.date_of_birth is None else None,
        birth_years=(
            birth_years_of_age(data.age_estimate, data.observed_on)
            if data.age_estimate and data.date_of_birth is None and data.birth_year is None
            else None
        ),
        accounts=tuple((a.platform, a.handle) for a in data.online_accounts),
    )


def _names(errors: Errors, data: SignalInput) -> None:
    for name in ("given_names", "surname_prefix", "surname"):
        value = getattr(data, name)
        check_length(errors, name, value, validators.NAME_MAX_LENGTH)
        collect(errors, name, validators.validate_name_characters, value)
    for name in ("given_names", "surname"):
        collect(errors, name, validators.validate_has_letters, getattr(data, name))
    # Bounded names: a long string of names would resemble many people at once and turn
    # registration into a way to find out who is known.
    given, _prefix = parse_given_names(data.given_names)
    if len(given.names) > validators.MAX_GIVEN_NAMES or len(given.initials) > 2 * (
        validators.MAX_GIVEN_NAMES
    ):
        errors.setdefault("given_names", []).append(
            str(_("Vul ten hoogste %(max)s voornamen in.") % {"max": validators.MAX_GIVEN_NAMES})
        )
    if len(split_surname(data.surname_prefix, data.surname)[1]) > validators.MAX_SURNAME_PARTS:
        errors.setdefault("surname", []).append(
            str(
                _("Een achternaam heeft ten hoogste %(max)s delen.")
                % {"max": validators.MAX_SURNAME_PARTS}
            )
        )
    if not data.surname.strip() and not data.online_accounts:
        errors.setdefault("surname", []).append(
            str(
                _(
                    "Vul een achternaam in. Is de naam niet bekend, vul dan een online account "
                    "in (platform en gebruikersnaam)."
                )
            )
        )
    if data.surname_prefix.strip() and not data.surname.strip():
        errors.setdefault("surname_prefix", []).append(
            str(_("Een tussenvoegsel hoort bij een achternaam; vul die ook in."))
        )


def _birth(errors: Errors, data: SignalInput) -> None:
    if data.date_of_birth is not None:
        collect(errors, "date_of_birth", validators.validate_date_of_birth, data.date_of_birth)
    today = timezone.localdate()
    if data.birth_year is not None:
        if not validators.OLDEST_BIRTH_YEAR <= data.birth_year <= today.year:
            errors.setdefault("birth_year", []).append(
                str(
                    _("Vul een geboortejaar in tussen %(first)s en %(last)s.")
                    % {"first": validators.OLDEST_BIRTH_YEAR, "last": today.year}
                )
            )
        elif data.date_of_birth is not None and data.date_of_birth.year != data.birth_year:
            errors.setdefault("birth_year", []).append(
                str(_("Het geboortejaar verschilt van het jaar van de geboortedatum."))
            )
    if data.age_estimate is None:
        return
    low, high = data.age_estimate
    if not (0 <= low <= validators.OLDEST_AGE and 0 <= high <= validators.OLDEST_AGE):
        errors.setdefault("age_estimate", []).append(
            str(_("Een leeftijd ligt tussen 0 en %(max)s jaar.") % {"max": validators.OLDEST_AGE})
        )
    elif low > high:
        errors.setdefault("age_estimate", []).append(
            str(_("De leeftijd „van” is hoger dan „tot”; draai ze om."))
        )
    elif data.date_of_birth is not None and not (
        low <= age_on(data.date_of_birth, data.observed_on) <= high
    ):
        errors.setdefault("age_estimate", []).append(
            str(
                _(
                    "De geschatte leeftijd past niet bij de geboortedatum: op de dag van "
                    "waarneming was de persoon %(age)s. Laat de schatting leeg of verbeter één "
                    "van beide."
                )
                % {"age": age_on(data.date_of_birth, data.observed_on)}
            )
        )
    elif data.birth_year is not None:
        first, last = birth_years_of_age(data.age_estimate, data.observed_on)
        if not first <= data.birth_year <= last:
            errors.setdefault("age_estimate", []).append(
                str(_("De geschatte leeftijd past niet bij het geboortejaar."))
            )


def _accounts(errors: Errors, data: SignalInput) -> None:
    validate_accounts(errors, data.online_accounts)


def validate_accounts(errors: Errors, accounts: tuple[AccountInput, ...]) -> None:
    """Every account complete and usable; messages keyed ``online_accounts.<i>.<field>``."""
    if len(accounts) > validators.MAX_ONLINE_ACCOUNTS:
        errors.setdefault("online_accounts", []).append(
            str(
                _("Vul ten hoogste %(max)s online accounts in.")
                % {"max": validators.MAX_ONLINE_ACCOUNTS}
            )
        )
    for index, account in enumerate(accounts):
        prefix = f"online_accounts.{index}"
        platform, handle = account.platform.strip(), account.handle.strip()
        check_length(errors, f"{prefix}.platform", platform, validators.PLATFORM_MAX_LENGTH)
        check_length(errors, f"{prefix}.handle", handle, validators.HANDLE_MAX_LENGTH)
        for name, value in (("platform", platform), ("handle", handle)):
            collect(errors, f"{prefix}.{name}", validators.validate_no_control_characters, value)
        found_platform, found_handle = normalise_account(platform, handle)
        if handle and not found_platform:
            errors.setdefault(f"{prefix}.platform", []).append(
                str(_("Vul ook het platform in waarop deze gebruikersnaam staat."))
            )
        elif platform and not handle:
            errors.setdefault(f"{prefix}.handle", []).append(
                str(_("Vul de gebruikersnaam in, of laat het platform leeg."))
            )
        elif handle and not found_handle:
            errors.setdefault(f"{prefix}.handle", []).append(
                str(
                    _(
                        "Dit is geen gebruikersnaam: gebruik letters, cijfers, punten, "
                        "streepjes en liggende streepjes, of de link naar het profiel."
                    )
                )
            )


def _related(errors: Errors, data: SignalInput) -> None:
    for index, item in enumerate(data.related_persons):
        prefix = f"related_persons.{index}"
        check_length(errors, f"{prefix}.name", item.name, validators.NAME_MAX_LENGTH)
        check_length(errors, f"{prefix}.relation", item.relation, 120)
        collect(errors, f"{prefix}.name", validators.validate_name_characters, item.name)
        collect(
            errors, f"{prefix}.relation", validators.validate_no_control_characters, item.relation
        )
        if not item.name.strip():
            errors.setdefault(f"{prefix}.name", []).append(str(_("Vul een naam in.")))
        if item.date_of_birth is not None:
            collect(
                errors,
                f"{prefix}.date_of_birth",
                validators.validate_date_of_birth,
                item.date_of_birth,
            )


def _what_and_who(errors: Errors, data: SignalInput, membership: Membership) -> None:
    check_length(errors, "address", data.address, validators.ADDRESS_MAX_LENGTH)
    collect(errors, "address", validators.validate_no_control_characters, data.address)
    for name in ("observation", "reporter_contact", "online_platform", "online_content"):
        value = getattr(data, name)
        check_length(errors, name, value, validators.TEXT_MAX_LENGTH)
        collect(errors, name, validators.validate_no_control_characters, value)
    if not data.observation.strip():
        errors.setdefault("observation", []).append(str(_("Beschrijf wat is waargenomen.")))
    collect(errors, "observed_on", validators.validate_not_in_future, data.observed_on)
    collect(errors, "bsn", validators.validate_bsn, data.bsn)
    try:
        validators.validate_bsn_allowed(
            data.bsn, may_process_bsn=membership.organisation.may_process_bsn
        )
    except ValidationError as error:
        errors["bsn"] = list(error.messages)
    collect(errors, "capture_fingerprint", validators.validate_sha256, data.capture_fingerprint)
    if data.residence.kind != OrganisationKind.MUNICIPALITY or not data.residence.is_active:
        errors.setdefault("residence", []).append(str(_("Kies een gemeente uit de lijst.")))
    if not data.phenomenon.is_active:
        errors.setdefault("phenomenon", []).append(str(_("Kies een fenomeen uit de lijst.")))
    if data.reported_by == ReportedBy.CITIZEN and not permissions.may_report_for_citizen(
        membership
    ):
        errors.setdefault("reported_by", []).append(
            str(_("Alleen het meldpunt van de gemeente registreert namens een burger."))
        )
    if data.reporter_contact and data.reported_by != ReportedBy.CITIZEN:
        errors.setdefault("reporter_contact", []).append(
            str(_("Contactgegevens van een melder horen alleen bij een melding van een burger."))
        )
    if data.source_domain != SourceDomain.ONLINE and (
        data.online_platform or data.online_content or data.capture_fingerprint
    ):
        errors.setdefault("source_domain", []).append(
            str(_("Online gegevens horen bij het brondomein „Online”."))
        )
    if data.online_source_openness and data.online_source_openness not in SourceOpenness.values:
        errors.setdefault("online_source_openness", []).append(str(_("Kies een waarde.")))
    if data.sex and data.sex not in {"female", "male", "other"}:
        errors.setdefault("sex", []).append(str(_("Kies een waarde.")))


def validate_signal_input(data: SignalInput, *, membership: Membership) -> None:
    """Raise one ValidationError with every problem, keyed by field name."""
    errors: Errors = {}
    _names(errors, data)
    _birth(errors, data)
    _accounts(errors, data)
    _what_and_who(errors, data, membership)
    _related(errors, data)
    if errors:
        raise ValidationError(errors)


def stored_age_estimate(value: str | None) -> tuple[int, int] | None:
    """ "25-30" as stored → (25, 30); anything else → None."""
    low, _sep, high = (value or "").partition("-")
    if low.isdigit() and high.isdigit():
        return int(low), int(high)
    return None


def stored_year(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def identity_of_signal(signal: Signal) -> Identity:
    """The convergence identity of a stored signal (reads its encrypted fields and accounts:
    call only where that read is allowed, such as rebuilding encodings)."""
    born = date.fromisoformat(signal.date_of_birth) if signal.date_of_birth else None
    year = stored_year(signal.birth_year)
    ages = stored_age_estimate(signal.age_estimate)
    return Identity(
        given_names=signal.given_names or "",
        surname_prefix=signal.surname_prefix or "",
        surname=signal.surname or "",
        date_of_birth=born,
        sex=signal.sex or "",
        bsn=signal.bsn or "",
        birth_year=year if born is None else None,
        birth_years=(
            birth_years_of_age(ages, signal.observed_on)
            if ages and born is None and year is None
            else None
        ),
        accounts=tuple((a.platform, a.handle) for a in signal.online_accounts.all()),
    )
