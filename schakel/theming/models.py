"""The house style of this installation (issue 12): design tokens the platform operator set."""

from django.db import models
from django.db.models import Q

from schakel.core.models import BaseModel
from schakel.theming.choices import ThemeSource


class InstanceTheme(BaseModel):
    """Een huisstijl van deze installatie: design tokens, door Schakel gecontroleerd en
    herschreven. Hooguit één is actief; de eerdere blijven als geschiedenis."""

    name = models.CharField(max_length=100)
    source = models.CharField(max_length=10, choices=ThemeSource.choices)
    source_url = models.URLField(max_length=500, blank=True)
    # The stylesheet as Schakel wrote it (schakel.theming.tokens.normalised_css), never the
    # uploaded bytes; ``digest`` (SHA-256 of it) names it in its URL.
    css = models.TextField()
    digest = models.CharField(max_length=64)
    token_count = models.PositiveIntegerField()
    is_active = models.BooleanField(default=False)
    activated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=Q(is_active=True), name="theming_one_active_theme"
            )
        ]

    def __str__(self) -> str:
        return self.name
