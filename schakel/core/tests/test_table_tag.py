"""`{% table %}` writes the frame of a data table once; its options cover the tables that differ."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation


def render(source: str, **context: object) -> str:
    html = Template("{% load i18n tables %}" + source).render(Context(context))
    return re.sub(r">\s+<", "><", html.strip())


CAPTION_ID = re.compile(r'id="(tabel-[0-9a-f]{12})"')


def caption_id(html: str) -> str:
    found = CAPTION_ID.search(html)
    assert found, "the caption has no id"
    return found.group(1)


def test_table_writes_wrapper_caption_header_and_body_around_the_rows() -> None:
    html = render(
        '{% table _("Casussen") _("Kenmerk") _("Fase") %}<tr><td>1</td></tr>{% endtable %}'
    )
    label = caption_id(html)
    assert html == (
        f'<div class="schakel-table-wrapper" tabindex="0" role="region" aria-labelledby="{label}">'
        '<table class="utrecht-table utrecht-table--html-table">'
        f'<caption class="utrecht-table__caption" id="{label}">Casussen</caption>'
        '<thead class="utrecht-table__header"><tr class="utrecht-table__row">'
        '<th class="utrecht-table__header-cell" scope="col">Kenmerk</th>'
        '<th class="utrecht-table__header-cell" scope="col">Fase</th>'
        "</tr></thead>"
        '<tbody class="utrecht-table__body"><tr><td>1</td></tr></tbody>'
        "</table></div>"
    )


def test_labels_are_translated_and_values_escaped_unless_safe() -> None:
    source = (
        "{% blocktranslate count counter=n asvar caption %}{{ counter }} casus"
        "{% plural %}{{ counter }} casussen{% endblocktranslate %}"
        '{% table caption _("Kenmerk") name %}{% endtable %}'
    )
    with translation.override("en"):
        html = render(source, n=2, name="<b>Naam</b>")
    assert (
        f'<caption class="utrecht-table__caption" id="{caption_id(html)}">2 cases</caption>' in html
    )
    assert ">Reference<" in html
    assert ">&lt;b&gt;Naam&lt;/b&gt;<" in html


def test_numeric_and_conditional_columns() -> None:
    source = (
        '{% table _("T") _("Naam") _("Aantal")|numeric _("Actie")|only_if:may_edit %}{% endtable %}'
    )
    shown = render(source, may_edit=True)
    assert (
        '<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" '
        'scope="col">Aantal</th>'
    ) in shown
    assert ">Actie</th>" in shown
    assert ">Actie</th>" not in render(source, may_edit=False)


def test_region_and_extra_class_options() -> None:
    html = render(
        '{% table _("T") _("A") region_label=_("Vergelijking") extra_class="schakel-comparison" %}'
        "{% endtable %}"
    )
    assert html.startswith(
        '<div class="schakel-table-wrapper" tabindex="0" role="region" aria-label="Vergelijking">'
        '<table class="utrecht-table utrecht-table--html-table schakel-comparison">'
    )
    html = render('{% table _("T") _("A") region_labelledby="kop" %}{% endtable %}')
    assert html.startswith(
        '<div class="schakel-table-wrapper" tabindex="0" role="region" aria-labelledby="kop">'
    )


@pytest.mark.parametrize(
    "tag",
    [
        '{% table _("Alleen een bijschrift") %}',
        '{% table _("T") _("A") colour="red" %}',
        '{% table _("T") extra_class="x" _("A") %}',
        '{% table _("T") _("A") region_label="a" region_labelledby="b" %}',
    ],
)
def test_a_mistake_in_the_tag_fails_when_the_template_is_read(tag: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        Template("{% load tables %}" + tag + "{% endtable %}")


def test_every_wrapper_is_a_focusable_region_named_by_its_own_caption() -> None:
    """A keyboard user can reach and scroll every data table (axe scrollable-region-focusable);
    two tables on one page never share a caption id."""
    html = render(
        '{% table _("Eerste") _("A") %}{% endtable %}{% table _("Tweede") _("A") %}{% endtable %}'
    )
    ids = CAPTION_ID.findall(html)
    assert len(ids) == 2
    assert ids[0] != ids[1]
    for label, caption in zip(ids, ("Eerste", "Tweede"), strict=True):
        assert f'tabindex="0" role="region" aria-labelledby="{label}"' in html
        assert f'id="{label}">{caption}</caption>' in html
