from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "schakel.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # Registers the OpenAPI extension of the token authentication.
        from schakel.api import schema  # noqa: F401
