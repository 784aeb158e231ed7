from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeKind(models.TextChoices):
    """What a knowledge item is (product.md §E: handbooks, factsheets, protocols, products)."""

    HANDBOOK = "handbook", _("Handboek")
    FACTSHEET = "factsheet", _("Factsheet")
    PROTOCOL = "protocol", _("Protocol")
    PRODUCT = "product", _("Product of anders")
