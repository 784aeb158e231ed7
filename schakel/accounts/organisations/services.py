"""Writes on organisations, intervention options, regions, service areas and collaborations.

Each change is logged as account administration (it concerns no data subject) in the same
transaction. Values are not logged, only which object and which fields changed.
"""

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from schakel.accounts.activities import AccountActivity
from schakel.accounts.models import User
from schakel.accounts.organisations import permissions
from schakel.accounts.organisations.selectors import organisations_managed_by
from schakel.audit.services import AttributeValue, log_processing
from schakel.network.choices import CollaborationKind, OrganisationKind
from schakel.network.models import (
    Collaboration,
    InterventionOption,
    Organisation,
    Region,
    ZvhServiceArea,
)


def _log(name: str, *, by: User, **attributes: AttributeValue) -> None:
    log_processing(
        activity=AccountActivity.ACCOUNT_ADMINISTRATION, name=name, by=by, attributes=attributes
    )


def _require(allowed: bool) -> None:
    # The views already answer 404; this guards the services against any other caller (API).
    if not allowed:
        raise PermissionDenied


def _require_managed(by: User, organisation_id: uuid.UUID) -> None:
    _require(organisations_managed_by(user=by).filter(pk=organisation_id).exists())


def organisation_create(
    *,
    by: User,
    name: str,
    kind: OrganisationKind | str,
    region: Region | None,
    mailbox: str,
    legal_framework: str = "",
    may_process_bsn: bool = False,
    is_active: bool = True,
) -> Organisation:
    _require(permissions.may_create_organisation(by))
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name,
            kind=kind,
            region=region,
            mailbox=mailbox,
            legal_framework=legal_framework,
            may_process_bsn=may_process_bsn,
            is_active=is_active,
        )
        _log("network.organisation.create", by=by, organisation=str(organisation.pk))
    return organisation


def organisation_update(
    *, by: User, organisation: Organisation, changes: dict[str, Any]
) -> Organisation:
    """Apply the changed fields; a functional admin may change the contact fields only."""
    _require(set(changes) <= permissions.editable_organisation_fields(by))
    _require_managed(by, organisation.pk)
    if not changes:
        return organisation
    with transaction.atomic():
        for field, value in changes.items():
            setattr(organisation, field, value)
        organisation.save(update_fields=[*changes, "updated_at"])
        _log(
            "network.organisation.update",
            by=by,
            organisation=str(organisation.pk),
            fields=",".join(sorted(changes)),
        )
    return organisation


def intervention_option_create(
    *, by: User, organisation: Organisation, name: str, description: str
) -> InterventionOption:
    _require_managed(by, organisation.pk)
    with transaction.atomic():
        option = InterventionOption.objects.create(
            organisation=organisation, name=name, description=description
        )
        _log(
            "network.intervention_option.create",
            by=by,
            organisation=str(organisation.pk),
            option=str(option.pk),
        )
    return option


def intervention_option_update(
    *, by: User, option: InterventionOption, name: str, description: str
) -> InterventionOption:
    _require_managed(by, option.organisation_id)
    with transaction.atomic():
        option.name, option.description = name, description
        option.save(update_fields=["name", "description", "updated_at"])
        _log(
            "network.intervention_option.update",
            by=by,
            organisation=str(option.organisation_id),
            option=str(option.pk),
        )
    return option


def intervention_option_delete(*, by: User, option: InterventionOption) -> None:
    _require_managed(by, option.organisation_id)
    with transaction.atomic():
        _log(
            "network.intervention_option.delete",
            by=by,
            organisation=str(option.organisation_id),
            option=str(option.pk),
        )
        option.delete()


def region_create(*, by: User, name: str) -> Region:
    _require(permissions.may_manage_network(by))
    with transaction.atomic():
        region = Region.objects.create(name=name)
        _log("network.region.create", by=by, region=str(region.pk))
    return region


def region_update(*, by: User, region: Region, name: str) -> Region:
    _require(permissions.may_manage_network(by))
    with transaction.atomic():
        region.name = name
        region.save(update_fields=["name", "updated_at"])
        _log("network.region.update", by=by, region=str(region.pk))
    return region


def zvh_service_area_set(
    *, by: User, zvh: Organisation, municipalities: Iterable[Organisation]
) -> None:
    """Make exactly these municipalities the ZVH's service area."""
    _require(permissions.may_set_service_area(by, zvh))
    wanted = {m.pk: m for m in municipalities}
    with transaction.atomic():
        current = set(zvh.service_areas.values_list("municipality_id", flat=True))
        removed, added = current - set(wanted), set(wanted) - current
        zvh.service_areas.filter(municipality_id__in=removed).delete()
        ZvhServiceArea.objects.bulk_create(
            ZvhServiceArea(zvh=zvh, municipality=wanted[pk]) for pk in added
        )
        _log(
            "network.service_area.set",
            by=by,
            organisation=str(zvh.pk),
            added=len(added),
            removed=len(removed),
        )


def collaboration_create(
    *,
    by: User,
    name: str,
    kind: CollaborationKind | str,
    region: Region | None,
    members: Iterable[Organisation],
) -> Collaboration:
    _require(permissions.may_manage_network(by))
    with transaction.atomic():
        collaboration = Collaboration.objects.create(name=name, kind=kind, region=region)
        collaboration.members.set(members)
        _log("network.collaboration.create", by=by, collaboration=str(collaboration.pk))
    return collaboration


def collaboration_update(
    *,
    by: User,
    collaboration: Collaboration,
    name: str,
    kind: CollaborationKind | str,
    region: Region | None,
    members: Iterable[Organisation],
) -> Collaboration:
    _require(permissions.may_manage_network(by))
    with transaction.atomic():
        collaboration.name, collaboration.kind, collaboration.region = name, kind, region
        collaboration.save(update_fields=["name", "kind", "region", "updated_at"])
        collaboration.members.set(members)
        _log("network.collaboration.update", by=by, collaboration=str(collaboration.pk))
    return collaboration
