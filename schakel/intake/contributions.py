"""What the meldpunt adds to the whole (``schakel.core.extensions``)."""

from schakel.intake import demo


def _demo_signals() -> str:
    added = demo.seed()
    return f"{added} fictieve demosignalen toegevoegd." if added else ""


DEMO_DATA = [_demo_signals]
