"""What the privacy desk contributes to the search (``SEARCH_PROVIDERS``, docs/search.md):
data-subject requests by reference, for the contact point that handles them — what its request
list shows (not found equals forbidden). Requests are not found by name: the requester's name
is not part of the keyed encodings."""

from collections.abc import Sequence

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import Membership
from schakel.core.search import HITS_PER_KIND, SearchHit, SearchProvider
from schakel.privacy.models import SubjectRequest
from schakel.privacy.requests.rules import person_of
from schakel.privacy.requests.selectors import REQUEST_LIST_FIELDS, request_list_for


def _request_hit(request: SubjectRequest) -> SearchHit:
    return SearchHit(
        reference=request.reference,
        kind=_("AVG-verzoek: %(kind)s") % {"kind": request.get_kind_display()},
        status=request.get_status_display(),
        dates=((_("Ontvangen"), request.received_on), (_("Uiterlijk"), request.due_on)),
        organisation=request.contact_point.name,
        url=reverse("privacy:request_detail", kwargs={"pk": request.pk}),
        persons=(person_of(request),),
    )


def by_reference(membership: Membership, reference: str) -> Sequence[SearchHit]:
    found = (
        request_list_for(membership=membership)
        .only(*REQUEST_LIST_FIELDS, "subject_id")
        .filter(reference=reference)[:HITS_PER_KIND]
    )
    return [_request_hit(r) for r in found]


PROVIDER = SearchProvider(prefixes=frozenset({"VRZ"}), by_reference=by_reference)
