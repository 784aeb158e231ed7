from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeSource(models.TextChoices):
    UPLOAD = "upload", _("Geüpload bestand")
    URL = "url", _("Opgehaald van een adres")
