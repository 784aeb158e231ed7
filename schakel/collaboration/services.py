"""Writes on a collaboration's roles and the weighing arrangements it hosts.

Each write runs in one transaction. Who holds a role is staff data: assigning and ending a role
is logged (``log_processing``, the staff member as data subject). Linking an arrangement holds
no person data and is not logged. The views and the API decide who may call these
(``permissions.may_administer``); the services check what is valid, with Dutch messages.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.accounts.models import Membership
from schakel.audit.services import employee, log_processing
from schakel.collaboration.activities import CollaborationActivity
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.collaboration.models import CollaborationRole, HostedWeighing
from schakel.network.models import Collaboration
from schakel.weighing.models import WeighingArrangement


def _log_role(name: str, *, by: AbstractBaseUser | None, role: CollaborationRole) -> None:
    log_processing(
        activity=CollaborationActivity.COLLABORATION_ROLES,
        name=name,
        by=by,
        subjects=[employee(role.membership.user)],
        attributes={"collaboration": str(role.collaboration_id), "kind": role.kind},
    )


def role_assign(
    *,
    by: AbstractBaseUser | None,
    collaboration: Collaboration,
    membership: Membership | None,
    kind: str,
) -> CollaborationRole:
    """Give an active membership of a member organisation a role in the collaboration."""
    errors: dict[str, list[str]] = {}
    if kind not in CollaborationRoleKind.values:
        errors["kind"] = [_("Kies een van de rollen die er staan.")]
    if membership is None:
        errors["membership"] = [_("Kies een medewerker van een deelnemende organisatie.")]
    elif (
        not Membership.objects.active().filter(pk=membership.pk).exists()
        or not collaboration.members.filter(pk=membership.organisation_id).exists()
    ):
        errors["membership"] = [
            _(
                "Alleen een actief lidmaatschap bij een deelnemende organisatie van dit "
                "samenwerkingsverband kan een rol krijgen."
            )
        ]
    if errors:
        raise ValidationError(errors)
    assert membership is not None
    with transaction.atomic():
        if CollaborationRole.objects.filter(
            collaboration=collaboration, membership=membership, kind=kind
        ).exists():
            raise ValidationError(
                {"membership": [_("Deze medewerker heeft deze rol al in dit verband.")]}
            )
        role = CollaborationRole.objects.create(
            collaboration=collaboration, membership=membership, kind=kind
        )
        _log_role("collaboration.role_assigned", by=by, role=role)
    return role


def role_end(*, by: AbstractBaseUser | None, role: CollaborationRole) -> None:
    """End a role: it is removed; the processing log keeps that it was held and ended."""
    with transaction.atomic():
        _log_role("collaboration.role_ended", by=by, role=role)
        role.delete()


def hosting_add(
    *, collaboration: Collaboration, arrangement: WeighingArrangement | None
) -> HostedWeighing:
    """Let the collaboration host a weighing arrangement of its own municipalities."""
    if arrangement is None:
        raise ValidationError({"arrangement": [_("Kies een wegingsafspraak.")]})
    members = set(collaboration.members.values_list("pk", flat=True))
    municipalities = set(arrangement.municipalities.values_list("pk", flat=True))
    if not arrangement.is_active or not municipalities <= members:
        raise ValidationError(
            {
                "arrangement": [
                    _(
                        "Een samenwerkingsverband faciliteert alleen een actieve wegingsafspraak "
                        "van gemeenten die lid zijn van het verband."
                    )
                ]
            }
        )
    with transaction.atomic():
        hosted, created = HostedWeighing.objects.get_or_create(
            collaboration=collaboration, arrangement=arrangement
        )
        if not created:
            raise ValidationError(
                {"arrangement": [_("Dit verband faciliteert deze wegingsafspraak al.")]}
            )
    return hosted


def hosting_end(*, hosted: HostedWeighing) -> None:
    with transaction.atomic():
        hosted.delete()
