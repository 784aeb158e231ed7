"""Sections other apps add to the case page (``CASE_SECTIONS``), below the case's own.

An app above cases contributes, in its ``contributions.py``, functions of (acting membership,
case) that return a ``CaseSection`` for that person, or None where they may not see one. The
section's template renders ``section`` (its heading carries ``section.anchor`` as id); the
page lists each section in its table of contents. The function decides who sees it: the case
page shows whatever comes back.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from schakel.accounts.models import Membership
from schakel.cases.models import Case
from schakel.core.extensions import CASE_SECTIONS, contributions

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class CaseSection:
    anchor: str
    title: "StrOrPromise"
    template: str
    context: dict[str, Any] = field(default_factory=dict)


SectionMaker = Callable[[Membership | None, Case], CaseSection | None]


def case_sections(membership: Membership | None, case: Case) -> list[CaseSection]:
    makers: list[SectionMaker] = contributions(CASE_SECTIONS)
    return [section for make in makers if (section := make(membership, case)) is not None]
