"""``GET/PUT /api/v1/notification-preferences``: the caller's own preference for e-mail about
their work (docs/notifications.md). No id in the path: only one's own. No person data."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import SchakelAPIView
from schakel.api.views import api_user
from schakel.notifications.choices import Frequency
from schakel.notifications.models import NotificationPreference
from schakel.notifications.preferences import preference_of, preference_save

TAGS = ["e-mailberichten"]


class NotificationPreferenceSerializer(serializers.Serializer[NotificationPreference]):
    frequency = serializers.ChoiceField(
        choices=Frequency.choices,
        help_text=(
            "digest: één overzicht per dag (standaard); direct: bij elke verandering; "
            "none: geen e-mail."
        ),
        error_messages={
            "required": "Kies hoe u e-mail over uw werk wilt krijgen.",
            "invalid_choice": "Kies direct, digest of none.",
        },
    )
    digest_hour = serializers.IntegerField(
        min_value=0,
        max_value=23,
        help_text="Het uur (0–23, Nederlandse tijd) waarop het dagoverzicht komt.",
        error_messages={
            "required": "Kies het uur waarop het dagoverzicht komt.",
            "invalid": "Kies een uur van 0 tot en met 23.",
            "min_value": "Kies een uur van 0 tot en met 23.",
            "max_value": "Kies een uur van 0 tot en met 23.",
        },
    )


class NotificationPreferenceView(SchakelAPIView):
    serializer_class = NotificationPreferenceSerializer

    @extend_schema(
        summary="Uw voorkeur voor e-mailberichten",
        description=(
            "Hoe vaak u e-mail krijgt over werk dat op u wacht, en op welk uur het dagoverzicht "
            "komt. Alleen uw eigen voorkeur."
        ),
        responses={200: NotificationPreferenceSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        preference = preference_of(api_user(request))
        return Response(NotificationPreferenceSerializer(preference).data)

    @extend_schema(
        summary="Uw voorkeur voor e-mailberichten wijzigen",
        description="Beide velden zijn verplicht. Alleen uw eigen voorkeur.",
        request=NotificationPreferenceSerializer,
        responses={200: NotificationPreferenceSerializer},
        tags=TAGS,
    )
    def put(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.valid_input(NotificationPreferenceSerializer)
        preference = preference_save(user=api_user(request), **serializer.validated_data)
        return Response(NotificationPreferenceSerializer(preference).data)
