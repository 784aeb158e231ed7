"""Sections other apps add to a collaboration's home page (``COLLABORATION_SECTIONS``).

An app above ``collaboration`` contributes, in its ``contributions.py``, functions of (acting
membership, collaboration, the membership's role kinds in it) that return a
``CollaborationSection``, or None where there is nothing to show. The section's template renders
``section`` (its heading carries ``section.anchor`` as id); the home page lists each section in
its table of contents, in the order of the layers. The function decides what it shows; the home
page is reached only by members (``selectors.collaboration_for``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from schakel.accounts.models import Membership
from schakel.core.extensions import COLLABORATION_SECTIONS, contributions
from schakel.network.models import Collaboration

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class CollaborationSection:
    anchor: str
    title: "StrOrPromise"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


SectionMaker = Callable[
    [Membership | None, Collaboration, frozenset[str]], CollaborationSection | None
]


def collaboration_sections(
    membership: Membership | None, collaboration: Collaboration, roles: frozenset[str]
) -> list[CollaborationSection]:
    makers: list[SectionMaker] = contributions(COLLABORATION_SECTIONS)
    return [
        section
        for make in makers
        if (section := make(membership, collaboration, roles)) is not None
    ]
