"""Helpers shared by the regression tests of the security review of issue 5."""

from datetime import timedelta

from django.utils import timezone

from schakel.privacy.retention.holds import HoldInput


def _hold(reference: str = "", kind: str = "", days: int = 60) -> HoldInput:
    return HoldInput(
        reference=reference,
        kind=kind,
        reason="Lopende procedure bij de rechtbank.",
        starts_on=None,
        ends_on=timezone.localdate() + timedelta(days=days),
    )
