from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "schakel.legal"
    label = "legal"
    verbose_name = "Grondslagen en bewaartermijnen"
