"""Disclosures at the table: recorded once, never changed; a correction is a new record.

A disclosure needs its data categories, a legal basis that applies to the disclosing
organisation, a purpose, and a necessity, proportionality and subsidiarity note. It goes to
organisations at the table for the agenda item.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.audit import services as audit
from schakel.cases import permissions
from schakel.cases.activities import CaseActivity
from schakel.cases.models import AgendaItem, Disclosure
from schakel.cases.selectors import organisations_at_item
from schakel.cases.services import subject_of, text_errors
from schakel.intake.choices import DataCategory
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation


@dataclass(frozen=True)
class DisclosureInput:
    content: str
    categories: list[str]
    legal_basis: LegalBasis | None
    purpose: str
    necessity_note: str
    recipients: list[Organisation]


def _validate(*, membership: Membership, item: AgendaItem, data: DisclosureInput) -> None:
    errors: dict[str, list[str]] = {}
    required = (
        ("content", _("Vul in wat u inbrengt.")),
        ("purpose", _("Vul het doel van de verstrekking in.")),
        ("necessity_note", _("Licht noodzaak, proportionaliteit en subsidiariteit toe.")),
    )
    for name, message in required:
        value = getattr(data, name)
        if not value.strip():
            errors[name] = [message]
        text_errors(errors, name, value)
    if not data.categories:
        errors["categories"] = [_("Kies minstens één categorie persoonsgegevens.")]
    elif not set(data.categories) <= set(DataCategory.values):
        errors["categories"] = [_("Onbekende categorie persoonsgegevens.")]
    if data.legal_basis is None or not data.legal_basis.is_active:
        errors["legal_basis"] = [_("Kies de grondslag van de verstrekking.")]
    elif not data.legal_basis.applies_to(membership.organisation.kind):
        errors["legal_basis"] = [_("Deze grondslag geldt niet voor uw organisatie.")]
    at_table = {org.pk for org in organisations_at_item(item)}
    recipients = {org.pk for org in data.recipients}
    if not recipients:
        errors["recipients"] = [_("Kies aan wie u de informatie verstrekt.")]
    elif not recipients <= at_table - {membership.organisation_id}:
        errors["recipients"] = [_("U verstrekt alleen aan andere organisaties aan tafel.")]
    if errors:
        raise ValidationError(errors)


def _create(
    *,
    membership: Membership,
    item: AgendaItem,
    data: DisclosureInput,
    corrects: Disclosure | None,
) -> Disclosure:
    basis = data.legal_basis
    if basis is None:  # validated before; keeps the type checker and the reader sure
        raise ValidationError({"legal_basis": [_("Kies de grondslag van de verstrekking.")]})
    with transaction.atomic():
        disclosure = Disclosure.objects.create(
            agenda_item=item,
            from_organisation=membership.organisation,
            disclosed_by=membership.user,
            content=data.content.strip(),
            has_ordinary_data=DataCategory.ORDINARY in data.categories,
            has_special_data=DataCategory.SPECIAL in data.categories,
            has_criminal_data=DataCategory.CRIMINAL in data.categories,
            legal_basis=basis,
            purpose=data.purpose.strip(),
            necessity_note=data.necessity_note.strip(),
            corrects=corrects,
        )
        disclosure.recipients.set(data.recipients)
        audit.log_processing(
            activity=CaseActivity.CASE_CONSULTATION,
            name="disclosure_corrected" if corrects else "disclosure_recorded",
            by=membership.user,
            subjects=[subject_of(item.case)],
            attributes={
                "legal_basis": basis.code,
                "categories": ",".join(sorted(data.categories)),
                "recipients": len(data.recipients),
            },
        )
    return disclosure


def disclosure_record(
    *, membership: Membership, item: AgendaItem, data: DisclosureInput
) -> Disclosure:
    """``item`` must come from ``agenda_item_get_for`` (the access check)."""
    if not permissions.may_disclose(membership, item):
        raise PermissionDenied
    _validate(membership=membership, item=item, data=data)
    return _create(membership=membership, item=item, data=data, corrects=None)


def disclosure_correct(
    *, membership: Membership, original: Disclosure, data: DisclosureInput
) -> Disclosure:
    """Correct a disclosure by a new one that points at it; only the disclosing organisation
    corrects, and each disclosure is corrected at most once (correct the correction next)."""
    item = original.agenda_item
    if (
        not permissions.may_disclose(membership, item)
        or original.from_organisation_id != membership.organisation_id
    ):
        raise PermissionDenied
    if Disclosure.objects.filter(corrects=original).exists():
        raise ValidationError(
            {"corrects": [_("Deze verstrekking is al gecorrigeerd; corrigeer de correctie.")]}
        )
    _validate(membership=membership, item=item, data=data)
    try:
        return _create(membership=membership, item=item, data=data, corrects=original)
    except IntegrityError:  # someone corrected it at the same moment
        raise ValidationError(
            {"corrects": [_("Deze verstrekking is al gecorrigeerd; corrigeer de correctie.")]}
        ) from None
