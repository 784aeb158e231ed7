"""The search forms: a reference (GET or POST), and a name (POST only: a name never goes in a
URL). The header's single box posts ``zoekterm``: a reference, or for the roles with name search,
a name (``split_name``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.core.forms import StyledFormMixin, text_field
from schakel.intake.convergence.normalise import PREFIX_TOKENS
from schakel.search.lookup import is_long_enough

TERM_MAX_LENGTH = 120


class ReferenceForm(StyledFormMixin, forms.Form):
    referentie = text_field(
        _("Kenmerk"),
        40,
        help_text=_("Bijvoorbeeld CAS-2026-0042, SIG-2026-0007 of PER-2026-0003."),
        required_message=_("Vul een kenmerk in."),
        autocomplete="off",
        spellcheck="false",
    )


class NameForm(StyledFormMixin, forms.Form):
    voornaam = text_field(
        _("Voornaam"), TERM_MAX_LENGTH, required=False, autocomplete="off", spellcheck="false"
    )
    achternaam = text_field(
        _("Achternaam"),
        TERM_MAX_LENGTH,
        help_text=_("Minstens drie letters, met tussenvoegsel als u dat weet."),
        required_message=_("Vul een achternaam in."),
        autocomplete="off",
        spellcheck="false",
    )

    def clean_achternaam(self) -> str:
        surname: str = self.cleaned_data["achternaam"]
        if not is_long_enough(surname):
            raise forms.ValidationError(
                _("Vul minstens drie letters van de achternaam in."), code="too_short"
            )
        return surname


def split_name(text: str) -> tuple[str, str]:
    """The header box's name as given names and a surname: the surname starts at the first
    prefix word ("van", "de", "ter", …: "Daan Pieter van Hoogeveld", "van Hoogeveld"), or else
    is the last word ("Daan Hoogeveld"); one word is a surname."""
    words = text.split()
    for position, word in enumerate(words):
        if word.casefold() in PREFIX_TOKENS and position < len(words) - 1:
            return " ".join(words[:position]), " ".join(words[position:])
    if len(words) < 2:
        return "", text.strip()
    return " ".join(words[:-1]), words[-1]
