"""`{% table %}`: the frame of a data table in the NL Design System markup, written once.

    {% load i18n tables %}
    {% table _("Casussen") _("Kenmerk") _("Aantal")|numeric _("Actie")|only_if:may_edit %}
      {% for case in cases %}<tr class="utrecht-table__row">…</tr>{% endfor %}
    {% endtable %}

renders the scrolling wrapper, the `<table>`, its caption, a header row with one
`<th scope="col">` per column and the `<tbody>` around what stands between the tags (the
rows). The first argument is the caption, every further one a column header. Arguments are
template expressions: `_("…")` strings are translated like `{% translate %}` and found by
makemessages; values are escaped unless already safe, so a caption built with
`{% blocktranslate … asvar caption %}` (plurals, placeholders) is passed as `caption`.

Options, only for the tables that need them:

- `|numeric` on a column: its header cell gets `utrecht-table__header-cell--numeric-column`;
- `|only_if:condition` on a column: the column is left out when the condition is false (the
  rows leave out their cell under the same `{% if %}`);
- `region_label=…` or `region_labelledby="id"`: the name of the wrapper's region, instead of
  the caption. Without them the wrapper is named by the caption (`aria-labelledby` on an `id`
  the tag gives it). Every wrapper is a named, focusable region (`tabindex="0" role="region"`),
  so a keyboard user can scroll a table that is wider than the screen (WCAG 2.1.1, 1.4.10);
- `extra_class="…"`: one more class on the `<table>`, e.g. `schakel-comparison`;
- `stacked=True`: below 640 CSS px each row is shown as a block of "label: value" lines (the
  simple lists: cases, signals, interventions). Between the tags `table_columns` holds the
  shown column headers, so each cell names its column: `data-label="{{ table_columns.1 }}"`;
  the CSS shows it. The table keeps its markup, so a screen reader still hears each cell with
  its column header.

Tables that differ otherwise (the PDFs, a `<tfoot>`) write their own markup.
"""

import re
import uuid
from dataclasses import dataclass, replace

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.template.context import Context
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import smart_split

register = template.Library()

OPTIONS = ("region_label", "region_labelledby", "extra_class", "stacked")
OPTION = re.compile(r"(?P<name>\w+)=(?P<value>.+)")


@dataclass(frozen=True)
class Column:
    label: object
    numeric: bool = False
    shown: bool = True


def _column(value: object) -> Column:
    return value if isinstance(value, Column) else Column(value)


@register.filter
def numeric(value: object) -> Column:
    """The column holds numbers: its header cell is aligned like them."""
    return replace(_column(value), numeric=True)


@register.filter
def only_if(value: object, condition: object) -> Column:
    """The column is shown only when `condition` holds."""
    column = _column(value)
    return replace(column, shown=column.shown and bool(condition))


class TableNode(template.Node):
    def __init__(
        self,
        caption: FilterExpression,
        columns: list[FilterExpression],
        options: dict[str, FilterExpression],
        nodelist: template.NodeList,
    ) -> None:
        self.caption = caption
        self.columns = columns
        self.options = options
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        option = {name: expr.resolve(context) for name, expr in self.options.items()}
        caption_id = f"tabel-{uuid.uuid4().hex[:12]}"
        region = format_html(' tabindex="0" role="region" aria-labelledby="{}"', caption_id)
        if "region_label" in option:
            region = format_html(
                ' tabindex="0" role="region" aria-label="{}"', option["region_label"]
            )
        elif "region_labelledby" in option:
            region = format_html(
                ' tabindex="0" role="region" aria-labelledby="{}"', option["region_labelledby"]
            )
        extra_class = format_html(" {}", option["extra_class"]) if "extra_class" in option else ""
        if option.get("stacked"):
            extra_class = format_html("{} schakel-table--stacked", extra_class)
        columns = [_column(expr.resolve(context)) for expr in self.columns]
        with context.push(table_columns=[c.label for c in columns if c.shown]):
            body = self.nodelist.render(context)
        header_cells = format_html_join(
            "\n        ",
            '<th class="utrecht-table__header-cell{}" scope="col">{}</th>',
            (
                (" utrecht-table__header-cell--numeric-column" if c.numeric else "", c.label)
                for c in columns
                if c.shown
            ),
        )
        return format_html(
            '<div class="schakel-table-wrapper"{}>\n'
            '  <table class="utrecht-table utrecht-table--html-table{}">\n'
            '    <caption class="utrecht-table__caption" id="{}">{}</caption>\n'
            '    <thead class="utrecht-table__header">\n'
            '      <tr class="utrecht-table__row">\n'
            "        {}\n"
            "      </tr>\n"
            "    </thead>\n"
            '    <tbody class="utrecht-table__body">{}</tbody>\n'
            "  </table>\n"
            "</div>",
            region,
            extra_class,
            caption_id,
            self.caption.resolve(context),
            header_cells,
            body,
        )


@register.tag("table")
def do_table(parser: Parser, token: Token) -> TableNode:
    # smart_split rather than token.split_contents(): the latter glues `_("…")|numeric` to the
    # bits after it, looking for a `_("…")` that ends in `")`.
    bits = list(smart_split(token.contents))[1:]
    positional: list[FilterExpression] = []
    options: dict[str, FilterExpression] = {}
    for bit in bits:
        option = OPTION.fullmatch(bit)
        if option is None:
            if options:
                raise template.TemplateSyntaxError("{% table %}: options come after the columns.")
            positional.append(parser.compile_filter(bit))
        elif (name := option["name"]) in OPTIONS and name not in options:
            options[name] = parser.compile_filter(option["value"])
        else:
            raise template.TemplateSyntaxError(
                f"{{% table %}}: unknown or repeated option {name!r}."
            )
    if "region_label" in options and "region_labelledby" in options:
        raise template.TemplateSyntaxError(
            "{% table %}: give region_label or region_labelledby, not both."
        )
    if len(positional) < 2:
        raise template.TemplateSyntaxError("{% table %} needs a caption and at least one column.")
    nodelist = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(positional[0], positional[1:], options, nodelist)
