"""How what is known of a person's birth reads on a page: a date, a year, or an estimate."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.intake.signal_input import stored_age_estimate, stored_year


def as_date(value: str | None) -> date | None:
    """Dates of birth are stored encrypted as ISO text."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def born_text(
    *,
    date_of_birth: str | None,
    birth_year: str | None,
    age_estimate: str | None,
    observed_on: date | None,
) -> str:
    born = as_date(date_of_birth)
    if born is not None:
        return date_format(born, "j F Y")
    year = stored_year(birth_year)
    if year is not None:
        return _("%(year)s (alleen het jaar)") % {"year": year}
    ages = stored_age_estimate(age_estimate)
    if ages is not None:
        low, high = ages
        text = (
            _("geschat %(low)s jaar") % {"low": low}
            if low == high
            else _("geschat %(low)s tot %(high)s jaar") % {"low": low, "high": high}
        )
        if observed_on is not None:
            text += " " + _("(op %(day)s)") % {"day": date_format(observed_on, "j F Y")}
        return text
    return _("Niet bekend")


def signal_born_text(signal: object) -> str:
    return born_text(
        date_of_birth=getattr(signal, "date_of_birth", None),
        birth_year=getattr(signal, "birth_year", None),
        age_estimate=getattr(signal, "age_estimate", None),
        observed_on=getattr(signal, "observed_on", None),
    )
