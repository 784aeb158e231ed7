"""Forms of the network events: plan or change, record, a learning point, a follow-up.

Every text field carries the person-data check (``schakel.core.person_data``), so all messages
come at once; the services check again. Staff are chosen from the active memberships of the
collaboration's member organisations, never typed.
"""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.forms import StyledFormMixin, date_field, radio_field, text_field, time_field
from schakel.core.person_data import validate_no_person_data
from schakel.core.validators import TEXT_MAX_LENGTH
from schakel.network.models import Collaboration, Organisation
from schakel.network_events import selectors, services
from schakel.network_events.choices import EventKind

ANONYMISE = _(
    "Gebruik een verzonnen of geanonimiseerde casus. Noem geen namen, geboortedata, adressen, "
    "BSN, scholen of andere herkenbare details (zoals een uitzonderlijke gebeurtenis of "
    "beroep). Verwijs naar een echte casus hooguit met zijn kenmerk."
)


def _checked(field: forms.CharField) -> forms.CharField:
    field.validators.append(validate_no_person_data)
    return field


class StaffChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def __init__(self, *args: Any, viewer: Membership, **kwargs: Any) -> None:
        self.viewer = viewer
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Membership) -> str:
        # With the role: two staff of another organisation with the same function differ.
        return f"{selectors.staff_label(obj, self.viewer)}, {obj.get_role_display()}"


class EventForm(StyledFormMixin, forms.Form):
    kind = radio_field(_("Soort bijeenkomst"), EventKind.choices)
    title = _checked(text_field(_("Titel"), services.TITLE_MAX))
    starts_on = date_field(_("Datum"))
    starts_time = time_field(_("Begintijd"))
    location = _checked(
        text_field(
            _("Plaats of link"),
            services.LOCATION_MAX,
            help_text=_("Het adres van de zaal, of de vergaderlink bij een online bijeenkomst."),
        )
    )
    online = forms.BooleanField(label=_("Online bijeenkomst"), required=False)
    organiser = forms.ModelChoiceField(label=_("Organisator"), queryset=Organisation.objects.none())
    purpose = _checked(
        text_field(
            _("Doel"),
            TEXT_MAX_LENGTH,
            rows=3,
            help_text=_("Wat willen de partners leren, bijvoorbeeld elkaars wettelijke kaders?"),
        )
    )
    case_material = _checked(
        text_field(
            _("Casusmateriaal (verzonnen of geanonimiseerd)"),
            TEXT_MAX_LENGTH,
            rows=8,
            required=False,
            help_text=ANONYMISE,
        )
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Deelnemende organisaties"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        membership: Membership,
        collaboration: Collaboration,
        roles: frozenset[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = selectors.organiser_choices(  # type: ignore[attr-defined]
            membership, collaboration, roles
        )
        self.fields["organisations"].queryset = selectors.member_organisations(  # type: ignore[attr-defined]
            collaboration
        )
        self.fields["participants"] = StaffChoiceField(
            label=_("Deelnemende medewerkers"),
            queryset=selectors.staff_choices(collaboration),
            viewer=membership,
            required=False,
            widget=forms.CheckboxSelectMultiple(
                attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
            ),
            help_text=_(
                "Kies medewerkers van de deelnemende organisaties. Zij lezen het casusmateriaal; "
                "andere leden van het samenwerkingsverband zien het niet."
            ),
        )

    @staticmethod
    def initial_for(event: Any) -> dict[str, Any]:
        local = timezone.localtime(event.starts_at)
        return {
            "kind": event.kind,
            "title": event.title,
            "starts_on": local.date(),
            "starts_time": local.time(),
            "location": event.location,
            "online": event.online,
            "organiser": event.organiser_id,
            "purpose": event.purpose,
            "case_material": event.case_material,
            "organisations": list(event.organisations.values_list("pk", flat=True)),
            "participants": list(event.participants.values_list("pk", flat=True)),
        }

    def to_input(self) -> services.EventInput:
        data = self.cleaned_data
        starts_at = timezone.make_aware(dt.datetime.combine(data["starts_on"], data["starts_time"]))
        return services.EventInput(
            kind=data["kind"],
            title=data["title"],
            starts_at=starts_at,
            location=data["location"],
            online=data["online"],
            organiser=data["organiser"],
            purpose=data["purpose"],
            case_material=data["case_material"],
            organisations=list(data["organisations"]),
            participants=list(data["participants"]),
        )


class RecordForm(StyledFormMixin, forms.Form):
    discussion = _checked(
        text_field(
            _("Wat is besproken"),
            TEXT_MAX_LENGTH,
            rows=8,
            help_text=_("Zonder namen of andere herkenbare gegevens van personen."),
        )
    )


class LearningPointForm(StyledFormMixin, forms.Form):
    text = _checked(text_field(_("Leerpunt"), TEXT_MAX_LENGTH, rows=4))
    theme = _checked(
        text_field(
            _("Thema"),
            services.THEME_MAX,
            help_text=_("Bijvoorbeeld „Informatiedeling” of „Wettelijke kaders”."),
        )
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Voor organisaties"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = selectors.member_organisations(  # type: ignore[attr-defined]
            collaboration
        )

    def to_input(self) -> services.LearningPointInput:
        data = self.cleaned_data
        return services.LearningPointInput(
            text=data["text"], theme=data["theme"], organisations=list(data["organisations"])
        )


class FollowUpForm(StyledFormMixin, forms.Form):
    text = _checked(text_field(_("Vervolgactie"), TEXT_MAX_LENGTH, rows=3))
    owner = forms.ModelChoiceField(label=_("Eigenaar"), queryset=Organisation.objects.none())
    due_on = date_field(_("Uiterlijk op"))

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.member_organisations(collaboration)  # type: ignore[attr-defined]

    def to_input(self) -> services.FollowUpInput:
        data = self.cleaned_data
        return services.FollowUpInput(text=data["text"], owner=data["owner"], due_on=data["due_on"])
