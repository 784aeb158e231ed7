"""`{% dataitem key %}…{% enddataitem %}`: a data-list item whose value is markup written in place.

For a value that is one expression, include `core/partials/data_item.html` with key and value;
this tag serves a value with markup or logic of its own (a `<time>`, a list, an `{% if %}`) and
renders the same template, so the item's markup stands in one place. `multiline` after the key
marks a value over more lines:

    {% load data_list %}
    {% dataitem _("Geregistreerd op") %}<time datetime="…">…</time>{% enddataitem %}
"""

from django import template
from django.template import Engine

register = template.Library()

TEMPLATE = "core/partials/data_item.html"


class DataItemNode(template.Node):
    def __init__(
        self, key: template.base.FilterExpression, nodelist: template.NodeList, multiline: bool
    ) -> None:
        self.key = key
        self.nodelist = nodelist
        self.multiline = multiline

    def render(self, context: template.Context) -> str:
        # The rendered nodelist is safe: what it shows was escaped where it was written.
        value = self.nodelist.render(context)
        engine = context.template.engine if context.template else Engine.get_default()
        item = engine.get_template(TEMPLATE)
        with context.push(key=self.key.resolve(context), value=value, multiline=self.multiline):
            return item.render(context)


@register.tag
def dataitem(parser: template.base.Parser, token: template.base.Token) -> DataItemNode:
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "multiline"):
        raise template.TemplateSyntaxError(
            "{% dataitem %} takes a key and optionally 'multiline': {% dataitem key [multiline] %}"
        )
    nodelist = parser.parse(("enddataitem",))
    parser.delete_first_token()
    return DataItemNode(parser.compile_filter(bits[1]), nodelist, multiline=len(bits) == 3)
