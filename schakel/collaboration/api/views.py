"""The collaboration API: collaborations, their roles, the policy plan (read by members; goals
and progress updates written by the managing roles). The plan as CSV is a download of its
page, not an endpoint: the API answers JSON.

Reads go through ``schakel.collaboration.selectors``: a collaboration the caller does not take
part in is a 404, like an unknown one; a member who may not write gets a 404 on a write, as the
other endpoints answer a refusal. Staff appear as function – organisation – mailbox only.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.api.base import SchakelAPIView, VisibleListView, service_errors
from schakel.api.fields import Merged
from schakel.api.views import acting_membership_of
from schakel.collaboration import permissions, plan_services, selectors
from schakel.collaboration.api.serializers import (
    CollaborationDetailSerializer,
    CollaborationSerializer,
    GoalInputSerializer,
    GoalSerializer,
    PolicyPlanSerializer,
    PolicyProgressInputSerializer,
    ProgressUpdateSerializer,
    RoleSerializer,
)
from schakel.collaboration.choices import kind_explanation
from schakel.collaboration.models import CollaborationRole, PlanGoal, PlanTheme, PolicyPlan
from schakel.network.models import Collaboration

TAGS = ["samenwerking"]


def _visible(request: Request, pk: uuid.UUID) -> Collaboration:
    return selectors.visible_for(
        acting_membership_of(request), pk, is_superuser=bool(request.user.is_superuser)
    )


def _may_manage(request: Request, collaboration: Collaboration) -> bool:
    return permissions.may_manage(selectors.roles_in(acting_membership_of(request), collaboration))


def _plan(collaboration: Collaboration) -> PolicyPlan:
    plan = selectors.plan_of(collaboration)
    if plan is None:
        raise exceptions.NotFound()
    return plan


@extend_schema_view(
    get=extend_schema(
        summary="Samenwerkingsverbanden",
        description=(
            "De regionale samenwerkingsverbanden waarvan de organisatie van uw lidmaatschap lid "
            "is of waarin u een rol hebt (de platformbeheerder ziet ze alle). Geen casusgegevens."
        ),
        tags=TAGS,
    )
)
class CollaborationListView(VisibleListView):
    serializer_class = CollaborationSerializer
    queryset = Collaboration.objects.none()
    ordering_fields = ["name"]
    ordering = ["name"]

    def visible_rows(self) -> QuerySet[Collaboration]:
        return selectors.visible_to(
            acting_membership_of(self.request), is_superuser=bool(self.request.user.is_superuser)
        )


class CollaborationDetailView(SchakelAPIView):
    serializer_class = CollaborationDetailSerializer

    @extend_schema(
        summary="Samenwerkingsverband",
        description=(
            "Soort (met uitleg), regio, leden, rollen (als functie – organisatie – mailbox) en "
            "de wegingsafspraken die het verband faciliteert; de regie blijft bij de "
            "woongemeente. 404 voor wie geen lid is."
        ),
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID) -> Response:
        collaboration = _visible(request, id)
        body = Merged(
            collaboration,
            kind_explanation=kind_explanation(collaboration.kind),
            members=collaboration.members.order_by("name"),
            roles=selectors.role_rows(collaboration),
            hosted_weighings=selectors.hosted_weighings(collaboration),
            has_policy_plan=PolicyPlan.objects.filter(collaboration=collaboration).exists(),
            may_manage=_may_manage(request, collaboration),
        )
        return Response(CollaborationDetailSerializer(body).data)


class RoleListView(SchakelAPIView):
    serializer_class = RoleSerializer
    queryset = CollaborationRole.objects.none()  # for the schema only: get() reads the roles

    @extend_schema(
        summary="Rollen in een samenwerkingsverband",
        description="Wie welke rol heeft, als functie – organisatie – mailbox; nooit een naam.",
        responses={200: RoleSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID) -> Response:
        rows = selectors.role_rows(_visible(request, id))
        return self.paginated(rows, RoleSerializer)


class PolicyPlanView(SchakelAPIView):
    serializer_class = PolicyPlanSerializer

    @extend_schema(
        summary="Meerjarig beleidsplan",
        description=(
            "Looptijd, prioritaire thema's, doelen met indicatoren en voortgang. Voor de leden; "
            "404 zonder plan of voor wie geen lid is."
        ),
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID) -> Response:
        return Response(PolicyPlanSerializer(_plan(_visible(request, id))).data)


class GoalCreateView(SchakelAPIView):
    serializer_class = GoalSerializer

    @extend_schema(
        summary="Doel toevoegen",
        description=(
            "Voor de voorzitter, coördinator en secretaris van het verband; voor anderen 404. "
            "Teksten met herkenbare persoonsgegevens worden geweigerd (400)."
        ),
        request=GoalInputSerializer,
        responses={201: GoalSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID) -> Response:
        collaboration = _visible(request, id)
        if not _may_manage(request, collaboration):
            raise exceptions.NotFound()
        plan = _plan(collaboration)
        data: dict[str, Any] = self.valid_input(GoalInputSerializer).validated_data
        indicator = data.get("indicator")
        with service_errors():
            goal = plan_services.goal_add(
                plan=plan,
                data=plan_services.GoalInput(
                    theme=PlanTheme.objects.filter(plan=plan, pk=data["theme"]).first(),
                    title=data["title"],
                    intended_result=data["intended_result"],
                    indicator=plan_services.IndicatorInput(**indicator) if indicator else None,
                ),
            )
        return Response(GoalSerializer(goal).data, status=status.HTTP_201_CREATED)


class ProgressCreateView(SchakelAPIView):
    serializer_class = ProgressUpdateSerializer

    @extend_schema(
        summary="Voortgang vastleggen",
        description=(
            "Een voortgangsrapportage bij een doel: periode, status en korte toelichting. Voor "
            "de voorzitter, coördinator en secretaris van het verband; voor anderen 404."
        ),
        request=PolicyProgressInputSerializer,
        responses={201: ProgressUpdateSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID) -> Response:
        goal = PlanGoal.objects.select_related("theme__plan").filter(pk=id).first()
        if goal is None:
            raise exceptions.NotFound()
        collaboration = _visible(request, goal.theme.plan.collaboration_id)
        if not _may_manage(request, collaboration):
            raise exceptions.NotFound()
        data = self.valid_input(PolicyProgressInputSerializer).validated_data
        with service_errors():
            update = plan_services.progress_add(goal=goal, data=plan_services.ProgressInput(**data))
        return Response(ProgressUpdateSerializer(update).data, status=status.HTTP_201_CREATED)
