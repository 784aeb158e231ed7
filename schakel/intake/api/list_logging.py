"""List endpoints of the meldpunt that log what they show: the rows of the page returned, one
record per person, in one write (``schakel.intake.list_reads``). Rows of other pages are not
read and not logged."""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from schakel.api.base import VisibleListView
from schakel.api.views import acting_membership_of, api_user
from schakel.audit.services import Read
from schakel.intake import list_reads


class LoggedListView(VisibleListView):
    """``reads`` names the persons of a page's rows; ``read_name`` is the records' name."""

    read_name = ""

    def reads(self, rows: Sequence[Any]) -> list[Read]:
        raise NotImplementedError

    def paginate_queryset(self, queryset: QuerySet[Any] | Sequence[Any]) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        membership = acting_membership_of(self.request)
        if page is not None and membership is not None and not self.fake:
            user = api_user(self.request)
            list_reads.record_list_reads(user, name=self.read_name, reads=self.reads(page))
        return page


class SignalRowsLogged(LoggedListView):
    read_name = "signal_list_read"

    def reads(self, rows: Sequence[Any]) -> list[Read]:
        return list_reads.signal_id_reads(rows)


class SuggestionRowsLogged(LoggedListView):
    read_name = "suggestion_list_read"

    def reads(self, rows: Sequence[Any]) -> list[Read]:
        return list_reads.suggestion_reads(rows)
