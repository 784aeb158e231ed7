"""Pages of the knowledge base: the list with search, an item with its versions, adding an
item, a new version, and downloading an attachment. Anyone without an acting membership, and
anyone who may not see or write a thing, gets a 404 (docs/knowledge.md)."""

import uuid
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.acting import acting_membership
from schakel.accounts.display import staff_display
from schakel.accounts.models import Membership
from schakel.collaboration.selectors import collaborations_of
from schakel.core import uploads
from schakel.core.forms import error_summary
from schakel.core.once import token_required
from schakel.core.pages import (
    form_methods,
    page_of,
    posted,
    query_without_page,
    save_valid,
    success_redirect,
)
from schakel.knowledge import permissions, selectors, services
from schakel.knowledge.forms import FilterForm, ItemForm
from schakel.knowledge.models import KnowledgeItem, KnowledgeVersion
from schakel.network.models import Collaboration

PAGE_SIZE = 20


def _membership(request: HttpRequest) -> Membership:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    return membership


def contact_of(item: KnowledgeItem) -> str:
    """The contact as function – organisation – mailbox; empty without one."""
    owner = item.owner_membership
    return staff_display(owner.user, owner.organisation) if owner else ""


def author_of(version: KnowledgeVersion) -> str:
    by = version.created_by
    return staff_display(by.user, by.organisation) if by else ""


@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    collaborations = list(collaborations_of(membership).order_by("name"))
    form = FilterForm(request.GET, collaborations=collaborations)
    filters = form.filters()
    items = selectors.search_for(membership, filters).prefetch_related("themes")
    page = page_of(request, items, size=PAGE_SIZE)
    context = {
        "filter_form": form,
        "filters": filters,
        "filtered": any(request.GET.get(k) for k in ("q", "soort", "thema", "bereik")),
        "page": page,
        "query": query_without_page(request),
        "may_add": selectors.may_add(membership),
    }
    return render(request, "knowledge/item_list.html", context)


def _item_context(item: KnowledgeItem, membership: Membership) -> dict[str, Any]:
    versions = list(selectors.versions_of(item))
    return {
        "item": item,
        "themes": list(item.themes.all()),
        "contact": contact_of(item) if item.owner_membership_id else "",
        "versions": [(v, author_of(v)) for v in versions],
        "may_edit": permissions.may_edit(membership, item),
    }


@require_GET
def item_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    item = selectors.item_for(membership, pk)
    context = _item_context(item, membership)
    context["version"] = next((v for v, _by in context["versions"] if v.is_current), None)
    return render(request, "knowledge/item_detail.html", context)


@require_GET
def version_detail(request: HttpRequest, pk: uuid.UUID, version: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    item = selectors.item_for(membership, pk)
    context = _item_context(item, membership)
    context["version"] = selectors.version_for(item, version)
    return render(request, "knowledge/item_detail.html", context)


@require_GET
def attachment_download(request: HttpRequest, pk: uuid.UUID, version: uuid.UUID) -> FileResponse:
    membership = _membership(request)
    item = selectors.item_for(membership, pk)
    found = selectors.version_for(item, version)
    attachment = getattr(found, "attachment", None)
    if attachment is None:
        raise Http404
    return uploads.download(attachment)


def _scopes(membership: Membership) -> list[tuple[str, str]]:
    scopes = [(str(c.pk), c.name) for c in selectors.writable_collaborations(membership)]
    if permissions.may_write_national(membership):
        scopes.append((selectors.NATIONAL, _("Landelijk (voor iedereen)")))
    return scopes


def _scope_of(membership: Membership, value: str) -> Collaboration | None:
    if value == selectors.NATIONAL:
        return None
    found = selectors.writable_collaborations(membership).filter(pk=value).first()
    if found is None:
        raise Http404
    return found


@token_required
@form_methods
def item_create(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    scopes = _scopes(membership)
    if not scopes:
        raise Http404
    owners: dict[uuid.UUID, Any] = {}
    for collaboration in selectors.writable_collaborations(membership).prefetch_related("members"):
        owners.update({o.pk: o for o in services.owner_choices(membership, collaboration)})
    owners[membership.organisation_id] = membership.organisation
    wanted = request.GET.get("verband", "")
    form = ItemForm(
        posted(request),
        request.FILES or None,
        membership=membership,
        scopes=scopes,
        owners=list(owners.values()),
        initial={"bereik": wanted} if wanted in {v for v, _label in scopes} else None,
    )

    def save() -> KnowledgeItem:
        return services.item_create(
            membership=membership,
            collaboration=_scope_of(membership, form.cleaned_data["bereik"]),
            item=form.item_input(),
            version=form.version_input(),
        )

    saved = save_valid(form, save, forbidden_is_404=True)
    if saved is not None:
        url = reverse("knowledge:item_detail", kwargs={"pk": saved.value.pk})
        return success_redirect(request, _("Het kennisitem is toegevoegd."), url)
    context = {"form": form, "errors": error_summary(form) if form.is_bound else []}
    return render(request, "knowledge/item_form.html", context)


@token_required
@form_methods
def item_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = _membership(request)
    item = selectors.item_to_edit(membership, pk)
    current = selectors.current_version(item)
    had_attachment = current is not None and hasattr(current, "attachment")
    form = ItemForm(
        posted(request),
        request.FILES or None,
        membership=membership,
        owners=services.owner_choices(membership, item.collaboration),
        had_attachment=had_attachment,
        initial=ItemForm.initial_of(item, membership, current.body if current else ""),
    )

    def save() -> KnowledgeVersion:
        return services.item_revise(
            membership=membership,
            item=item,
            data=form.item_input(),
            version=form.version_input(),
        )

    saved = save_valid(form, save, forbidden_is_404=True)
    if saved is not None:
        url = reverse("knowledge:item_detail", kwargs={"pk": item.pk})
        message = _("Versie %(number)s is opgeslagen.") % {"number": saved.value.number}
        return success_redirect(request, message, url)
    context = {
        "form": form,
        "item": item,
        "current": current,
        "errors": error_summary(form) if form.is_bound else [],
    }
    return render(request, "knowledge/item_form.html", context)
