"""Who holds which role in a regional collaboration (``network.Collaboration``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.collaboration.choices import CollaborationRoleKind
from schakel.core.models import BaseModel
from schakel.network.models import Collaboration


class CollaborationRole(BaseModel):
    """Rol in een samenwerkingsverband: a membership (a person acting for an organisation)
    holds a role such as chair or regional coordinator in one collaboration."""

    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("lidmaatschap"),
        on_delete=models.CASCADE,
        related_name="collaboration_roles",
    )
    kind = models.CharField(_("rol"), max_length=32, choices=CollaborationRoleKind.choices)

    class Meta:
        ordering = ["collaboration__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "membership", "kind"], name="unique_collaboration_role"
            )
        ]
        verbose_name = _("rol in een samenwerkingsverband")
        verbose_name_plural = _("rollen in samenwerkingsverbanden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.collaboration}"
