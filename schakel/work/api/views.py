"""``GET /api/v1/work-items``: Mijn werk for API clients — what waits for the acting membership
and its organisation, most urgent first, as every app contributes it (``schakel.core.work``).

References, kinds and dates only, like the page: no person data, so no processing-log record.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import SchakelAPIView
from schakel.api.views import acting_membership_of
from schakel.core.work import WorkItem, work_items_for

TAGS = ["mijn-werk"]


class WorkItemSerializer(serializers.Serializer[WorkItem]):
    """One thing that waits: no person data, only a reference, a kind and dates."""

    kind = serializers.CharField(help_text="Soort werk, bijvoorbeeld match_suggestion.")
    label = serializers.CharField(  # type: ignore[assignment]  # a field, not Field.label
        help_text="Wat er te doen is (Nederlands)."
    )
    reference = serializers.CharField(
        allow_blank=True, help_text="Kenmerk van het object (leeg bij een telling)."
    )
    due_on = serializers.DateField(allow_null=True, help_text="Uiterste datum.")
    overdue = serializers.BooleanField(help_text="Of de uiterste datum voorbij is.")
    count = serializers.IntegerField(help_text="Aantal zaken dat dit item vertegenwoordigt.")
    url = serializers.SerializerMethodField(help_text="Waar het werk gedaan wordt (webpagina).")

    def get_url(self, item: WorkItem) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(item.url) if request is not None else item.url


class WorkItemListView(SchakelAPIView):
    serializer_class = WorkItemSerializer
    # Work items are gathered from every app, not a queryset: ``kind`` is filtered below.
    filter_backends: list[Any] = []

    @extend_schema(
        summary="Mijn werk",
        description=(
            "Wat op u en uw organisatie wacht in het lidmaatschap waarin u werkt: "
            "matchsuggesties, signalen, wegingspunten, casusoverleggen en uitnodigingen, "
            "interventies, evaluaties, herbeoordelingen, AVG-verzoeken en verzoeken om inbreng, "
            "en voor de privacyfunctionaris de bewaartermijnen. Over tijd eerst, dan op "
            "uiterste datum. Alleen kenmerken en datums, geen persoonsgegevens. Filter op "
            "kind."
        ),
        parameters=[
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                description="Alleen werk van deze soort, bijvoorbeeld invitation.",
            )
        ],
        responses={200: WorkItemSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        items = work_items_for(acting_membership_of(request))
        kind = request.query_params.get("kind")
        if kind:
            items = [item for item in items if item.kind == kind]
        page: Any = self.paginate_queryset(items) or []
        context = self.get_serializer_context()
        return self.get_paginated_response(
            WorkItemSerializer(page, many=True, context=context).data
        )
