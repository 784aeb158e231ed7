from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "schakel.core"
    label = "core"
    verbose_name = "Schakel kern"

    def ready(self) -> None:
        # Registers the ``in_set`` lookup on UUID fields (schakel.core.lookups).
        from schakel.core import lookups  # noqa: F401
