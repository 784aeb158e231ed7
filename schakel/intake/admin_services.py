"""The platform operator keeps the list of phenomena (fenomenen) a signal is classified by.

A phenomenon is a label, not person data: no processing-log record is written. A phenomenon in
use is never deleted; it is switched off (``is_active``) so that old signals keep their label.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import Http404

from schakel.accounts.models import User
from schakel.intake.models import Phenomenon


def phenomenon_list_for_admin(*, user: User) -> QuerySet[Phenomenon]:
    """Every phenomenon, active or not, with the number of signals that carry it."""
    if not user.is_superuser:
        return Phenomenon.objects.none()
    return Phenomenon.objects.annotate(signal_count=Count("signals")).order_by("position", "name")


def phenomenon_get_for_admin(*, user: User, pk: uuid.UUID) -> Phenomenon:
    found = Phenomenon.objects.filter(pk=pk).first() if user.is_superuser else None
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class PhenomenonData:
    name: str
    name_en: str
    position: int
    is_active: bool


def phenomenon_save(
    *, by: User, data: PhenomenonData, phenomenon: Phenomenon | None = None
) -> Phenomenon:
    """Create a phenomenon, or change one (superuser only)."""
    if not by.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        target = phenomenon if phenomenon is not None else Phenomenon()
        target.name = data.name.strip()
        target.name_en = data.name_en.strip()
        target.position = data.position
        target.is_active = data.is_active
        target.full_clean()
        target.save()
    return target
