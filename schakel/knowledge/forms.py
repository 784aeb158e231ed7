"""Forms of the knowledge base: the filters of the list, and an item with a version."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.forms import StyledFormMixin, date_field, radio_field, text_field
from schakel.knowledge import services
from schakel.knowledge.choices import KnowledgeKind
from schakel.knowledge.models import (
    BODY_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    KnowledgeItem,
    Theme,
)
from schakel.knowledge.selectors import NATIONAL, Filters
from schakel.network.models import Collaboration, Organisation

NO_PERSON_DATA = _("Geen namen of andere gegevens van personen over wie een casus gaat.")


class FilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=_("Zoekwoorden"), required=False, max_length=200)
    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *KnowledgeKind.choices]
    )
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        required=False,
        queryset=Theme.objects.all(),
        empty_label=_("Alle thema's"),
    )
    bereik = forms.ChoiceField(label=_("Samenwerkingsverband"), required=False)

    def __init__(self, *args: Any, collaborations: list[Collaboration], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bereik"].choices = [  # type: ignore[attr-defined]
            ("", _("Alle")),
            (NATIONAL, _("Landelijk")),
            *((str(c.pk), c.name) for c in collaborations),
        ]
        # Only the themes of items the searcher may see: a theme name says what others work on.
        visible = KnowledgeItem.objects.filter(
            Q(collaboration__isnull=True) | Q(collaboration__in=[c.pk for c in collaborations])
        )
        self.fields["thema"].queryset = Theme.objects.filter(  # type: ignore[attr-defined]
            pk__in=visible.values("themes")
        )

    def filters(self) -> Filters:
        """The valid filters; an unknown value is left out (the form says so)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        theme = data.get("thema")
        return Filters(
            q=data.get("q", "") or "",
            kind=data.get("soort", "") or "",
            theme=theme.pk if theme else None,
            scope=data.get("bereik", "") or "",
        )


class ItemForm(StyledFormMixin, forms.Form):
    """An item's description and a version's content. ``scopes`` (on create only): where it
    may be added, as (value, label) with ``NATIONAL`` for national."""

    bereik = forms.ChoiceField(label=_("Waar hoort het bij?"))
    kind = radio_field(_("Soort"), KnowledgeKind.choices)
    title = text_field(_("Titel"), TITLE_MAX_LENGTH)
    summary = text_field(_("Samenvatting"), SUMMARY_MAX_LENGTH, rows=3, help_text=NO_PERSON_DATA)
    themes = text_field(
        _("Thema's"),
        300,
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Online radicalisering, Jongeren."),
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Eigenaar"), queryset=Organisation.objects.none()
    )
    owner_is_me = forms.BooleanField(
        label=_("Ik ben de contactpersoon (getoond als functie – organisatie – postbus)"),
        required=False,
    )
    review_on = date_field(
        _("Herzien op"),
        required=False,
        help_text=_("Op deze datum komt een herinnering in Mijn werk van de eigenaar."),
    )
    body = text_field(
        _("Tekst"),
        BODY_MAX_LENGTH,
        required=False,
        rows=10,
        help_text=_("Een tekst, een bijlage of allebei. Geen gegevens van betrokkenen."),
    )
    attachment = forms.FileField(
        label=_("Bijlage"),
        required=False,
        help_text=_("Eén PDF-, ODT- of DOCX-bestand."),
    )
    keep_attachment = forms.BooleanField(
        label=_("De bijlage van de vorige versie behouden"), required=False, initial=True
    )
    note = text_field(
        _("Toelichting bij deze versie"),
        NOTE_MAX_LENGTH,
        help_text=_("Wat is er nieuw of anders? Bijvoorbeeld: eerste versie."),
    )

    def __init__(
        self,
        *args: Any,
        membership: Membership,
        scopes: list[tuple[str, str]] | None = None,
        owners: list[Organisation],
        had_attachment: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if scopes is None:
            del self.fields["bereik"]
        else:
            self.fields["bereik"].choices = scopes  # type: ignore[attr-defined]
            if len(scopes) == 1:
                self.fields["bereik"].initial = scopes[0][0]
        if not had_attachment:
            del self.fields["keep_attachment"]
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=[o.pk for o in owners]
        ).order_by("name")
        self.fields["owner_organisation"].initial = membership.organisation_id

    @classmethod
    def initial_of(cls, item: KnowledgeItem, membership: Membership, body: str) -> dict[str, Any]:
        return {
            "kind": item.kind,
            "title": item.title,
            "summary": item.summary,
            "themes": ", ".join(t.name for t in item.themes.all()),
            "owner_organisation": item.owner_organisation_id,
            "owner_is_me": item.owner_membership_id == membership.pk,
            "review_on": item.review_on,
            "body": body,
            "keep_attachment": True,
        }

    def item_input(self) -> services.ItemInput:
        data = self.cleaned_data
        return services.ItemInput(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"],
            themes=[t.strip() for t in data["themes"].split(",") if t.strip()],
            owner_organisation=data["owner_organisation"],
            owner_is_me=bool(data["owner_is_me"]),
            review_on=data["review_on"],
        )

    def version_input(self) -> services.VersionInput:
        data = self.cleaned_data
        return services.VersionInput(
            note=data["note"],
            body=data["body"],
            attachment=data.get("attachment"),
            keep_attachment=bool(data.get("keep_attachment", False)),
        )
