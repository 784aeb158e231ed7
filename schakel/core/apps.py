from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "schakel.core"
    label = "core"
    verbose_name = "Schakel kern"
