"""What the meeting and plan endpoints share beyond ``schakel.api.base``: "acknowledge
confidentiality first" is a 409 of type ``urn:schakel:problem:acknowledgment-required``, and a
plan edit on an outdated revision answers the current version."""

from django.utils.translation import gettext
from rest_framework import serializers

from schakel.accounts.models import Membership
from schakel.api.base import Problem, RevisionConflictProblemSerializer, problem_response
from schakel.api.problems import ProblemType
from schakel.cases.meetings.services import has_acknowledged
from schakel.cases.models import ConsultationMeeting

ACKNOWLEDGMENT_REQUIRED = ProblemType(
    "acknowledgment-required",
    409,
    "Geheimhouding nog niet bevestigd",
    "Confidentiality not yet acknowledged",
)


def acknowledgment_required() -> Problem:
    return Problem(
        ACKNOWLEDGMENT_REQUIRED,
        gettext(
            "Bevestig eerst de geheimhouding van dit casusoverleg "
            "(POST …/meetings/{id}/acknowledgment); daarna kunt u het openen."
        ),
    )


def require_acknowledgment(membership: Membership, meeting: ConsultationMeeting) -> None:
    """Inside a meeting only after this person's confidentiality acknowledgment."""
    if not has_acknowledged(user=membership.user, meeting=meeting):
        raise acknowledgment_required()


ACKNOWLEDGMENT_RESPONSE = problem_response(
    "Geheimhouding nog niet bevestigd (urn:schakel:problem:acknowledgment-required): bevestig "
    "eerst met POST /api/v1/meetings/{id}/acknowledgment."
)


class PlanConflictProblemSerializer(RevisionConflictProblemSerializer):
    current_version = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Bij een revisieconflict: id van de nu laatste versie (null: nog geen).",
    )
    current_number = serializers.IntegerField(
        required=False, allow_null=True, help_text="Het nummer van die versie."
    )
