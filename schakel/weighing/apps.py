from django.apps import AppConfig


class WeighingConfig(AppConfig):
    name = "schakel.weighing"
    label = "weighing"
    verbose_name = "Weging"
