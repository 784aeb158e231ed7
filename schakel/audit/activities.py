"""The processing activities, as each app declares its own (``PROCESSING_ACTIVITIES``).

Every processing is logged under an activity of the register of processing activities (AVG
art. 30). The app that processes declares its activities in its own files: their keys (a
``TextChoices`` in ``schakel/<app>/activities.py``, the key in the log and its label) and their
register entries, contributed under ``PROCESSING_ACTIVITIES`` in its ``contributions.py``. The
register is installed from them after every ``migrate`` (``schakel.audit.register``); the log
writer refuses a key that no app declares (an error, so the action it logs is not done).
"""

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from schakel.core.extensions import PROCESSING_ACTIVITIES, contributions

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Who the register says the data is about, for the activities about persons.
PERSON = (
    "Betrokkenen (personen over wie een signaal of casus gaat) en personen in hun directe omgeving"
)


@dataclass(frozen=True)
class RegisterEntry:
    """One activity of the register: its key (with label) and what the register says of it."""

    activity: models.TextChoices  # a member: the key in the log, and its translated label
    name: str
    name_en: str
    purpose: str
    legal_basis: str
    data_categories: str
    data_subjects: str
    recipients: str
    retention: str
    position: int  # the place in the register and in choice lists

    @property
    def key(self) -> str:
        return str(self.activity.value)


@cache
def entries() -> tuple[RegisterEntry, ...]:
    """Every app's activities, in register order; a key used twice is a setup error."""
    found: list[RegisterEntry] = contributions(PROCESSING_ACTIVITIES)
    keys = [entry.key for entry in found]
    clashes = sorted({key for key in keys if keys.count(key) > 1 or not 0 < len(key) <= 64})
    if clashes:
        raise ImproperlyConfigured(f"Verwerkingsactiviteiten dubbel of ongeldig: {clashes}.")
    return tuple(sorted(found, key=lambda entry: entry.position))


def activity_choices() -> "list[tuple[str, StrOrPromise]]":
    """(key, label) of every activity, in register order; the label is translated when shown."""
    return [(entry.key, entry.activity.label) for entry in entries()]


@cache
def activity_keys() -> frozenset[str]:
    return frozenset(entry.key for entry in entries())


def activity_label(key: str) -> str:
    """The activity's label in the active language (the key itself for an unknown one)."""
    return next((str(label) for value, label in activity_choices() if value == key), key)
