"""Every form's fields say specifically what is missing or wrong, in Dutch; a form's own
message is kept; a submitted folded section with input is shown open."""

from django import forms
from django.utils import translation

from schakel.core.forms import (
    StyledFormMixin,
    date_field,
    error_summary,
    has_input,
    radio_field,
    text_field,
)


class ExampleForm(StyledFormMixin, forms.Form):
    name = text_field("Naam", 50)
    day = date_field("Waargenomen op")
    kind = radio_field("Soort", [("a", "A"), ("b", "B")])
    count = forms.IntegerField(label="Aantal", error_messages={"invalid": "Eigen melding."})
    note = forms.CharField(label="Toelichting", required=False)
    reason = forms.CharField(label="Reden", required=False)


# Required by a service, not by the form (as the privacy officer's reason for supervision).
ExampleForm.base_fields["reason"].shown_required = True  # type: ignore[attr-defined]


def errors_of(data: dict[str, str]) -> dict[str, list[str]]:
    form = ExampleForm(data)
    with translation.override("nl"):
        form.is_valid()
        return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def test_missing_fields_are_named() -> None:
    errors = errors_of({})
    assert errors["name"] == ["Vul „Naam” in."]
    assert errors["day"] == ["Vul bij „Waargenomen op” een datum in als 31-12-2026."]
    assert errors["kind"] == ["Kies bij „Soort” een van de mogelijkheden."]


def test_invalid_values_say_what_is_expected() -> None:
    errors = errors_of({"name": "x", "day": "31-02-2026", "kind": "c", "count": "veel"})
    assert errors["day"] == ["Vul een bestaande datum in als 31-12-2026."]
    assert errors["kind"] == ["Kies een van de mogelijkheden die er staan."]
    assert errors["count"] == ["Eigen melding."]  # the form's own message wins


def test_a_date_is_typed_the_dutch_way_or_picked() -> None:
    for typed in ("31-12-2025", "2025-12-31"):
        form = ExampleForm({"name": "x", "day": typed, "kind": "a", "count": "1"})
        assert form.is_valid(), form.errors


def test_the_summary_does_not_repeat_a_label_the_message_names() -> None:
    form = ExampleForm({"day": "morgen"})
    with translation.override("nl"):
        form.is_valid()
        items = {item.anchor: item for item in error_summary(form)}
    assert items["id_name"].label == ""
    assert items["id_day"].label == "Waargenomen op"  # "Vul een bestaande datum in …"


def test_a_field_the_service_requires_is_marked_required() -> None:
    form = ExampleForm()
    assert form.fields["reason"].widget.attrs["aria-required"] == "true"
    assert "aria-required" not in form.fields["note"].widget.attrs


def test_a_section_with_input_or_a_message_is_open() -> None:
    assert not has_input(ExampleForm(), "note")
    assert not has_input(ExampleForm({"name": "x"}), "note")
    assert has_input(ExampleForm({"note": "iets"}), "note")
    assert has_input(ExampleForm({}), "name")  # a message
