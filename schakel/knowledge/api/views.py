"""The knowledge-base API: items (list with search and filters, one, add), their versions
(list, one, add) and a version's attachment. Reads come from ``schakel.knowledge.selectors``,
writes go through one service call. What the acting membership may not see or write is a 404.
"""

import base64
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from schakel.accounts.models import Membership
from schakel.api.base import SchakelAPIView, membership_of, service_errors
from schakel.knowledge import permissions, selectors, services
from schakel.knowledge.api.serializers import (
    KnowledgeAttachmentContentSerializer,
    KnowledgeItemDetailSerializer,
    KnowledgeItemInputSerializer,
    KnowledgeItemQuerySerializer,
    KnowledgeItemSerializer,
    KnowledgeVersionInputSerializer,
    KnowledgeVersionSerializer,
)
from schakel.knowledge.models import KnowledgeItem, KnowledgeVersion, Theme
from schakel.knowledge.views import author_of, contact_of
from schakel.network.models import Collaboration

TAGS = ["kennisbank"]


def item_data(item: KnowledgeItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "themes": [t.name for t in item.themes.all()],
        "collaboration": item.collaboration,
        "owner_organisation": item.owner_organisation,
        "contact": contact_of(item) if item.owner_membership_id else "",
        "review_on": item.review_on,
        "updated_at": item.updated_at,
    }


def version_data(request: Request, version: KnowledgeVersion) -> dict[str, Any]:
    attachment = getattr(version, "attachment", None)
    url = reverse(
        "v1:knowledge-attachment",
        kwargs={"id": version.item_id, "version": version.pk},
    )
    return {
        "id": version.pk,
        "number": version.number,
        "is_current": version.is_current,
        "note": version.note,
        "body": version.body,
        "created_at": version.created_at,
        "created_by": author_of(version),
        "attachment": {
            "name": attachment.name,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "sha256": attachment.sha256,
            "url": url,
        }
        if attachment
        else None,
    }


def _item(membership: Membership, pk: uuid.UUID) -> KnowledgeItem:
    found = selectors.items_visible_to(membership).filter(pk=pk).first()
    if found is None:
        raise exceptions.NotFound()
    return found


def _inputs(
    membership: Membership, collaboration: Collaboration | None, data: dict[str, Any]
) -> tuple[services.ItemInput, services.VersionInput]:
    owner = membership.organisation
    wanted = data.get("owner_organisation")
    if wanted is not None:
        choices = {o.pk: o for o in services.owner_choices(membership, collaboration)}
        if wanted not in choices:
            raise exceptions.ValidationError(
                {"owner_organisation": ["Kies uw eigen organisatie of een lid van het verband."]}
            )
        owner = choices[wanted]
    item = services.ItemInput(
        kind=data["kind"],
        title=data["title"],
        summary=data["summary"],
        themes=data["themes"],
        owner_organisation=owner,
        owner_is_me=data["owner_is_me"],
        review_on=data["review_on"],
    )
    version = services.VersionInput(
        note=data["note"],
        body=data["body"],
        attachment=data["attachment"],
        keep_attachment=data["keep_attachment"],
    )
    return item, version


class ItemListView(SchakelAPIView):
    serializer_class = KnowledgeItemSerializer
    queryset = KnowledgeItem.objects.none()

    @extend_schema(
        summary="Kennisitems",
        description=(
            "De landelijke items en die van uw samenwerkingsverbanden. Met q doorzoekt u titel, "
            "samenvatting, thema's en de tekst van de huidige versie (PostgreSQL: Nederlandse "
            "full-text search; SQLite: een eenvoudiger Nederlandse woordstam), de beste eerst."
        ),
        parameters=[KnowledgeItemQuerySerializer],
        responses={200: KnowledgeItemSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = KnowledgeItemQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        membership = membership_of(request)
        theme = None
        if params.get("theme"):
            theme = Theme.objects.filter(name__iexact=params["theme"]).first() or Theme(
                pk=uuid.uuid4()
            )
        scope = str(params.get("collaboration") or "")
        if params.get("national"):
            scope = selectors.NATIONAL
        filters = selectors.Filters(
            q=params.get("q", ""),
            kind=params.get("kind", ""),
            theme=theme.pk if theme else None,
            scope=scope,
        )
        rows = selectors.search_for(membership, filters).prefetch_related(
            "themes", "owner_membership__user", "owner_membership__organisation"
        )
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]  # a Ranked slices too
        data = KnowledgeItemSerializer([item_data(i) for i in page or []], many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Kennisitem toevoegen",
        description=(
            "Een item met zijn eerste versie (een tekst en/of één bijlage, base64). Voor "
            "beheerders van het samenwerkingsverband (voorzitter, coördinator, secretaris); "
            "een landelijk item (collaboration leeg) voor de NCTV en de platformbeheerder. "
            "Anderen krijgen 404. Namen, geboortedata en BSN's van personen worden geweigerd."
        ),
        request=KnowledgeItemInputSerializer,
        responses={201: KnowledgeItemDetailSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        data = self.valid_input(KnowledgeItemInputSerializer).validated_data
        collaboration = None
        if data["collaboration"] is not None:
            collaboration = (
                selectors.writable_collaborations(membership)
                .filter(pk=data["collaboration"])
                .first()
            )
            if collaboration is None:
                raise exceptions.NotFound()
        if not permissions.may_write_in(membership, collaboration):
            raise exceptions.NotFound()
        item_input, version_input = _inputs(membership, collaboration, data)
        with service_errors():
            try:
                item = services.item_create(
                    membership=membership,
                    collaboration=collaboration,
                    item=item_input,
                    version=version_input,
                )
            except PermissionDenied:
                raise exceptions.NotFound() from None
        return Response(self._detail(request, membership, item), status=201)

    @staticmethod
    def _detail(request: Request, membership: Membership, item: KnowledgeItem) -> Any:
        current = selectors.current_version(item)
        data = {
            **item_data(item),
            "current_version": version_data(request, current) if current else None,
            "may_edit": permissions.may_edit(membership, item),
        }
        return KnowledgeItemDetailSerializer(data).data


class ItemDetailView(SchakelAPIView):
    serializer_class = KnowledgeItemDetailSerializer

    @extend_schema(
        summary="Eén kennisitem",
        description="Het item met zijn huidige versie.",
        responses={200: KnowledgeItemDetailSerializer},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = _item(membership, id)
        return Response(ItemListView._detail(request, membership, item))


class VersionListView(SchakelAPIView):
    serializer_class = KnowledgeVersionSerializer
    queryset = KnowledgeVersion.objects.none()

    @extend_schema(
        summary="Versies van een kennisitem",
        description="Alle bewaarde versies, de nieuwste eerst; precies één is de huidige.",
        responses={200: KnowledgeVersionSerializer(many=True)},
        tags=TAGS,
    )
    def get(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        item = _item(membership_of(request), id)
        page = self.paginate_queryset(selectors.versions_of(item))
        data = KnowledgeVersionSerializer(
            [version_data(request, v) for v in page or []], many=True
        ).data
        return self.get_paginated_response(data)

    @extend_schema(
        summary="Nieuwe versie",
        description=(
            "Een nieuwe huidige versie met de beschrijving van het item zoals die vanaf nu is; "
            "de vorige versie blijft bewaard. Zonder nieuwe bijlage blijft de bijlage van de "
            "vorige versie (keep_attachment). Wie het item niet mag bewerken krijgt 404."
        ),
        request=KnowledgeVersionInputSerializer,
        responses={201: KnowledgeVersionSerializer},
        tags=TAGS,
    )
    def post(self, request: Request, id: uuid.UUID, *args: Any, **kwargs: Any) -> Response:
        membership = membership_of(request)
        item = _item(membership, id)
        if not permissions.may_edit(membership, item):
            raise exceptions.NotFound()
        data = self.valid_input(KnowledgeVersionInputSerializer).validated_data
        if data.get("owner_organisation") is None:
            data["owner_organisation"] = item.owner_organisation_id
        item_input, version_input = _inputs(membership, item.collaboration, data)
        with service_errors():
            version = services.item_revise(
                membership=membership, item=item, data=item_input, version=version_input
            )
        found = selectors.version_for(item, version.pk)
        return Response(KnowledgeVersionSerializer(version_data(request, found)).data, status=201)


class VersionDetailView(SchakelAPIView):
    serializer_class = KnowledgeVersionSerializer

    @extend_schema(
        summary="Eén versie",
        responses={200: KnowledgeVersionSerializer},
        tags=TAGS,
    )
    def get(
        self, request: Request, id: uuid.UUID, version: uuid.UUID, *args: Any, **kwargs: Any
    ) -> Response:
        item = _item(membership_of(request), id)
        found = selectors.versions_of(item).filter(pk=version).first()
        if found is None:
            raise exceptions.NotFound()
        return Response(KnowledgeVersionSerializer(version_data(request, found)).data)


class AttachmentView(SchakelAPIView):
    serializer_class = KnowledgeAttachmentContentSerializer

    @extend_schema(
        summary="Bijlage van een versie",
        description=(
            "Het bestand (PDF, ODT of DOCX) met zijn inhoud base64-gecodeerd, zoals het ook "
            "wordt aangeleverd: de API spreekt alleen JSON."
        ),
        responses={200: KnowledgeAttachmentContentSerializer},
        tags=TAGS,
    )
    def get(
        self, request: Request, id: uuid.UUID, version: uuid.UUID, *args: Any, **kwargs: Any
    ) -> Response:
        item = _item(membership_of(request), id)
        found = selectors.versions_of(item).filter(pk=version).first()
        attachment = getattr(found, "attachment", None) if found else None
        if attachment is None:
            raise exceptions.NotFound()
        with attachment.file.open("rb") as stored:
            content = base64.b64encode(stored.read()).decode()
        data = {
            "name": attachment.name,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "sha256": attachment.sha256,
            "content": content,
        }
        return Response(KnowledgeAttachmentContentSerializer(data).data)
