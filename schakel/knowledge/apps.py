from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "schakel.knowledge"
    label = "knowledge"
    verbose_name = "Kennisbank"
