"""Serializers of data-subject requests: explicit output per audience (the contact point sees
the whole request; a contributing organisation only the metadata and its own contribution) and
one input serializer per action. Staff appear as "function – organisation (mailbox)"."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.accounts.display import staff_display
from schakel.api.base import free_text
from schakel.api.fields import OrganisationRefSerializer
from schakel.privacy.choices import (
    ContributionStatus,
    RequestDecision,
    RequestKind,
    RequestRestriction,
    RequestStatus,
)
from schakel.privacy.models import RequestContribution, SubjectRequest
from schakel.privacy.requests.decisions import ContributionInput, DecisionInput
from schakel.privacy.requests.rules import days_left, is_open
from schakel.privacy.requests.selectors import ContributionView, RequestView
from schakel.privacy.requests.services import ExtensionInput, RegistrationInput


def _optional_date(help_text: str) -> serializers.DateField:
    return serializers.DateField(required=False, allow_null=True, default=None, help_text=help_text)


class SubjectRequestSerializer(serializers.Serializer[SubjectRequest]):
    """A request's metadata: no person data, no free text."""

    id = serializers.UUIDField()
    reference = serializers.CharField(help_text="Kenmerk VRZ-2026-0002, zonder persoonsgegevens.")
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    received_on = serializers.DateField()
    deadline_on = serializers.DateField(help_text="Eén kalendermaand na ontvangst.")
    extended_until = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(help_text="De geldende uiterste datum (verlengd of niet).")
    days_left = serializers.SerializerMethodField(help_text="Negatief: over de termijn.")
    overdue = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    decision = serializers.ChoiceField(choices=RequestDecision.choices, allow_blank=True)
    decided_on = serializers.DateField(allow_null=True)
    contact_point = OrganisationRefSerializer()
    identity_verified = serializers.SerializerMethodField()

    def get_days_left(self, request: SubjectRequest) -> int:
        return days_left(request)

    def get_overdue(self, request: SubjectRequest) -> bool:
        return is_open(request) and days_left(request) < 0

    def get_identity_verified(self, request: SubjectRequest) -> bool:
        return request.identity_verified_on is not None


class RequestPersonSerializer(serializers.Serializer[Any]):
    """Who the request is about, as the contact point needs to answer it."""

    given_names = serializers.CharField()
    surname_prefix = serializers.CharField()
    surname = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)


class RequestContributionSerializer(serializers.Serializer[RequestContribution]):
    """One organisation's input (for the contact point, and for the organisation itself)."""

    id = serializers.UUIDField()
    organisation = OrganisationRefSerializer()
    status = serializers.ChoiceField(choices=ContributionStatus.choices)
    holds_data = serializers.BooleanField(allow_null=True)
    input = serializers.CharField(allow_null=True)
    objects_to_disclosure = serializers.BooleanField()
    answered_at = serializers.DateTimeField(allow_null=True)
    answered_by = serializers.SerializerMethodField(
        help_text="Functie – organisatie (mailbox); null: nog niet gegeven."
    )

    def get_answered_by(self, contribution: RequestContribution) -> str | None:
        if contribution.answered_by is None:
            return None
        return staff_display(contribution.answered_by, contribution.organisation)


class SubjectRequestDetailSerializer(SubjectRequestSerializer):
    """The whole request, for the contact point (reading it is logged)."""

    person = serializers.SerializerMethodField()
    description = serializers.CharField(allow_null=True)
    identity_verified_on = serializers.DateField(allow_null=True)
    identity_verification_note = serializers.CharField(allow_null=True)
    extension_reason = serializers.CharField(allow_null=True)
    extension_informed_on = serializers.DateField(allow_null=True)
    restriction = serializers.ChoiceField(choices=RequestRestriction.choices, allow_blank=True)
    decision_grounds = serializers.CharField(allow_null=True)
    contributions = serializers.SerializerMethodField()

    @extend_schema_field(RequestPersonSerializer)
    def get_person(self, request: SubjectRequest) -> dict[str, Any]:
        view: RequestView = self.context["view"]
        identity = view.identity
        return dict(
            RequestPersonSerializer(
                {
                    "given_names": identity.given_names,
                    "surname_prefix": identity.surname_prefix,
                    "surname": identity.surname,
                    "date_of_birth": identity.date_of_birth,
                }
            ).data
        )

    @extend_schema_field(RequestContributionSerializer(many=True))
    def get_contributions(self, request: SubjectRequest) -> list[dict[str, Any]]:
        view: RequestView = self.context["view"]
        return [dict(RequestContributionSerializer(c).data) for c in view.contributions]


class RequestForContributionSerializer(serializers.Serializer[SubjectRequest]):
    """What a contributing organisation sees of the request: metadata only."""

    reference = serializers.CharField()
    kind = serializers.ChoiceField(choices=RequestKind.choices)
    received_on = serializers.DateField()
    due_on = serializers.DateField()
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    contact_point = OrganisationRefSerializer()


class OwnRequestContributionSerializer(serializers.Serializer[Any]):
    """An organisation's own contribution with the request's metadata and the references of
    the person's cases and signals it took part in, to find the person in its own records."""

    id = serializers.UUIDField()
    organisation = OrganisationRefSerializer()
    status = serializers.ChoiceField(choices=ContributionStatus.choices)
    holds_data = serializers.BooleanField(allow_null=True)
    input = serializers.CharField(allow_null=True)
    objects_to_disclosure = serializers.BooleanField()
    answered_at = serializers.DateTimeField(allow_null=True)
    answered_by = serializers.CharField(
        allow_null=True, help_text="Functie – organisatie (mailbox); null: nog niet gegeven."
    )
    request = RequestForContributionSerializer()
    case_references = serializers.ListField(child=serializers.CharField())
    signal_references = serializers.ListField(child=serializers.CharField())

    @staticmethod
    def data_for(view: ContributionView) -> dict[str, Any]:
        c = view.contribution
        return {
            "id": c.pk,
            "organisation": c.organisation,
            "status": c.status,
            "holds_data": c.holds_data,
            "input": c.input,
            "objects_to_disclosure": c.objects_to_disclosure,
            "answered_at": c.answered_at,
            "answered_by": staff_display(c.answered_by, c.organisation) if c.answered_by else None,
            "request": view.request,
            "case_references": view.case_references,
            "signal_references": view.signal_references,
        }


class RequestInboxRowSerializer(serializers.Serializer[RequestContribution]):
    """A request for input in the organisation's inbox."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=ContributionStatus.choices)
    answered_at = serializers.DateTimeField(allow_null=True)
    request = RequestForContributionSerializer()


# Input -----------------------------------------------------------------------------------------


class RequestRegistrationInputSerializer(serializers.Serializer[Any]):
    """Register a request from a case or a signal (exactly one) the caller can open."""

    case = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text="Id van de casus van de persoon."
    )
    signal = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van een signaal over de persoon.",
    )
    kind = serializers.CharField(required=False, allow_blank=True, default="", help_text=(
        "access, rectification, erasure, restriction of objection."
    ))  # fmt: skip
    received_on = _optional_date("Datum van ontvangst (niet in de toekomst).")
    description = free_text("Wat de persoon vraagt.")
    identity_verified_on = _optional_date("Wanneer de identiteit is vastgesteld.")
    identity_verification_note = free_text(
        "Hoe de identiteit is vastgesteld; nooit een BSN of documentnummer."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (attrs["case"] is None) == (attrs["signal"] is None):
            raise serializers.ValidationError(
                {"case": [_("Geef precies één van case en signal op.")]}
            )
        return attrs

    def to_input(self) -> RegistrationInput:
        data = self.validated_data
        return RegistrationInput(
            kind=data["kind"],
            received_on=data["received_on"],
            description=data["description"],
            identity_verified_on=data["identity_verified_on"],
            identity_verification_note=data["identity_verification_note"],
        )


class RequestIdentityInputSerializer(serializers.Serializer[Any]):
    identity_verified_on = _optional_date("Wanneer de identiteit is vastgesteld.")
    identity_verification_note = free_text(
        "Hoe de identiteit is vastgesteld; nooit een BSN of documentnummer."
    )


class RequestExtensionInputSerializer(serializers.Serializer[Any]):
    extended_until = _optional_date("Nieuwe uiterste datum: hoogstens drie maanden na ontvangst.")
    reason = free_text("Reden van de verlenging.")
    informed_on = _optional_date("Wanneer de persoon over de verlenging is geïnformeerd.")

    def to_input(self) -> ExtensionInput:
        return ExtensionInput(**self.validated_data)


class RequestDecisionInputSerializer(serializers.Serializer[Any]):
    decision = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="granted, partially_granted, refused.",
    )
    restriction = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Leeg, criminal_investigation, public_safety, rights_of_others of other.",
    )
    grounds = free_text("Gronden; verplicht als het verzoek niet volledig wordt toegewezen.")
    decided_on = _optional_date("Datum van het besluit.")
    without_all_input = serializers.BooleanField(
        required=False,
        default=False,
        help_text="true: besluiten terwijl nog niet alle organisaties inbreng gaven.",
    )

    def to_input(self) -> DecisionInput:
        return DecisionInput(**self.validated_data)


class RequestContributionInputSerializer(serializers.Serializer[Any]):
    holds_data = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text="Verwerkt uw organisatie gegevens over de persoon?",
    )  # fmt: skip
    input = free_text("Welke gegevens, of opmerkingen; bij bezwaar de reden.")
    objects_to_disclosure = serializers.BooleanField(required=False, default=False)

    def to_input(self) -> ContributionInput:
        return ContributionInput(**self.validated_data)
