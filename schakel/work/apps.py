from django.apps import AppConfig


class WorkConfig(AppConfig):
    name = "schakel.work"
    label = "work"
    verbose_name = "Mijn werk"
