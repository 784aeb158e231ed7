"""Reads of the knowledge base, scoped by the acting membership; anything else is a 404.

The items hold no person data of data subjects (the services refuse it), so reads write no
processing log.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaborations_of, managed_by
from schakel.knowledge import permissions, search
from schakel.knowledge.models import KnowledgeItem, KnowledgeVersion
from schakel.network.models import Collaboration

NATIONAL = "landelijk"


def items_visible_to(membership: Membership | None) -> QuerySet[KnowledgeItem]:
    """National items and those of the membership's collaborations (none without one)."""
    if membership is None:
        return KnowledgeItem.objects.none()
    return KnowledgeItem.objects.filter(
        Q(collaboration__isnull=True)
        | Q(collaboration__in=collaborations_of(membership).values("pk"))
    ).select_related("collaboration", "owner_organisation")


def item_for(membership: Membership | None, pk: uuid.UUID) -> KnowledgeItem:
    found = items_visible_to(membership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def item_to_edit(membership: Membership | None, pk: uuid.UUID) -> KnowledgeItem:
    """A visible item the membership may write; 404 for any other."""
    item = item_for(membership, pk)
    if not permissions.may_edit(membership, item):
        raise Http404
    return item


def current_version(item: KnowledgeItem) -> KnowledgeVersion | None:
    return (
        item.versions.filter(is_current=True)
        .select_related("attachment", "created_by__user", "created_by__organisation")
        .first()
    )


def versions_of(item: KnowledgeItem) -> QuerySet[KnowledgeVersion]:
    return item.versions.select_related(
        "attachment", "created_by__user", "created_by__organisation"
    ).order_by("-number")


def version_for(item: KnowledgeItem, pk: uuid.UUID) -> KnowledgeVersion:
    found = versions_of(item).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class Filters:
    """What a list or search asks for: words, kind, theme (id), scope (a collaboration's id or
    ``NATIONAL``); empty values filter nothing."""

    q: str = ""
    kind: str = ""
    theme: uuid.UUID | None = None
    scope: str = ""


def search_for(
    membership: Membership | None, filters: Filters
) -> QuerySet[KnowledgeItem] | search.Ranked:
    """The visible items that match, best first (newest first without words)."""
    items = items_visible_to(membership)
    scopes: list[uuid.UUID | None] = [None]
    if membership is not None and filters.q.strip() and search.needs_scopes():
        scopes += list(collaborations_of(membership).values_list("pk", flat=True))
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.theme:
        items = items.filter(themes=filters.theme)
    if filters.scope == NATIONAL:
        items = items.filter(collaboration__isnull=True)
        scopes = [None]
    elif filters.scope:
        try:
            wanted = uuid.UUID(filters.scope)
        except ValueError:
            return items.none()
        items = items.filter(collaboration_id=wanted)
        scopes = [s for s in scopes if s == wanted]
    if filters.q.strip():
        return search.matching(
            items, filters.q, scopes=scopes, kind=filters.kind, theme=filters.theme
        )
    return items.order_by("-updated_at")


def writable_collaborations(membership: Membership | None) -> QuerySet[Collaboration]:
    """The collaborations in which the membership may add items."""
    return managed_by(membership).order_by("name")


def may_add(membership: Membership | None) -> bool:
    return (
        permissions.may_write_national(membership) or writable_collaborations(membership).exists()
    )


def recent_in(collaboration: Collaboration, size: int = 5) -> list[KnowledgeItem]:
    return list(collaboration.knowledge_items.order_by("-updated_at")[:size])


def due_for_review(membership: Membership, *, on: date | None = None) -> QuerySet[KnowledgeItem]:
    """Items whose review date has come, for their contact person and for who manages them:
    the managers of the item's collaboration; for a national item, whoever may write national
    items in the owning organisation."""
    today = on or timezone.localdate()
    whose = Q(owner_membership=membership) | Q(
        collaboration__in=managed_by(membership).values("pk")
    )
    if permissions.may_write_national(membership):
        whose |= Q(collaboration__isnull=True, owner_organisation_id=membership.organisation_id)
    return (
        KnowledgeItem.objects.filter(review_on__lte=today)
        .filter(whose)
        .order_by("review_on", "title")
    )
