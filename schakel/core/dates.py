"""Calendar arithmetic that the law uses: whole months, clamped to the month's last day."""

from datetime import date


def add_months[D: date](value: D, months: int) -> D:
    """``value`` plus (or minus) whole calendar months; 31 January + 1 month = 28/29 February."""
    year, month = divmod(value.month - 1 + months, 12)
    target_year, target_month = value.year + year, month + 1
    for day in (value.day, 30, 29, 28):
        try:
            return value.replace(year=target_year, month=target_month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")
