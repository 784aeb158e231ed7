"""The action-plan API: versions, editing the analysis and goals, and interventions.

Edits carry the revision they are based on (optimistic concurrency). When someone saved in
between, nothing is saved and the answer is a 409 that says so and gives the current revision;
the caller still has its own input and can compare.
"""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership
from schakel.api.base import (
    MAX_INT,
    REVISION_CONFLICT_DETAIL,
    RevisionConflictProblemSerializer,
    SchakelAPIView,
    conflict,
    membership_of,
    problem_response,
    service_errors,
    validation_error,
    visible_or_404,
)
from schakel.api.fields import Merged
from schakel.cases import permissions, selectors
from schakel.cases.access import interventions_visible_to
from schakel.cases.api.base import PlanConflictProblemSerializer
from schakel.cases.api.serializers import PlanVersionSerializer, case_ref
from schakel.cases.api.views import writable_case
from schakel.cases.choices import LifeDomain
from schakel.cases.models import ActionPlanVersion, Case, Intervention
from schakel.cases.models.plan import ANALYSIS_FIELDS
from schakel.cases.plans import services as plan_services
from schakel.cases.plans.api.serializers import (
    InterventionDetailSerializer,
    PlanUpdateSerializer,
    PlanVersionDetailSerializer,
    PlanWrittenSerializer,
    analysis_of,
)
from schakel.cases.services import CaseStateError

TAGS = ["plan van aanpak"]

# The service names the analysis fields after the model; the API nests them under analysis.
ANALYSIS_ERRORS = {name: f"analysis.{domain.value}" for domain, name in ANALYSIS_FIELDS.items()}

PLAN_CONFLICT_RESPONSE = problem_response(
    "Intussen door iemand anders gewijzigd: er is niets opgeslagen; met de huidige versie en "
    "revisie (urn:schakel:problem:conflict). Of de casus is afgesloten.",
    PlanConflictProblemSerializer,
)
REVISION_CONFLICT_RESPONSE = problem_response(
    "Intussen door iemand anders gewijzigd of uit het plan gehaald: er is niets opgeslagen; "
    "met de huidige revisie (urn:schakel:problem:conflict). Of de casus is afgesloten.",
    RevisionConflictProblemSerializer,
)


def plan_conflict(case: Case) -> Exception:
    latest = ActionPlanVersion.objects.filter(plan__case_id=case.pk).order_by("-number").first()
    return conflict(
        str(REVISION_CONFLICT_DETAIL),
        saved=False,
        current_version=str(latest.pk) if latest else None,
        current_number=latest.number if latest else None,
        current_revision=latest.revision if latest else None,
    )


def intervention_conflict(intervention: Intervention) -> Exception:
    current = Intervention.objects.filter(pk=intervention.pk).values("revision").first()
    return conflict(
        str(REVISION_CONFLICT_DETAIL),
        saved=False,
        current_revision=current["revision"] if current else None,
    )


def intervention_detail(membership: Membership, pk: uuid.UUID) -> dict[str, Any]:
    """One intervention with its description and outcome; the selector logs the read."""
    intervention = selectors.intervention_get_for(membership=membership, pk=pk)
    data = Merged(
        intervention,
        may_update_progress=permissions.may_update_intervention(membership, intervention),
        may_change=intervention.removed_in_id is None
        and permissions.may_edit_plan(membership, intervention.plan.case),
    )
    return dict(InterventionDetailSerializer(data).data)


@contextmanager
def revision_checked(conflict: Callable[[], Exception]) -> Iterator[None]:
    """A service's errors as problems; an edit on a revision someone changed meanwhile saves
    nothing and is ``conflict()`` (a 409 that gives the current revision)."""
    try:
        with service_errors():
            yield
    except plan_services.PlanConflictError:
        raise conflict() from None


def intervention_for_action(membership: Membership, pk: uuid.UUID) -> Intervention:
    """A visible intervention for a change (no description read)."""
    visible = interventions_visible_to(membership=membership)
    return visible_or_404(visible.select_related("owner", "plan__case"), pk)


def plan_edit_gate(membership: Membership, intervention: Intervention) -> None:
    """Changing or removing an intervention is a plan edit: the lead and the ZVH, case open."""
    case = intervention.plan.case
    if not permissions.steers_case(membership, case):
        raise exceptions.NotFound()
    if case.is_closed:
        raise conflict(_("Deze casus is afgesloten; er is niets opgeslagen."))
    if intervention.removed_in_id is not None:
        raise intervention_conflict(intervention)


def progress_gate(membership: Membership, intervention: Intervention) -> None:
    """Progress is reported by the owning organisation while the case is open."""
    if permissions.may_update_intervention(membership, intervention):
        return
    owner = membership.role in TABLE_ROLES and membership.organisation_id == intervention.owner_id
    if not owner:
        raise exceptions.NotFound()
    if intervention.plan.case.is_closed:
        raise conflict(_("Deze casus is afgesloten; er is niets opgeslagen."))
    raise intervention_conflict(intervention)  # taken out of the plan meanwhile


# --- versions ----------------------------------------------------------------------------------


class PlanVersionListView(SchakelAPIView):
    serializer_class = PlanVersionSerializer
    queryset = ActionPlanVersion.objects.none()  # for the schema; reads go through selectors

    @extend_schema(
        summary="Versies van het plan van aanpak",
        description=(
            "Nummer, status (concept of vastgesteld), revisie en wanneer en in welk agendapunt "
            "vastgesteld; nieuwste eerst. Zonder inhoud. Voor wie de casus mag zien."
        ),
        responses={200: PlanVersionSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        case = selectors.case_for_action(membership=membership_of(request), pk=id)
        versions = ActionPlanVersion.objects.filter(plan__case_id=case.pk).order_by("-number")
        return self.paginated(versions, PlanVersionSerializer)


class PlanVersionDetailView(SchakelAPIView):
    serializer_class = PlanVersionDetailSerializer

    @extend_schema(
        summary="Eén versie van het plan van aanpak",
        description=(
            "De analyse per leefgebied, de doelen en de interventies: van een vastgestelde "
            "versie zoals vastgesteld, van het concept de lopende. Het lezen wordt vastgelegd."
        ),
        parameters=[
            OpenApiParameter(
                "number",
                {"type": "integer", "minimum": 1, "maximum": MAX_INT},
                OpenApiParameter.PATH,
                description="Versienummer.",
            )
        ],
        responses={200: PlanVersionDetailSerializer},
        tags=TAGS,
    )
    def get(
        self, request: Request, id: uuid.UUID, number: int, *args: Any, **kwargs: Any
    ) -> Response:
        if not 1 <= number <= MAX_INT:
            raise exceptions.NotFound()
        case, version, _identity = selectors.plan_version_get_for(
            membership=membership_of(request), case_pk=id, number=number
        )
        data = Merged(
            version,
            case=case_ref(case),
            analysis=analysis_of(version),
            interventions=selectors.interventions_in_version(version),
        )
        return Response(PlanVersionDetailSerializer(data).data)


class PlanView(SchakelAPIView):
    serializer_class = PlanUpdateSerializer

    @extend_schema(
        summary="Analyse en doelen van het plan bijwerken",
        description=(
            "Vervangt de analyse (alle leefgebieden; leeg maakt er een leeg) en de doelen. "
            "Bewerkt het concept; is de laatste versie vastgesteld, dan begint een nieuwe "
            "conceptversie. Stuur de versie en revisie mee waarop u voortbouwt "
            "(based_on_version, based_on_revision; beide null voor een plan zonder versie). "
            "Heeft iemand intussen opgeslagen, dan wordt niets opgeslagen: 409 met de huidige "
            "versie en revisie. Voor de regievoerende gemeente en het Zorg- en "
            "Veiligheidshuis, zolang de casus open is."
        ),
        request=PlanUpdateSerializer,
        responses={200: PlanWrittenSerializer, **PLAN_CONFLICT_RESPONSE},
        tags=TAGS,
    )
    def put(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        case = writable_case(membership, id)
        serializer = self.valid_input(PlanUpdateSerializer)
        data = serializer.validated_data
        plan_input = plan_services.PlanInput(
            analysis={domain.value: data["analysis"][domain.value] for domain in LifeDomain},
            goals=data["goals"],
            based_on_version=data["based_on_version"],
            based_on_revision=data["based_on_revision"],
        )
        try:
            version = plan_services.plan_update(membership=membership, case=case, data=plan_input)
        except plan_services.PlanConflictError:
            raise plan_conflict(case) from None
        except CaseStateError:
            raise conflict(_("Deze casus is afgesloten; er is niets opgeslagen.")) from None
        except DjangoValidationError as error:
            raise validation_error(error, rename=ANALYSIS_ERRORS) from None
        written = Merged(version, analysis=analysis_of(version))
        return Response(PlanWrittenSerializer(written).data)
