"""Forms of the training pages. They check the shape; the services check every rule again."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import User
from schakel.core.forms import (
    StyledFormMixin,
    date_field,
    radio_field,
    text_field,
    time_field,
)
from schakel.network.models import Collaboration, Organisation
from schakel.training.choices import TargetGroup
from schakel.training.services import SessionInput, TrainingInput

NATIONAL = _("Landelijk (alle samenwerkingsverbanden)")


def euros_to_cents(value: str) -> int:
    """ "125", "125,50" or "1.250,00" euro as whole cents; ValueError for anything else."""
    text = value.strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    cents = amount * 100
    if cents != cents.to_integral_value() or cents < 0:
        raise ValueError(value)
    return int(cents)


class TrainingForm(StyledFormMixin, forms.Form):
    title = text_field(_("Titel"), 200)
    provider = text_field(_("Aanbieder"), 200, help_text=_("Bijvoorbeeld ROR."))
    description = text_field(
        _("Omschrijving"),
        rows=5,
        required=False,
        help_text=_("Geen persoonsgegevens van betrokkenen."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    duration = text_field(_("Duur"), 100, help_text=_("Bijvoorbeeld: 2 dagdelen."))
    cost = forms.CharField(
        label=_("Kosten per deelnemer in euro"),
        help_text=_("Bijvoorbeeld 125 of 125,50. Vul 0 in voor een gratis training."),
        max_length=20,
    )
    collaboration = forms.ModelChoiceField(
        label=_("Voor"), queryset=Collaboration.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, collaborations: QuerySet[Collaboration], national: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["collaboration"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = collaborations
        field.required = not national
        field.empty_label = str(NATIONAL) if national else None

    def clean_cost(self) -> int:
        try:
            return euros_to_cents(self.cleaned_data["cost"])
        except ValueError:
            raise forms.ValidationError(
                _("Vul een bedrag in euro in, zoals 125 of 125,50 (niet negatief).")
            ) from None

    def to_input(self) -> TrainingInput:
        data = self.cleaned_data
        return TrainingInput(
            title=data["title"],
            provider=data["provider"],
            description=data["description"],
            target_groups=list(data["target_groups"]),
            duration=data["duration"],
            cost_cents=data["cost"],
            collaboration=data["collaboration"],
        )


class SessionForm(StyledFormMixin, forms.Form):
    collaboration = forms.ModelChoiceField(
        label=_("Samenwerkingsverband"), queryset=Collaboration.objects.none()
    )
    day = date_field(_("Datum"))
    time = time_field(_("Begintijd"))
    form = radio_field(
        _("Vorm"), [("place", _("Op locatie")), ("online", _("Online"))], initial="place"
    )
    place = text_field(_("Plaats"), 200, required=False, help_text=_("Leeg bij online."))
    seats = forms.IntegerField(label=_("Aantal plaatsen"), min_value=1, max_value=10_000)
    registration_deadline = date_field(_("Aanmelden kan tot en met"))

    def __init__(self, *args: Any, collaborations: QuerySet[Collaboration], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["collaboration"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = collaborations

    def to_input(self) -> SessionInput:
        data = self.cleaned_data
        starts_at = timezone.make_aware(dt.datetime.combine(data["day"], data["time"]))
        return SessionInput(
            collaboration=data["collaboration"],
            starts_at=starts_at,
            online=data["form"] == "online",
            place="" if data["form"] == "online" else data["place"],
            seats=data["seats"],
            registration_deadline=data["registration_deadline"],
        )


class AllocationForm(StyledFormMixin, forms.Form):
    """One number field per member organisation of the session's collaboration."""

    def __init__(
        self, *args: Any, organisations: list[Organisation], current: dict[Any, int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = organisations
        for org in organisations:
            self.fields[f"org_{org.pk}"] = forms.IntegerField(
                label=org.name, min_value=0, max_value=10_000, initial=current.get(org.pk, 0)
            )

    def seats(self) -> dict[Any, int]:
        return {org.pk: self.cleaned_data[f"org_{org.pk}"] for org in self.organisations}


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A staff member by name and function, as their own organisation knows them."""

    def label_from_instance(self, obj: Any) -> str:
        user: User = obj
        if user.function_title:
            return f"{user.full_name} ({user.function_title})"
        return user.full_name


class RegistrationForm(StyledFormMixin, forms.Form):
    participant = StaffChoiceField(
        label=_("Deelnemer"),
        queryset=User.objects.none(),
        help_text=_("Een medewerker van uw organisatie met een account in Schakel."),
    )

    def __init__(self, *args: Any, participants: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["participant"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = participants


class AttendanceForm(StyledFormMixin, forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Aanwezig"), choices=[], required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["present"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices


class YearForm(forms.Form):
    jaar = forms.IntegerField(min_value=2000, max_value=2100, required=False)

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("jaar"):
            return int(self.cleaned_data["jaar"])
        return timezone.localdate().year
