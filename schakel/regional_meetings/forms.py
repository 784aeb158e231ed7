"""Forms of the meetings. They parse what a person typed; the services decide what is valid
(the person-data check, lengths, the schedule's rules) and their messages land on the fields.

Choices are computed for the collaboration: organisations are its members, staff are active
memberships of its member organisations, shown as function – organisation (mailbox)."""

from datetime import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.core.forms import StyledFormMixin, date_field, radio_field, text_field, time_field
from schakel.core.validators import NAME_MAX_LENGTH, TEXT_MAX_LENGTH
from schakel.network.models import Collaboration, Organisation
from schakel.regional_meetings.choices import AttachmentPart
from schakel.regional_meetings.services import MAX_DURATION, MIN_DURATION, SeriesInput

ANONYMOUS = _("Houd de tekst anoniem: geen namen, geboortedata of BSN van personen.")


class MembershipChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Membership) -> str:
        return staff_display(obj.user, obj.organisation)


class MembershipsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Membership) -> str:
        return staff_display(obj.user, obj.organisation)


def staff_of(collaboration: Collaboration) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(organisation__in=collaboration.members.all())
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__function_title", "pk")
    )


def duration_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=MIN_DURATION,
        max_value=MAX_DURATION,
        initial=120,
        help_text=_("Bijvoorbeeld 90 of 120."),
    )


def place_field() -> forms.CharField:
    return text_field(
        _("Plaats"),
        NAME_MAX_LENGTH,
        help_text=_("Een zaal en adres, of „Online” (de link staat in de uitnodiging)."),
    )


def combine(day: Any, at: Any) -> datetime | None:
    if day is None or at is None:
        return None
    return timezone.make_aware(datetime.combine(day, at))


class GroupForm(StyledFormMixin, forms.Form):
    name = text_field(_("Naam"), NAME_MAX_LENGTH)
    theme = text_field(_("Thema"), NAME_MAX_LENGTH, required=False)
    purpose = text_field(_("Doel"), TEXT_MAX_LENGTH, required=False, rows=4, help_text=ANONYMOUS)
    members = MembershipsChoiceField(
        label=_("Leden"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["members"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = staff_of(collaboration)


class SeriesForm(StyledFormMixin, forms.Form):
    title = text_field(
        _("Titel"), NAME_MAX_LENGTH, help_text=_("Bijvoorbeeld „Zesweeks bestuurlijk overleg”.")
    )
    place = place_field()
    first_on = date_field(_("Eerste datum"))
    start_time = time_field(_("Begintijd"))
    duration_minutes = duration_field()
    interval_weeks = forms.IntegerField(
        label=_("Om de hoeveel weken"), min_value=1, max_value=52, initial=6
    )
    until = date_field(
        _("Tot en met"), required=False, help_text=_("Vul een einddatum of een aantal keer in.")
    )
    count = forms.IntegerField(label=_("Aantal keer"), min_value=1, max_value=200, required=False)

    def to_input(self, working_group: Any) -> SeriesInput:
        data = self.cleaned_data
        return SeriesInput(
            title=data["title"],
            place=data["place"],
            first_on=data["first_on"],
            start_time=data["start_time"],
            duration_minutes=data["duration_minutes"],
            interval_weeks=data["interval_weeks"],
            until=data["until"],
            count=data["count"],
            working_group=working_group,
        )


class MeetingForm(StyledFormMixin, forms.Form):
    title = text_field(_("Titel"), NAME_MAX_LENGTH)
    place = place_field()
    day = date_field(_("Datum"))
    start_time = time_field(_("Begintijd"))
    duration_minutes = duration_field()


class MoveForm(StyledFormMixin, forms.Form):
    day = date_field(_("Nieuwe datum"))
    start_time = time_field(_("Nieuwe begintijd"))
    reason = text_field(_("Reden"), TEXT_MAX_LENGTH, rows=3, help_text=ANONYMOUS)


class CancelForm(StyledFormMixin, forms.Form):
    reason = text_field(_("Reden"), TEXT_MAX_LENGTH, rows=3, help_text=ANONYMOUS)


class OrganisationChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


def _members_of(field: forms.Field, collaboration: Collaboration) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = collaboration.members.order_by("name")


class AgendaItemForm(StyledFormMixin, forms.Form):
    title = text_field(_("Titel"), NAME_MAX_LENGTH)
    explanation = text_field(
        _("Toelichting"), TEXT_MAX_LENGTH, required=False, rows=3, help_text=ANONYMOUS
    )
    introduced_by = OrganisationChoice(
        label=_("Ingebracht door"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _members_of(self.fields["introduced_by"], collaboration)


class MinutesForm(StyledFormMixin, forms.Form):
    minutes = text_field(
        _("Notulen"), 50_000, required=False, rows=14, help_text=ANONYMOUS, strip=False
    )


class AttachmentForm(StyledFormMixin, forms.Form):
    part = radio_field(_("Hoort bij"), AttachmentPart.choices, initial=AttachmentPart.MINUTES)
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, ODT of DOCX. Houd het document anoniem."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx"}),
    )


class DecisionForm(StyledFormMixin, forms.Form):
    text = text_field(_("Besluit"), TEXT_MAX_LENGTH, rows=3, help_text=ANONYMOUS)


class ActionForm(StyledFormMixin, forms.Form):
    description = text_field(_("Actie"), TEXT_MAX_LENGTH, rows=3, help_text=ANONYMOUS)
    owner = OrganisationChoice(
        label=_("Eigenaar (organisatie)"), queryset=Organisation.objects.none()
    )
    owner_membership = MembershipChoiceField(
        label=_("Eigenaar (persoon)"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Van de organisatie die eigenaar is."),
    )
    due_on = date_field(_("Uiterlijk op"))

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _members_of(self.fields["owner"], collaboration)
        field = self.fields["owner_membership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff_of(collaboration)
