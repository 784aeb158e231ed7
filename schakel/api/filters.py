"""Filtering and ordering conventions: django-filter query parameters and an explicit
``ordering`` allow-list. An unknown filter value or ordering field is a 400, never ignored."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request
from rest_framework.views import APIView

from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation


class StrictOrderingFilter(BaseFilterBackend):
    """``?ordering=name,-kind`` over the view's ``ordering_fields``; ties broken by id.

    The view's ``ordering`` is the default and follows the chosen fields, so pages are stable.
    """

    param = "ordering"

    @staticmethod
    def allowed(view: APIView) -> list[str]:
        """The view's allow-list; a view without one (e.g. a detail view) offers no ordering."""
        return list(getattr(view, "ordering_fields", None) or ())

    def ordering_for(self, request: Request, view: APIView) -> list[str]:
        allowed = self.allowed(view)
        if not allowed:
            return []
        default = list(getattr(view, "ordering", ()) or ())
        raw = request.query_params.get(self.param, "")
        terms = [term.strip() for term in raw.split(",") if term.strip()]
        invalid = [term for term in terms if term.removeprefix("-") not in allowed]
        if invalid:
            message = _("Onbekend sorteerveld. Kies uit: %(choices)s.") % {
                "choices": ", ".join(allowed)
            }
            raise ValidationError({self.param: [message]})
        chosen = {term.removeprefix("-") for term in terms}
        tail = [term for term in default if term.removeprefix("-") not in chosen]
        return [*terms, *tail, "pk"]

    def filter_queryset(
        self, request: Request, queryset: QuerySet[Any], view: APIView
    ) -> QuerySet[Any]:
        ordering = self.ordering_for(request, view)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        allowed = self.allowed(view)
        if not allowed:
            return []
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": _(
                    "Sorteervolgorde: velden gescheiden door komma's; "
                    "een minteken sorteert aflopend."
                ),
                "style": "form",
                "explode": False,
                "schema": {
                    "type": "array",
                    "items": {
                        "type": "string",
                        "enum": [v for field in allowed for v in (field, f"-{field}")],
                    },
                },
            }
        ]


class PartnerFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    kind = django_filters.ChoiceFilter(
        choices=OrganisationKind.choices, help_text="Soort organisatie."
    )

    class Meta:
        model = Organisation
        fields = ["kind"]
