"""The legal-basis catalogue, kept by functional admins: create, change, (de)activate, delete.

The catalogue is platform-wide and holds no personal data. Rules:

- The code is the basis's fixed key: the processing log names it (``legal_basis`` attribute of
  ``disclosure_recorded``), so it cannot change once a disclosure used the basis.
- A basis a disclosure refers to is never deleted; it is deactivated (no longer offered for new
  disclosures, still shown with the disclosures that used it).
- Every change is written to the processing log in the same transaction, without a data
  subject (there is none), under ``AccountActivity.ACCOUNT_ADMINISTRATION``: the register has no
  activity for keeping reference data; the record's only personal data is the acting employee,
  which is what that activity covers (functional admins' actions on the platform). Attributes
  are the basis's code and the names of the changed fields, never their text.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.activities import AccountActivity
from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.audit.models import ProcessingActivity
from schakel.core import validators
from schakel.core.validators import check_length, collect
from schakel.legal.models import LegalBasis
from schakel.network.choices import OrganisationKind

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE_MAX_LENGTH = 64
LINE_MAX_LENGTH = 200
POSITION_MAX = 32767
CODE_MESSAGE = gettext_lazy(
    "Een code bestaat uit kleine letters, cijfers en streepjes (bv. wet-pga), hoogstens 64 tekens."
)
# The fields a change may touch, in form order (for the log's list of changed fields).
FIELDS = (
    "code",
    "name",
    "name_en",
    "citation",
    "description",
    "organisation_kinds",
    "processing_activities",
    "position",
)


@dataclass(frozen=True)
class BasisInput:
    code: str
    name: str
    citation: str
    description: str
    name_en: str = ""
    organisation_kinds: list[str] = field(default_factory=list)
    processing_activities: list[ProcessingActivity] = field(default_factory=list)
    position: int = 100


def is_in_use(basis: LegalBasis) -> bool:
    """Whether a disclosure refers to the basis (then its code is fixed and it stays)."""
    return basis.pk is not None and basis.disclosures.exists()


def _text(errors: dict[str, list[str]], name: str, value: str, maximum: int, message: str) -> None:
    if not value.strip():
        errors.setdefault(name, []).append(message)
    check_length(errors, name, value, maximum)
    collect(errors, name, validators.validate_no_control_characters, value)


def _code_taken(code: str, basis: LegalBasis | None) -> bool:
    others = LegalBasis.objects.filter(code=code)
    if basis is not None:
        others = others.exclude(pk=basis.pk)
    return others.exists()


def _validate(data: BasisInput, basis: LegalBasis | None) -> None:
    errors: dict[str, list[str]] = {}
    code = data.code.strip()
    if not code:
        errors["code"] = [_("Vul de code in.")]
    elif len(code) > CODE_MAX_LENGTH or not CODE_PATTERN.match(code):
        errors["code"] = [str(CODE_MESSAGE)]
    elif basis is not None and code != basis.code and is_in_use(basis):
        errors["code"] = [_("De code ligt vast: er zijn verstrekkingen op deze grondslag gedaan.")]
    elif _code_taken(code, basis):
        errors["code"] = [_("Er is al een grondslag met deze code.")]
    _text(errors, "name", data.name, LINE_MAX_LENGTH, _("Vul de naam in."))
    if data.name_en:
        check_length(errors, "name_en", data.name_en, LINE_MAX_LENGTH)
        collect(errors, "name_en", validators.validate_no_control_characters, data.name_en)
    _text(errors, "citation", data.citation, LINE_MAX_LENGTH, _("Vul de vindplaats in."))
    _text(
        errors,
        "description",
        data.description,
        validators.TEXT_MAX_LENGTH,
        _("Vul de omschrijving in."),
    )
    if not set(data.organisation_kinds) <= set(OrganisationKind.values):
        errors["organisation_kinds"] = [_("Onbekende soort organisatie.")]
    if not 0 <= data.position <= POSITION_MAX:
        errors["position"] = [
            _("De volgorde is een getal van 0 tot en met %(max)s.") % {"max": POSITION_MAX}
        ]
    if errors:
        raise ValidationError(errors)


def _log(by: User, name: str, basis: LegalBasis, **attributes: str | int) -> None:
    audit.log_processing(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION,
        name=name,
        by=by,
        attributes={"legal_basis": basis.code, **attributes},
    )


def _kinds(values: list[str]) -> list[str]:
    """Unique, in the order of the vocabulary."""
    return [kind for kind in OrganisationKind.values if kind in set(values)]


def basis_create(*, by: User, data: BasisInput) -> LegalBasis:
    _validate(data, None)
    try:
        with transaction.atomic():
            basis = LegalBasis.objects.create(
                code=data.code.strip(),
                name=data.name.strip(),
                name_en=data.name_en.strip(),
                citation=data.citation.strip(),
                description=data.description.strip(),
                organisation_kinds=_kinds(data.organisation_kinds),
                position=data.position,
            )
            basis.processing_activities.set(data.processing_activities)
            _log(by, "legal_basis.created", basis)
    except IntegrityError:  # the same code saved meanwhile
        raise ValidationError({"code": [_("Er is al een grondslag met deze code.")]}) from None
    return basis


def _current(basis: LegalBasis) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(basis, name) for name in FIELDS[:-2]}
    values["organisation_kinds"] = list(basis.organisation_kinds)
    values["processing_activities"] = sorted(
        basis.processing_activities.values_list("pk", flat=True)
    )
    values["position"] = basis.position
    return values


def basis_update(*, by: User, basis: LegalBasis, data: BasisInput) -> LegalBasis:
    """Change the basis; the code only while no disclosure used it."""
    _validate(data, basis)
    new: dict[str, object] = {
        "code": data.code.strip(),
        "name": data.name.strip(),
        "name_en": data.name_en.strip(),
        "citation": data.citation.strip(),
        "description": data.description.strip(),
        "organisation_kinds": _kinds(data.organisation_kinds),
        "processing_activities": sorted(a.pk for a in data.processing_activities),
        "position": data.position,
    }
    try:
        with transaction.atomic():
            locked = LegalBasis.objects.select_for_update().get(pk=basis.pk)
            old = _current(locked)
            changed = [name for name in FIELDS if old[name] != new[name]]
            if "code" in changed and is_in_use(locked):
                raise ValidationError(
                    {
                        "code": [
                            _("De code ligt vast: er zijn verstrekkingen op deze grondslag gedaan.")
                        ]
                    }
                )
            for name in FIELDS[:-2]:
                setattr(locked, name, new[name])
            locked.position = data.position
            locked.save()
            locked.processing_activities.set(data.processing_activities)
            _log(by, "legal_basis.updated", locked, fields=",".join(changed))
    except IntegrityError:
        raise ValidationError({"code": [_("Er is al een grondslag met deze code.")]}) from None
    return locked


def basis_set_active(*, by: User, basis: LegalBasis, active: bool) -> LegalBasis:
    """Deactivate (no longer offered for new disclosures) or activate again."""
    with transaction.atomic():
        locked = LegalBasis.objects.select_for_update().get(pk=basis.pk)
        if locked.is_active != active:
            locked.is_active = active
            locked.save(update_fields=["is_active", "updated_at"])
            name = "legal_basis.activated" if active else "legal_basis.deactivated"
            _log(by, name, locked)
    return locked


def basis_delete(*, by: User, basis: LegalBasis) -> None:
    """Remove a basis no disclosure ever used (e.g. one added by mistake)."""
    with transaction.atomic():
        locked = LegalBasis.objects.select_for_update().get(pk=basis.pk)
        if is_in_use(locked):
            raise ValidationError(
                _(
                    "Deze grondslag is gebruikt voor verstrekkingen en wordt niet verwijderd; "
                    "zet hem op inactief."
                )
            )
        _log(by, "legal_basis.deleted", locked)
        locked.delete()
