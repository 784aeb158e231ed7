"""The shared paging partial: the NL Design System pagination, with the current page marked."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def render(number: int, pages: int = 20, query: str = "") -> str:
    page = Paginator(range(pages * 10), 10).page(number)
    return render_to_string("core/partials/pagination.html", {"page": page, "query": query})


def test_a_middle_page_links_prev_next_the_ends_and_its_neighbours() -> None:
    html = render(7, query="status=open")

    assert '<nav class="utrecht-pagination' in html
    assert 'aria-label="Paginering"' in html
    assert "Pagina 7 van 20" in html
    numbers = re.findall(r'class="utrecht-pagination__page-link[^"]*"[^>]*>(\d+)</a>', html)
    assert numbers == ["1", "6", "7", "8", "20"]
    assert html.count("…") == 2
    assert re.search(r'pagina=7" aria-current="page" aria-label="Pagina 7">7</a>', html)
    assert html.count('aria-current="page"') == 1
    assert 'rel="prev" href="?status=open&amp;pagina=6"' in html
    assert 'rel="next" href="?status=open&amp;pagina=8"' in html


def test_the_first_page_has_no_previous_and_the_last_no_next() -> None:
    assert 'rel="prev"' not in render(1)
    assert 'rel="next"' in render(1)
    assert 'rel="next"' not in render(20)


def test_a_single_page_needs_no_paging() -> None:
    assert render(1, pages=1).strip() == ""
