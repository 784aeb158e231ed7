"""The search page (docs/search.md). Both forms post: a name never goes in a URL, and neither does
anything typed into the reference box. A link may carry a reference (GET ``?referentie=``),
which is searched only when it has a reference's shape; anything else is sent back to the bare
page unsearched. The header's box posts here."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from schakel.accounts.acting import acting_membership
from schakel.accounts.models import Membership
from schakel.core.forms import shown_errors
from schakel.core.references import normalise
from schakel.core.search import HITS_PER_KIND
from schakel.search import lookup
from schakel.search.forms import NameForm, ReferenceForm, split_name

HEADER_FIELD = "zoekterm"
NAME = "naam"


def _page(
    request: HttpRequest,
    membership: Membership,
    *,
    reference_form: ReferenceForm | None = None,
    name_form: NameForm | None = None,
    outcome: lookup.Outcome | None = None,
    refused: bool = False,
    throttled: bool = False,
) -> HttpResponse:
    allowed = lookup.may_search_by_name(membership)
    reference_form = reference_form or ReferenceForm()
    name_form = (name_form or NameForm()) if allowed else None
    errors = shown_errors(reference_form) + (shown_errors(name_form) if name_form else [])
    context: dict[str, Any] = {
        "reference_form": reference_form,
        "name_form": name_form,
        "outcome": outcome,
        "refused": refused,
        "throttled": throttled,
        "errors": errors,
        "hits_per_kind": HITS_PER_KIND,
    }
    status = 403 if refused else 429 if throttled else 200
    return render(request, "search/search.html", context, status=status)


def _by_reference(
    request: HttpRequest, membership: Membership, form: ReferenceForm
) -> HttpResponse:
    if not form.is_valid():
        return _page(request, membership, reference_form=form)
    outcome = lookup.by_reference(membership=membership, text=form.cleaned_data["referentie"])
    return _page(request, membership, reference_form=form, outcome=outcome)


def _by_name(request: HttpRequest, membership: Membership, form: NameForm) -> HttpResponse:
    if not lookup.may_search_by_name(membership):
        lookup.refuse_name_search(membership=membership)
        return _page(request, membership, refused=True)
    if not form.is_valid():
        return _page(request, membership, name_form=form)
    if not lookup.within_name_search_limit(membership):
        lookup.refuse_name_search(membership=membership, result="throttled")
        return _page(request, membership, name_form=form, throttled=True)
    outcome = lookup.by_name(
        membership=membership,
        given_names=form.cleaned_data["voornaam"],
        surname=form.cleaned_data["achternaam"],
    )
    return _page(request, membership, name_form=form, outcome=outcome)


def _from_header(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The header's one box: a reference, else (for the roles that may) a name."""
    term = request.POST.get(HEADER_FIELD, "").strip()
    # Names have no digits: anything with one (an old code, a half-typed reference) is looked
    # up as a reference and never counts as a name search.
    if not term or normalise(term) is not None or any(c.isdigit() for c in term):
        return _by_reference(request, membership, ReferenceForm({"referentie": term}))
    given, surname = split_name(term)
    return _by_name(request, membership, NameForm({"voornaam": given, "achternaam": surname}))


@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    membership = acting_membership(request)
    if membership is None:
        raise Http404
    if request.method == "GET":
        if "referentie" in request.GET:
            if normalise(request.GET["referentie"]) is None or len(request.GET) > 1:
                return redirect("search:search")  # not a reference: out of the URL, unsearched
            return _by_reference(request, membership, ReferenceForm(request.GET))
        return _page(request, membership)
    if HEADER_FIELD in request.POST:
        return _from_header(request, membership)
    if request.POST.get("soort") == NAME:
        return _by_name(request, membership, NameForm(request.POST))
    return _by_reference(request, membership, ReferenceForm(request.POST))
