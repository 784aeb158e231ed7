"""Serializers of the weighing API: sessions, items and the team's decision.

Input serializers check the shape and resolve ids to objects the caller may use; the services
check every rule again (the justification, the criteria, the follow-up date, …) with Dutch
messages. Item outputs hold no person data unless asked for with ``?include=person``.
"""

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership, User
from schakel.api.base import free_text
from schakel.api.fields import (
    OrganisationRefSerializer,
    OrganisationSerializer,
    ScopedPrimaryKeyField,
    directory_of,
)
from schakel.intake import selectors as intake_selectors
from schakel.intake.api.person_serializers import PersonSerializer
from schakel.intake.api.serializers import PhenomenonRefSerializer
from schakel.intake.choices import DataCategory, SourceDomain
from schakel.intake.models import Signal
from schakel.weighing import selectors
from schakel.weighing.choices import ArrangementScope, SessionStatus, WeighingOutcome
from schakel.weighing.models import (
    ItemCriterion,
    WeighingArrangement,
    WeighingCriterion,
    WeighingItem,
    WeighingSession,
)
from schakel.weighing.services import DecisionInput, SessionInput


class CriterionSerializer(serializers.Serializer[WeighingCriterion]):
    """A weighing criterion: a consideration the team records (not a checklist)."""

    id = serializers.UUIDField()
    name = serializers.CharField()
    name_en = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    position = serializers.IntegerField()


class ArrangementRefSerializer(serializers.Serializer[WeighingArrangement]):
    id = serializers.UUIDField()
    name = serializers.CharField()
    scope = serializers.ChoiceField(choices=ArrangementScope.choices)


class SessionSerializer(serializers.Serializer[WeighingSession]):
    """A weighing session as listed: when, which arrangement, open or closed."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    arrangement = ArrangementRefSerializer()
    held_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=SessionStatus.choices)
    closed_at = serializers.DateTimeField(allow_null=True)


class ItemSerializer(serializers.Serializer[WeighingItem]):
    """A weighing item's status: no person data."""

    id = serializers.UUIDField()
    reference = serializers.CharField(
        read_only=True, help_text="Kenmerk WGP-2026-0012, zonder persoonsgegevens."
    )
    session = serializers.UUIDField(source="session_id")
    created_at = serializers.DateTimeField()
    directing_municipality = OrganisationRefSerializer(
        help_text="Woongemeente: de regievoerende gemeente."
    )
    outcome = serializers.ChoiceField(
        choices=WeighingOutcome.choices, allow_blank=True, help_text="Leeg zolang niet besloten."
    )
    follow_up_on = serializers.DateField(
        allow_null=True, help_text="Meer informatie uiterlijk op, of opnieuw wegen op."
    )
    decided_at = serializers.DateTimeField(allow_null=True)


class SessionDetailSerializer(SessionSerializer):
    """A session with its participants and the items the caller sees (no person data)."""

    chair = serializers.CharField(help_text="Functie – organisatie (mailbox).")
    participants = OrganisationSerializer(many=True)
    items = ItemSerializer(many=True)
    may_add_items = serializers.BooleanField(help_text="U mag inwoners op de agenda zetten.")
    may_close = serializers.BooleanField()


def arrangements_of(membership: Membership | None) -> QuerySet[WeighingArrangement]:
    return selectors.arrangements_for(membership=membership)


class SessionInputSerializer(serializers.Serializer[Any]):
    arrangement = ScopedPrimaryKeyField(
        scope=arrangements_of,
        help_text="Id van een wegingsafspraak waarin u een weging mag plannen.",
        message=_("Kies een wegingsafspraak waarin u een weging mag plannen."),
    )
    held_at = serializers.DateTimeField(help_text="Datum en tijd.")
    chair = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Id van de voorzitter (een medewerker van een deelnemende of de "
        "faciliterende organisatie); standaard uzelf.",
    )
    participants = serializers.ListField(
        child=ScopedPrimaryKeyField(
            scope=directory_of,
            message=_("Kies organisaties uit de partnergids."),
        ),
        max_length=50,
        help_text="Ids van de deelnemende organisaties: ten minste een gemeente, de politie en "
        "het OM.",
    )

    def validate_chair(self, value: uuid.UUID | None) -> User | None:
        if value is None:
            return None
        chair = (
            User.objects.filter(
                pk=value,
                is_active=True,
                memberships__in=Membership.objects.active().filter(role__in=TABLE_ROLES),
            )
            .distinct()
            .first()
        )
        if chair is None:
            raise serializers.ValidationError(
                _("De voorzitter werkt voor een deelnemende of de faciliterende organisatie.")
            )
        return chair

    def to_input(self, caller: User) -> SessionInput:
        data = dict(self.validated_data)
        data["chair"] = data["chair"] or caller
        data["participants"] = list(dict.fromkeys(data["participants"]))
        return SessionInput(**data)


def weighable_signals(membership: Membership | None) -> QuerySet[Signal]:
    """Signals about residents of the caller's municipality (the service checks the rest)."""
    if membership is None:
        return Signal.objects.none()
    return intake_selectors.signals_visible_to(membership=membership).filter(
        directing_municipality_id=membership.organisation_id
    )


class ItemAddSerializer(serializers.Serializer[Any]):
    signal = ScopedPrimaryKeyField(
        scope=weighable_signals,
        help_text="Id van een signaal over een inwoner van uw gemeente; de persoon komt op de "
        "agenda met al zijn weegbare signalen.",
        message=_("Dit signaal kan niet (meer) voor een weging worden aangemeld."),
    )


class ItemSignalSerializer(serializers.Serializer[Signal]):
    """A signal on the item, with what was observed (only with ``include=person``)."""

    id = serializers.UUIDField()
    reference = serializers.CharField()
    registering_organisation = OrganisationRefSerializer()
    source_domain = serializers.ChoiceField(choices=SourceDomain.choices)
    phenomenon = PhenomenonRefSerializer()
    observed_on = serializers.DateField()
    observation = serializers.CharField(allow_null=True)
    observation_category = serializers.ChoiceField(choices=DataCategory.choices)


class ItemCriterionSerializer(serializers.Serializer[ItemCriterion]):
    criterion = CriterionSerializer()
    note = serializers.CharField(allow_null=True, help_text="Overwegingen bij dit criterium.")


class ItemDetailSerializer(ItemSerializer):
    """An item's status; with ``include=person`` also the person, the signals and the decision's
    justification and criteria (the read is logged)."""

    session_reference = serializers.CharField()
    case = serializers.UUIDField(
        allow_null=True, help_text="De casus die na opnemen is geopend; null zonder casus."
    )
    may_decide = serializers.BooleanField(help_text="U mag het besluit vastleggen.")
    person = PersonSerializer(required=False, help_text="Alleen met ?include=person.")
    signals = ItemSignalSerializer(
        many=True, required=False, help_text="Alleen met ?include=person."
    )
    justification = serializers.CharField(
        allow_null=True,
        required=False,
        help_text="Onderbouwing noodzaak, proportionaliteit en subsidiariteit; alleen met "
        "?include=person.",
    )
    justification_category = serializers.ChoiceField(
        choices=DataCategory.choices, required=False, help_text="Alleen met ?include=person."
    )
    criteria = ItemCriterionSerializer(
        many=True, required=False, help_text="Overwogen criteria; alleen met ?include=person."
    )

    PERSON_FIELDS = ("person", "signals", "justification", "justification_category", "criteria")

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """The person's fields are left out altogether (not even read) without ``include``."""
        with_person = bool(getattr(instance, "with_person", False))
        data: dict[str, Any] = {}
        for field in self._readable_fields:
            if field.field_name in self.PERSON_FIELDS and not with_person:
                continue
            attribute = field.get_attribute(instance)
            data[str(field.field_name)] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return data


class ItemQuerySerializer(serializers.Serializer[Any]):
    include = serializers.ChoiceField(
        choices=[("person", "person")],
        required=False,
        help_text=(
            "person: ook de persoon, de signalen met de waarneming, en de onderbouwing en "
            "overwegingen van het besluit (het lezen wordt vastgelegd in het "
            "verwerkingslogboek)."
        ),
    )


class CriterionNoteSerializer(serializers.Serializer[Any]):
    criterion = serializers.UUIDField(
        error_messages={"invalid": _("Onbekend criterium.")}, help_text="Id van het criterium."
    )
    note = free_text("Overwegingen bij dit criterium (mag leeg).")


class WeighingDecisionSerializer(serializers.Serializer[Any]):
    outcome = serializers.ChoiceField(
        choices=WeighingOutcome.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="De uitkomst; include opent een casus bij het Zorg- en Veiligheidshuis.",
    )
    justification = free_text(
        "Verplicht: onderbouwing van noodzaak, proportionaliteit en subsidiariteit."
    )
    justification_category = serializers.ChoiceField(
        choices=DataCategory.choices,
        required=False,
        default=DataCategory.ORDINARY,
        help_text="Categorie van de onderbouwing.",
    )
    criteria = serializers.ListField(
        child=CriterionNoteSerializer(),
        required=False,
        default=list,
        max_length=50,
        help_text="De overwogen criteria (ten minste één), elk met overwegingen.",
    )
    follow_up_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Verplicht bij more_information (uiterlijk) en reweigh (op): na vandaag.",
    )
    process_director = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Bij include: id van de procesregisseur van het Zorg- en Veiligheidshuis; "
        "weg te laten als het ZVH er één heeft.",
    )

    def validate_criteria(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        keys = [row["criterion"] for row in value]
        if len(set(keys)) != len(keys):
            raise serializers.ValidationError(_("Noem elk criterium één keer."))
        return value

    def to_input(self, process_director: User | None) -> DecisionInput:
        data = self.validated_data
        return DecisionInput(
            outcome=data["outcome"],
            justification=data["justification"],
            justification_category=data["justification_category"],
            criteria_notes={row["criterion"]: row["note"] for row in data["criteria"]},
            follow_up_on=data["follow_up_on"],
            process_director=process_director,
        )
