import re

import pytest
from django.template import Context, TemplateSyntaxError, engines

ENGINE = engines["django"].engine


def render(source: str, **context: object) -> str:
    html = ENGINE.from_string("{% load data_list %}" + source).render(Context(context))
    return re.sub(r">\s+<", "><", html).strip()


def test_the_tag_renders_the_same_item_as_the_include() -> None:
    by_tag = render('{% dataitem _("Status") %}{{ status }}{% enddataitem %}', status="Open")
    by_include = render(
        '{% include "core/partials/data_item.html" with key=_("Status") value=status %}',
        status="Open",
    )
    assert by_tag == by_include
    assert by_tag == (
        '<div class="utrecht-data-list__item">'
        '<dt class="utrecht-data-list__item-key">Status</dt>'
        '<dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">'
        "Open</dd></div>"
    )


def test_the_value_keeps_its_markup_and_what_it_shows_is_escaped() -> None:
    html = render(
        '{% dataitem key %}<time datetime="2025-01-02">{{ text }}</time>{% enddataitem %}',
        key="<b>Op</b>",
        text="<script>",
    )
    assert '<dt class="utrecht-data-list__item-key">&lt;b&gt;Op&lt;/b&gt;</dt>' in html
    assert '<time datetime="2025-01-02">&lt;script&gt;</time>' in html


def test_multiline_marks_the_value() -> None:
    html = render('{% dataitem "Doel" multiline %}<p>a</p>{% enddataitem %}')
    assert "utrecht-data-list__item-value--html-dd utrecht-data-list__item-value--multiline" in html


def test_the_item_does_not_leak_into_the_context_after_it() -> None:
    html = render('{% dataitem "Doel" %}x{% enddataitem %}[{{ key }}{{ value }}]', key="k")
    assert html.endswith("[k]")


@pytest.mark.parametrize(
    "source",
    [
        "{% dataitem %}x{% enddataitem %}",
        '{% dataitem "a" "b" %}x{% enddataitem %}',
        '{% dataitem "a" multiline extra %}x{% enddataitem %}',
    ],
)
def test_a_wrong_call_is_a_syntax_error(source: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        render(source)
