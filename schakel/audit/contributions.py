"""What the processing log adds to the whole (``schakel.core.extensions``)."""

from schakel.audit.models import ChainHead


def _processing_log() -> str:
    return "ok" if ChainHead.objects.filter(pk=1).exists() else "missing"


HEALTH_CHECKS = [("processing_log", _processing_log)]
