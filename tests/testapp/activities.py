"""The test app's own processing activity, declared as a new app would (no other app edited)."""

from django.db import models

from schakel.audit.activities import PERSON, RegisterEntry


class TestappActivity(models.TextChoices):
    NOTE_KEEPING = "testapp_note_keeping", "Proefnotities bijhouden"


REGISTER = [
    RegisterEntry(
        activity=TestappActivity.NOTE_KEEPING,
        name="Proefnotities bijhouden",
        name_en="Keeping test notes",
        purpose="Alleen in tests: een nieuwe app geeft een activiteit aan het register.",
        legal_basis="Geen (testomgeving)",
        data_categories="Fictieve notities over fictieve personen",
        data_subjects=PERSON,
        recipients="Regionaal coördinator",
        retention="Volgens de bewaarregel testapp_person_note",
        position=1000,
    )
]
