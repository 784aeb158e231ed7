"""Working groups of a collaboration: created and kept by its managers; read, with their
meetings, by every member of the collaboration (see docs/regional-meetings.md)."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.accounts.display import staff_display
from schakel.collaboration.selectors import roles_in
from schakel.core.once import token_required
from schakel.core.pages import form_methods, posted
from schakel.regional_meetings import access, forms, permissions, selectors, services
from schakel.regional_meetings.models import WorkingGroup
from schakel.regional_meetings.views import overview_url


def group_url(group: WorkingGroup) -> str:
    return reverse("regional_meetings:group_detail", kwargs={"pk": group.pk})


@token_required
@form_methods
def group_create(request: HttpRequest, collaboration: uuid.UUID) -> HttpResponse:
    membership, found, roles = access.collaboration(request, collaboration)
    if not permissions.may_keep_groups(roles):
        raise Http404
    form = forms.GroupForm(posted(request), collaboration=found)
    return access.form_page(
        request,
        form,
        title=_("Werkgroep oprichten"),
        back_url=overview_url(found.pk),
        submit=_("Werkgroep oprichten"),
        save=lambda: services.group_save(
            membership=membership, collaboration=found, **form.cleaned_data
        ),
        done=_("De werkgroep is opgericht."),
        to=group_url,
    )


@token_required
@form_methods
def group_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = access.member(request)
    group = selectors.group_for(membership, pk)
    if not permissions.may_keep_groups(roles_in(membership, group.collaboration)):
        raise Http404
    initial = {
        "name": group.name,
        "theme": group.theme,
        "purpose": group.purpose,
        "members": list(group.members.all()),
    }
    form = forms.GroupForm(posted(request), initial=initial, collaboration=group.collaboration)
    return access.form_page(
        request,
        form,
        title=_("Werkgroep wijzigen"),
        back_url=group_url(group),
        submit=_("Wijzigingen opslaan"),
        save=lambda: services.group_save(
            membership=membership,
            collaboration=group.collaboration,
            group=group,
            **form.cleaned_data,
        ),
        done=_("De werkgroep is gewijzigd."),
        to=group_url,
    )


@require_GET
def group_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = access.member(request)
    group = selectors.group_for(membership, pk)
    roles = roles_in(membership, group.collaboration)
    members = group.members.select_related("user", "organisation").order_by("organisation__name")
    context = {
        "group": group,
        "members": [staff_display(m.user, m.organisation) for m in members],
        "series": list(group.series.all()),
        "meetings": list(group.meetings.order_by("-starts_at")[:50]),
        "may_edit": permissions.may_edit(membership, roles, group),
        "may_keep_groups": permissions.may_keep_groups(roles),
    }
    return render(request, "regional_meetings/group_detail.html", context)
