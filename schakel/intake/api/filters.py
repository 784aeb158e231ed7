"""Query-parameter filters of the meldpunt lists (see docs/api.md: an invalid value is a 400)."""

import django_filters

from schakel.intake.choices import SignalStatus, SourceDomain, SuggestionStatus
from schakel.intake.models import MatchSuggestion, Signal


class SignalFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    status = django_filters.ChoiceFilter(choices=SignalStatus.choices, help_text="Status.")
    # camelCase query key (NLGov API Design Rules, /core/query-keys-camel-case).
    sourceDomain = django_filters.ChoiceFilter(  # noqa: N815
        field_name="source_domain", choices=SourceDomain.choices, help_text="Brondomein."
    )

    class Meta:
        model = Signal
        fields = ["status", "sourceDomain"]


class SuggestionFilterSet(django_filters.FilterSet):  # type: ignore[misc]
    status = django_filters.ChoiceFilter(
        choices=SuggestionStatus.choices, help_text="Status van de suggestie."
    )

    class Meta:
        model = MatchSuggestion
        fields = ["status"]
