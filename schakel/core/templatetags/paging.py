"""`{{ page|page_numbers }}`: the page numbers to link to, with "…" for the pages left out."""

from collections.abc import Iterator
from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_numbers(page: Page[Any]) -> Iterator[int | str]:
    """The first and last page, and one either side of the current one; "…" between."""
    return iter(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
