"""Forms of staff safety: they read input; the services check it (Dutch messages per field)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership, User
from schakel.core.forms import StyledFormMixin, date_field, radio_field, text_field
from schakel.staff_safety import services
from schakel.staff_safety.choices import IncidentChannel, IncidentKind, IncidentStatus, SupportKind

NO_NAMES = _(
    "Beschrijf wat er gebeurde zonder de naam, het adres of andere gegevens van de dader of van "
    "een betrokkene; verwijs naar een casus met het casusnummer."
)


class StaffMemberField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.function_title})"


class FollowUpFields(StyledFormMixin, forms.Form):
    police_report_filed = forms.BooleanField(label=_("Aangifte gedaan"), required=False)
    police_report_on = date_field(_("Datum van de aangifte"), required=False)
    employer_details_used = forms.BooleanField(
        label=_("Aangifte gedaan met de gegevens van de werkgever in plaats van het woonadres"),
        required=False,
    )
    employer_details_note = text_field(
        _("Toelichting bij de aangifte"),
        required=False,
        rows=3,
        help_text=_("Bijvoorbeeld: aangifte onder nummer, gedaan via de werkgever."),
    )
    support = forms.MultipleChoiceField(
        label=_("Geboden ondersteuning"),
        choices=SupportKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    support_note = text_field(_("Toelichting bij de ondersteuning"), required=False, rows=3)

    def follow_up(self) -> services.FollowUpInput:
        data = self.cleaned_data
        return services.FollowUpInput(
            police_report_filed=bool(data.get("police_report_filed")),
            police_report_on=data.get("police_report_on"),
            employer_details_used=bool(data.get("employer_details_used")),
            employer_details_note=data.get("employer_details_note") or "",
            support=tuple(data.get("support") or ()),
            support_note=data.get("support_note") or "",
        )


class IncidentForm(FollowUpFields):
    staff_member = StaffMemberField(
        label=_("Over wie gaat de melding?"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Leeg: de melding gaat over uzelf."),
    )
    occurred_on = date_field(_("Datum van het incident"))
    kind = radio_field(_("Soort incident"), IncidentKind.choices)
    channel = radio_field(_("Hoe vond het plaats?"), IncidentChannel.choices)
    description = text_field(_("Wat is er gebeurd?"), rows=6, help_text=NO_NAMES)

    field_order = ["staff_member", "occurred_on", "kind", "channel", "description"]

    def __init__(self, *args: Any, colleagues: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if colleagues is None:
            del self.fields["staff_member"]
        else:
            self.fields["staff_member"].queryset = colleagues  # type: ignore[attr-defined]

    def to_input(self) -> services.IncidentInput:
        data = self.cleaned_data
        return services.IncidentInput(
            staff_member=data.get("staff_member"),
            occurred_on=data.get("occurred_on"),
            kind=data.get("kind") or "",
            channel=data.get("channel") or "",
            description=data.get("description") or "",
            follow_up=self.follow_up(),
        )


class FollowUpForm(FollowUpFields):
    status = radio_field(_("Status"), IncidentStatus.choices)


class ProtocolForm(StyledFormMixin, forms.Form):
    report_mailbox = forms.EmailField(
        label=_("Algemene mailbox voor meldingen"),
        help_text=_("Een functionele mailbox, geen persoonlijk adres."),
    )
    officer_function = text_field(
        _("Functie van de veiligheidscoördinator"), 200, help_text=_("De functie, geen naam.")
    )
    officer_mailbox = forms.EmailField(label=_("Mailbox van de veiligheidscoördinator"))
    employer_name = text_field(_("Naam van de werkgever voor een aangifte"), 200)
    employer_address = text_field(_("Adres van de werkgever voor een aangifte"), rows=3)
    when_threatened = text_field(_("Wat te doen bij bedreiging"), rows=8)
    public_documents = text_field(
        _("Afspraken over openbare stukken"),
        required=False,
        rows=4,
        help_text=_(
            "Aanvullend op de vaste afspraak: geen namen van medewerkers in openbare stukken."
        ),
    )

    def to_input(self) -> services.ProtocolInput:
        return services.ProtocolInput(
            **{name: self.cleaned_data.get(name) or "" for name in self.fields}
        )


class DesignateForm(StyledFormMixin, forms.Form):
    membership = forms.ModelChoiceField(label=_("Medewerker"), queryset=Membership.objects.none())

    def __init__(self, *args: Any, memberships: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = memberships  # type: ignore[attr-defined]
        field.label_from_instance = (  # type: ignore[attr-defined]
            lambda m: f"{m.user.full_name} – {m.get_role_display()}"
        )
