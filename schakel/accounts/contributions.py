"""What accounts adds to the whole (``schakel.core.extensions``)."""

from schakel.accounts import demo


def _demo_region() -> str:
    return f"Demodata aanwezig: {len(demo.seed())} demo-accounts."


DEMO_DATA = [_demo_region]
