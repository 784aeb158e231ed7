"""Amounts of the trainings: whole euro cents shown as euros ("€ 1.250,50" in Dutch)."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(cents: int | None) -> str:
    amount = Decimal(int(cents or 0)) / 100
    return f"€ {number_format(amount, decimal_pos=2, force_grouping=True)}"
