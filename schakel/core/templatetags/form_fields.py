"""`{{ field|field_anchor }}`: the id an error summary links to for a field — its input, or the
first of its radio buttons or checkboxes, which have no single id to label."""

from django import forms, template

from schakel.core.forms import field_anchor as anchor_of

register = template.Library()


@register.filter
def field_anchor(field: forms.BoundField) -> str:
    return anchor_of(field)
