"""The knowledge pages' objects for the reflow test (``tests/e2e/reflow_helpers.py``), to be
added there after ``collaboration_world`` (which makes the municipal lead of Aldermeer the
collaboration's coordinator):

    kwargs.update(knowledge_world(personas, collaboration))

and ``"knowledge:attachment_download": "a download, not a page (knowledge/tests/test_views.py)"``
in its ``SKIPPED``."""

from collections.abc import Callable
from typing import Any

from schakel.knowledge.tests.conftest import add_item, pdf
from schakel.network.models import Collaboration


def knowledge_world(
    personas: Any, collaboration: Collaboration
) -> dict[str, Callable[[], dict[str, Any]]]:
    item = add_item(
        personas.lead_a,
        collaboration,
        "Handboek signalering",
        body="Hoe partners signalen herkennen.",
        themes=["Signalering"],
        attachment=pdf(),
    )
    ids = {"pk": item.pk, "version": item.versions.get().pk}
    return {
        "knowledge:item_detail": lambda: {"pk": ids["pk"]},
        "knowledge:item_edit": lambda: {"pk": ids["pk"]},
        "knowledge:version_detail": lambda: dict(ids),
        "knowledge:attachment_download": lambda: dict(ids),
    }
