from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "schakel.search"
    label = "search"
    verbose_name = "Zoeken"
