from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "schakel.cases"
    label = "cases"
    verbose_name = "Casussen en casusoverleg"
