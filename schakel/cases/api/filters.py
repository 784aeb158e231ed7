"""Query-parameter filters of the case, meeting and intervention lists (an invalid value is 400)."""

import django_filters

from schakel.cases.choices import CasePhase, InterventionKind, InterventionStatus, MeetingStatus
from schakel.cases.models import Case, ConsultationMeeting, Intervention


class CaseFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    phase = django_filters.ChoiceFilter(choices=CasePhase.choices, help_text="Fase.")

    class Meta:
        model = Case
        fields = ["phase"]


class MeetingFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, help_text="Status.")

    class Meta:
        model = ConsultationMeeting
        fields = ["status"]


class InterventionFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    status = django_filters.ChoiceFilter(choices=InterventionStatus.choices, help_text="Status.")
    kind = django_filters.ChoiceFilter(choices=InterventionKind.choices, help_text="Soort.")
    owner = django_filters.UUIDFilter(
        field_name="owner_id", help_text="Id van de eigenaar (organisatie)."
    )

    class Meta:
        model = Intervention
        fields = ["status", "kind", "owner"]
