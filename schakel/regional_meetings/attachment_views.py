"""Attachments of a meeting's agenda or minutes: upload (checked by content and size; nothing
stays on disk when refused), download (members of the collaboration only, 404 otherwise) and
removal (with a confirmation page)."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.collaboration.selectors import roles_in
from schakel.core import confirm, uploads
from schakel.core.once import token_required
from schakel.core.pages import done_on_post, form_methods, posted
from schakel.regional_meetings import access, forms, permissions, selectors, services
from schakel.regional_meetings.views import meeting_url


@token_required
@form_methods
def attachment_upload(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership, meeting = access.editable_meeting(request, pk)
    form = forms.AttachmentForm(posted(request), request.FILES or None)
    return access.form_page(
        request,
        form,
        title=_("Bijlage toevoegen"),
        back_url=meeting_url(meeting),
        submit=_("Bijlage toevoegen"),
        save=lambda: services.attachment_add(
            membership=membership,
            meeting=meeting,
            part=form.cleaned_data["part"],
            upload=form.cleaned_data["file"],
        ),
        done=_("De bijlage is toegevoegd."),
        to=lambda attachment: meeting_url(meeting),
        intro=meeting.title,
        multipart=True,
    )


@require_GET
def attachment_download(request: HttpRequest, pk: uuid.UUID) -> HttpResponseBase:
    attachment = selectors.attachment_for(access.member(request), pk)
    return uploads.download(attachment)


@token_required
@form_methods
def attachment_delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    membership = access.member(request)
    attachment = selectors.attachment_for(membership, pk)
    meeting = attachment.meeting
    roles = roles_in(membership, meeting.collaboration)
    if not permissions.may_edit(membership, roles, meeting.working_group):
        raise Http404
    back = meeting_url(meeting)
    done = done_on_post(
        request,
        lambda: services.attachment_remove(membership=membership, attachment=attachment),
        _("De bijlage is verwijderd."),
        back,
    )
    if done is not None:
        return done
    return confirm.confirm_page(
        request,
        confirm.Confirmation(
            title=_("Bijlage verwijderen"),
            submit=_("Bijlage verwijderen"),
            back_url=back,
            what=[_("De bijlage „%(name)s” wordt verwijderd.") % {"name": attachment.name}],
            irreversible=_("Het bestand is daarna weg; dat kunt u niet ongedaan maken."),
        ),
    )
