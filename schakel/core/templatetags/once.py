"""`{% form_token %}`: the hidden one-time token that lets a form be handled once
(``schakel.core.once``)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from schakel.core.once import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_token() -> SafeString:
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
