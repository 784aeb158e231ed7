from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "schakel.intake"
    label = "intake"
    verbose_name = "Meldpunt"
