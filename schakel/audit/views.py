"""Privacy officer's views on the register and the integrity of the processing log.

Only members with the privacy officer role reach them; everyone else gets 404.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from schakel.accounts.models import User
from schakel.accounts.permissions import privacy_officer_required
from schakel.audit import chain, selectors
from schakel.audit.verification import verify_processing_log

# The chain check names its findings in English; the officer reads them in Dutch.
PROBLEMS = {
    chain.RECORD_MISSING: gettext_lazy("Er ontbreekt een logregel."),
    chain.LINK_BROKEN: gettext_lazy("De verwijzing naar de vorige logregel klopt niet."),
    chain.CONTENT_CHANGED: gettext_lazy("De inhoud van de logregel is gewijzigd."),
    chain.TAIL_MISSING: gettext_lazy("Logregels aan het eind van het logboek ontbreken."),
}


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@privacy_officer_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    activities = selectors.processing_register(user=_user(request))
    return render(request, "audit/register.html", {"activities": activities})


@privacy_officer_required
@require_http_methods(["GET", "POST"])
def integrity(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.method == "POST":
        report, _run = verify_processing_log(started_by_id=str(user.pk))
        if report.intact:
            messages.success(request, _("De controle is klaar: het logboek is intact."))
        else:
            messages.error(request, _("De controle is klaar: het logboek is niet intact."))
        return redirect("audit:integrity")
    status = selectors.integrity_status(user=user)
    problem = ""
    if status.last_run is not None and status.last_run.problem:
        problem = str(PROBLEMS.get(status.last_run.problem, status.last_run.problem))
    context = {"status": status, "problem": problem}
    return render(request, "audit/integrity.html", context)
