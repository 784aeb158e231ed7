"""Checks on what a person registers; each raises ValidationError with a Dutch message."""

import unicodedata
from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 200
ADDRESS_MAX_LENGTH = 300
TEXT_MAX_LENGTH = 10_000
MAX_GIVEN_NAMES = 6
MAX_SURNAME_PARTS = 3
# Nobody registered is older than this; an earlier year is a typing error.
OLDEST_BIRTH_YEAR = 1900
OLDEST_AGE = 120
MAX_ONLINE_ACCOUNTS = 5
PLATFORM_MAX_LENGTH = 120
HANDLE_MAX_LENGTH = 200

Errors = dict[str, list[str]]


def check_length(errors: Errors, name: str, value: str, maximum: int) -> None:
    if len(value) > maximum:
        errors.setdefault(name, []).append(
            str(_("Maximaal %(max)s tekens (nu %(now)s)."))
            % {
                "max": number_format(maximum, force_grouping=True),
                "now": number_format(len(value), force_grouping=True),
            }
        )


def collect(
    errors: Errors, name: str, check: Callable[[object], None] | object, value: object
) -> None:
    """Run one check; its messages go under ``name``."""
    try:
        check(value)  # type: ignore[operator]
    except ValidationError as error:
        errors.setdefault(name, []).extend(error.messages)


def bsn_digits(value: str) -> str:
    return "".join(value.split())


def is_valid_bsn(value: str) -> bool:
    """The eleven test (elfproef) for a BSN of 9 digits (8 digits: a leading zero left off)."""
    digits = bsn_digits(value)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def validate_bsn(value: str) -> None:
    if value and not is_valid_bsn(value):
        raise ValidationError(
            _("Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef."),
            code="invalid_bsn",
        )


def validate_bsn_allowed(value: str, *, may_process_bsn: bool) -> None:
    if value and not may_process_bsn:
        raise ValidationError(
            _(
                "Uw organisatie mag geen BSN verwerken. Laat dit veld leeg; de regievoerder "
                "stelt de identiteit vast."
            ),
            code="bsn_not_allowed",
        )


def validate_date_of_birth(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(
            _("De geboortedatum ligt in de toekomst."), code="date_of_birth_in_future"
        )
    if value.year < OLDEST_BIRTH_YEAR:
        raise ValidationError(
            _("De geboortedatum ligt vóór %(year)s.") % {"year": OLDEST_BIRTH_YEAR},
            code="date_of_birth_too_early",
        )


def validate_not_in_future(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("Deze datum ligt in de toekomst."), code="date_in_future")


def validate_has_letters(value: str) -> None:
    """A name must contain at least one letter (any script)."""
    if value and not any(c.isalpha() for c in value):
        raise ValidationError(_("Een naam moet ten minste één letter bevatten."), code="no_letters")


# Direction overrides, embeddings and isolates can make two texts look alike (or different)
# on a screen where a person compares them; they have no place in what Schakel records.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_control(char: str) -> bool:
    return (unicodedata.category(char) == "Cc" and char not in "\n\r\t") or char in BIDI_CONTROLS


def validate_no_control_characters(value: str) -> None:
    if any(_is_control(c) for c in value):
        raise ValidationError(
            _("De tekst bevat onzichtbare stuurtekens; verwijder die."), code="control_characters"
        )


NAME_PUNCTUATION = frozenset(" -'’‘.")


def validate_name_characters(value: str) -> None:
    """Names: letters of any script (with their accents), spaces, hyphens, apostrophes and
    the dots of initials — no invisible characters, digits, markup or other signs."""
    if any(_is_control(c) or unicodedata.category(c) == "Cf" or c in "\n\r\t" for c in value):
        raise ValidationError(
            _("De naam bevat onzichtbare tekens of regeleinden; verwijder die."),
            code="name_characters",
        )
    if any(unicodedata.category(c)[0] not in "LM" and c not in NAME_PUNCTUATION for c in value):
        raise ValidationError(
            _(
                "Een naam bestaat uit letters, spaties, koppeltekens, apostroffen en punten "
                "(voorletters)."
            ),
            code="name_characters",
        )


def validate_sha256(value: str) -> None:
    if value and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value.lower())):
        raise ValidationError(
            _("Een vingerafdruk is een SHA-256-waarde van 64 hexadecimale tekens."),
            code="invalid_fingerprint",
        )
