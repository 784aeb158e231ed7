from django.apps import AppConfig


class ThemingConfig(AppConfig):
    name = "schakel.theming"
    label = "theming"
    verbose_name = "Huisstijl"
