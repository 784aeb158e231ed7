"""The register of processing activities (AVG art. 30) from what the apps declare, and the
chain's genesis.

Installed after every `migrate` (and after a test database flush) by a post_migrate handler, so
the register and the chain head always exist. Existing entries are brought up to date; the head
is created only for an empty log — a missing head beside existing records is tampering, and then
logging fails closed until an administrator investigates.
"""

from typing import Any

from django.db import transaction

from schakel.audit.activities import entries
from schakel.audit.chain import GENESIS_HASH

CONTROLLER = (
    "De burgemeester van de woongemeente (contactpunt) en de deelnemers aan het casusoverleg als "
    "gezamenlijk verwerkingsverantwoordelijken (Besluit Stb. 2025, 78, art. 2-3); voor "
    "accountbeheer de organisatie die Schakel aanbiedt."
)


def install(*, using: str = "default", **_: Any) -> None:
    from schakel.audit.models import ChainHead, LogRecord, ProcessingActivity

    with transaction.atomic(using=using):
        for entry in entries():
            ProcessingActivity.objects.using(using).update_or_create(
                key=entry.key,
                defaults={
                    "name": entry.name,
                    "name_en": entry.name_en,
                    "purpose": entry.purpose,
                    "legal_basis": entry.legal_basis,
                    "data_categories": entry.data_categories,
                    "data_subject_categories": entry.data_subjects,
                    "recipients": entry.recipients,
                    "retention": entry.retention,
                    "controller": CONTROLLER,
                },
            )
        heads = ChainHead.objects.using(using)
        if not heads.exists() and not LogRecord.objects.using(using).exists():
            heads.create(pk=1, sequence=0, record_hash=GENESIS_HASH)
