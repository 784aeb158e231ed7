"""Forms of the consultation meetings. They parse what a person typed; the services in
``cases.meetings.services``, ``cases.plans.services`` and ``cases.meetings.disclosures`` decide
what is valid and their Dutch messages are put next to the field they are about.

No form here edits or deletes a disclosure: a correction is a new disclosure.
"""

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.accounts.choices import TABLE_ROLES
from schakel.accounts.models import Membership, User
from schakel.cases.choices import MeetingStatus
from schakel.cases.meetings.disclosures import DisclosureInput
from schakel.cases.meetings.services import PLACE_MAX_LENGTH, InvitationInput, MeetingInput
from schakel.cases.models import Case, ConsultationMeeting, Disclosure
from schakel.core.forms import RADIO_CLASS, StyledFormMixin, date_field, text_field, time_field
from schakel.intake.choices import DataCategory
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation

CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"


class _StaffChoiceField(forms.ModelChoiceField[User]):
    """Colleagues of one's own organisation: name and function."""

    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} ({obj.function_title})" if obj.function_title else obj.full_name


def zvh_staff(zvh: Organisation) -> QuerySet[User]:
    """The ZVH's active members who can act at the table (and so open the meeting they run)."""
    members = Membership.objects.active().filter(organisation=zvh, role__in=TABLE_ROLES)
    return User.objects.filter(memberships__in=members).distinct().order_by("full_name")


class MeetingForm(StyledFormMixin, forms.Form):
    """Plan a consultation: one day, a start and end time, a place and who runs it."""

    day = date_field(_("Datum"))
    start_time = time_field(_("Begintijd"), help_text=_("Bijvoorbeeld 09:30."))
    end_time = time_field(_("Eindtijd"), help_text=_("Bijvoorbeeld 09:30."))
    place = text_field(
        _("Plaats"),
        PLACE_MAX_LENGTH,
        help_text=_(
            "Een zaal of een verbinding; geen namen of andere persoonsgegevens. "
            "De plaats staat ook in de agenda van de deelnemers."
        ),
        required_message=_("Vul de plaats of de verbinding in."),
    )
    chair = _StaffChoiceField(label=_("Voorzitter"), queryset=User.objects.none())
    minute_taker = _StaffChoiceField(
        label=_("Notulist"), queryset=User.objects.none(), required=False
    )

    # Service keys that differ from the form's fields.
    SERVICE_FIELDS = {"starts_at": "start_time", "ends_at": "end_time"}

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = zvh_staff(membership.organisation)
        for name in ("chair", "minute_taker"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = staff
        minute_taker = self.fields["minute_taker"]
        assert isinstance(minute_taker, forms.ModelChoiceField)
        minute_taker.empty_label = _("Nog niet bekend")
        if not self.is_bound:
            self.initial.setdefault("chair", membership.user_id)

    def to_input(self) -> MeetingInput:
        data = self.cleaned_data
        day: date = data["day"]
        return MeetingInput(
            starts_at=_aware(day, data["start_time"]),
            ends_at=_aware(day, data["end_time"]),
            place=data["place"],
            chair=data["chair"],
            minute_taker=data["minute_taker"],
        )


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class _CaseChoiceField(forms.ModelChoiceField[Case]):
    """A case by its reference and directing municipality; never by the person's name."""

    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.reference} – {obj.directing_municipality.name}"


class AgendaItemForm(StyledFormMixin, forms.Form):
    case = _CaseChoiceField(
        label=_("Casus"),
        queryset=Case.objects.none(),
        help_text=_(
            "Open casussen van het Zorg- en Veiligheidshuis die nog niet op deze agenda staan."
        ),
        error_messages={
            "required": _("Kies een casus."),
            "invalid_choice": _("Deze casus kan niet op deze agenda."),
        },
    )

    def __init__(self, *args: Any, cases: QuerySet[Case], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "agenda")
        super().__init__(*args, **kwargs)
        field = self.fields["case"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = cases


class AttendanceForm(forms.Form):
    """The attendees the chair ticks as present; every other attendee is recorded absent."""

    present = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, attendance_ids: Iterable[object], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attendance_ids = [str(pk) for pk in attendance_ids]
        field = self.fields["present"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(pk, pk) for pk in self.attendance_ids]

    def present_by_id(self, ids: Iterable[object]) -> dict[object, bool]:
        ticked = set(self.cleaned_data["present"])
        return {pk: str(pk) in ticked for pk in ids}


MEETING_STATUS_CHANGES = (MeetingStatus.HELD, MeetingStatus.CANCELLED)


class MeetingStatusForm(forms.Form):
    status = forms.ChoiceField(choices=[(s.value, s.label) for s in MEETING_STATUS_CHANGES])


class AcknowledgeForm(forms.Form):
    """The confidentiality acknowledgment; ``punt`` returns to the agenda item that was asked."""

    punt = forms.UUIDField(required=False, widget=forms.HiddenInput)


class _OrganisationChoiceField(forms.ModelChoiceField[Organisation]):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


class InvitationForm(StyledFormMixin, forms.Form):
    """Invite an incidental partner to this agenda item only, for a period."""

    organisation = _OrganisationChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Actieve organisaties die nog niet aan tafel zitten. De organisatie ziet alleen dit "
            "agendapunt, en alleen in de gekozen periode."
        ),
        error_messages={
            "required": _("Kies de organisatie die u uitnodigt."),
            "invalid_choice": _("Deze organisatie kan niet worden uitgenodigd."),
        },
    )
    valid_from = date_field(_("Inzage vanaf"))
    valid_until = date_field(_("Inzage tot en met"))

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        meeting: ConsultationMeeting,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", "uitnodiging")
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations
        if not self.is_bound:
            today = timezone.localdate()
            meeting_day = timezone.localtime(meeting.starts_at).date()
            self.initial.setdefault("valid_from", today)
            self.initial.setdefault("valid_until", max(today, meeting_day))

    def to_input(self) -> InvitationInput:
        data = self.cleaned_data
        return InvitationInput(
            organisation=data["organisation"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
        )


class _LegalBasisChoiceField(forms.ModelChoiceField[LegalBasis]):
    def label_from_instance(self, obj: LegalBasis) -> str:
        return f"{obj.name} ({obj.citation})"


class _RecipientChoiceField(forms.ModelMultipleChoiceField[Organisation]):
    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


def legal_bases_for(organisation: Organisation) -> QuerySet[LegalBasis]:
    """The active bases that apply to this organisation's kind (``LegalBasis.applies_to``)."""
    # The catalogue is small, and `applies_to` is the one rule; JSON lookups differ per database.
    active = LegalBasis.objects.filter(is_active=True)
    ids = [basis.pk for basis in active if basis.applies_to(organisation.kind)]
    return LegalBasis.objects.filter(pk__in=ids).order_by("position", "name")


class DisclosureForm(StyledFormMixin, forms.Form):
    """Record (or correct) what one's organisation brings in, on which legal basis, to whom."""

    content = text_field(
        _("Wat brengt u in?"),
        rows=8,
        help_text=_("Alleen wat voor deze casus nodig is."),
        required_message=_("Vul in wat u inbrengt."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Soort persoonsgegevens"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        help_text=_("Kies elke soort die in de inbreng voorkomt."),
        error_messages={
            "required": _("Kies minstens één categorie persoonsgegevens."),
            "invalid_choice": _("Onbekende categorie persoonsgegevens."),
        },
    )
    legal_basis = _LegalBasisChoiceField(
        label=_("Grondslag"),
        queryset=LegalBasis.objects.none(),
        help_text=_("Alleen de grondslagen die voor uw organisatie gelden."),
        error_messages={
            "required": _("Kies de grondslag van de verstrekking."),
            "invalid_choice": _("Deze grondslag geldt niet voor uw organisatie."),
        },
    )
    purpose = text_field(
        _("Doel van de verstrekking"),
        rows=3,
        required_message=_("Vul het doel van de verstrekking in."),
    )
    necessity_note = text_field(
        _("Noodzaak, proportionaliteit en subsidiariteit"),
        rows=5,
        help_text=_(
            "Waarom is deze verstrekking nodig, staat zij in verhouding tot het doel, en kan het "
            "niet met minder gegevens?"
        ),
        required_message=_("Licht noodzaak, proportionaliteit en subsidiariteit toe."),
    )
    recipients = _RecipientChoiceField(
        label=_("Aan welke organisaties aan tafel?"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        help_text=_("U verstrekt alleen aan andere organisaties die aan tafel zitten."),
        error_messages={
            "required": _("Kies aan wie u de informatie verstrekt."),
            "invalid_choice": _("U verstrekt alleen aan andere organisaties aan tafel."),
            "invalid_pk_value": _("U verstrekt alleen aan andere organisaties aan tafel."),
        },
    )

    def __init__(
        self,
        *args: Any,
        membership: Membership,
        at_table: Iterable[Organisation],
        original: Disclosure | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        basis = self.fields["legal_basis"]
        assert isinstance(basis, forms.ModelChoiceField)
        basis.queryset = legal_bases_for(membership.organisation)
        recipients = self.fields["recipients"]
        assert isinstance(recipients, forms.ModelMultipleChoiceField)
        others = [org.pk for org in at_table if org.pk != membership.organisation_id]
        recipients.queryset = Organisation.objects.filter(pk__in=others).order_by("name")
        if original is not None and not self.is_bound:
            self.initial.update(
                content=original.content,
                categories=original.data_categories,
                legal_basis=original.legal_basis_id,
                purpose=original.purpose,
                necessity_note=original.necessity_note,
                recipients=[org.pk for org in original.recipients.all()],
            )

    def to_input(self) -> DisclosureInput:
        data = self.cleaned_data
        return DisclosureInput(
            content=data["content"],
            categories=list(data["categories"]),
            legal_basis=data["legal_basis"],
            purpose=data["purpose"],
            necessity_note=data["necessity_note"],
            recipients=list(data["recipients"]),
        )


class DecisionForm(StyledFormMixin, forms.Form):
    text = text_field(_("Besluit"), rows=5, required_message=_("Vul het besluit in."))
    category = forms.ChoiceField(
        label=_("Soort gegevens in het besluit"),
        choices=DataCategory.choices,
        initial=DataCategory.ORDINARY,
        widget=forms.RadioSelect(attrs={"class": RADIO_CLASS}),
        error_messages={"required": _("Kies de categorie van het besluit.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "besluit")
        super().__init__(*args, **kwargs)


class PlanAdoptForm(forms.Form):
    """Adopt the draft as the person saw it: the revision guards against a change meanwhile."""

    based_on_revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
