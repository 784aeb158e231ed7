from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "schakel.collaboration"
    label = "collaboration"
    verbose_name = "Samenwerkingsverbanden"
