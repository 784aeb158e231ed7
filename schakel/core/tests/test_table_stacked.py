"""`{% table … stacked=True %}`: the table gets the class that stacks its rows on small screens,
and between the tags `table_columns` names the shown columns, for each cell's data-label."""

from django.template import Context, Template

ROW = (
    '<tr><th data-label="{{ table_columns.0 }}" scope="row">C-1</th>'
    '<td data-label="{{ table_columns.1 }}">Monitoring</td></tr>'
)


def render(stacked: bool) -> str:
    option = " stacked=True" if stacked else ""
    source = (
        "{% load tables %}{% table 'Lijst' 'Kenmerk' second 'Actie'|only_if:False"
        + option
        + " %}"
        + ROW
        + "{% endtable %}{{ table_columns }}"
    )
    return Template(source).render(Context({"second": "Fase <i>nu</i>"}))


def test_cells_name_their_column_and_the_table_stacks() -> None:
    page = render(stacked=True)
    assert "utrecht-table--html-table schakel-table--stacked" in page
    assert '<th data-label="Kenmerk" scope="row">' in page
    assert '<td data-label="Fase &lt;i&gt;nu&lt;/i&gt;">' in page  # a value is escaped
    assert page.endswith("</div>")  # the labels are gone after the table


def test_without_the_option_the_table_does_not_stack() -> None:
    assert "schakel-table--stacked" not in render(stacked=False)
