from typing import Any


def create(factory: Any, **fields: Any) -> Any:
    """factory_boy is untyped: typed tests build their objects through this one call."""
    return factory(**fields)
