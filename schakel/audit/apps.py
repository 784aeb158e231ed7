from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_register(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from schakel.audit.register import install

    install(using=using)


class AuditConfig(AppConfig):
    name = "schakel.audit"
    label = "audit"
    verbose_name = "Logboek dataverwerkingen"

    def ready(self) -> None:
        post_migrate.connect(_install_register, sender=self, dispatch_uid="schakel.audit.register")
