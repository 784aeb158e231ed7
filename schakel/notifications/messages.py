"""The text of a notification e-mail: that there is something to see in Schakel, with links.

A line names the kind of work, its reference (references carry no person data by design), a
date and a link; never a name, a BSN, a date of birth or free text. The templates get only
these lines (``Line``), so they cannot show anything else. Dutch, plain text and HTML.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.accounts.models import Membership
from schakel.core.work import work_kind
from schakel.notifications.choices import Event
from schakel.notifications.models import Notification

# A kind no app describes (``WORK_KINDS``) is named generically.
OTHER_KIND = gettext_lazy("Werk")


@dataclass(frozen=True)
class Line:
    text: str
    url: str


def absolute(path: str) -> str:
    return settings.SCHAKEL_BASE_URL.rstrip("/") + path


def _when(day: date | None) -> str:
    return formats.date_format(day, "j F Y") if day is not None else ""


def line_for(notification: Notification) -> Line:
    described = work_kind(notification.kind)
    on_a_day = described is not None and described.on_a_day
    kind = str(described.label if described is not None else OTHER_KIND)
    values = {"kind": kind, "reference": notification.reference, "date": _when(notification.due_on)}
    if notification.event == Event.CHANGED:
        text = _("Gewijzigd: %(kind)s %(reference)s, nu op %(date)s") % values
    elif notification.event == Event.DEADLINE and on_a_day:
        text = _("Binnenkort: %(kind)s %(reference)s op %(date)s") % values
    elif notification.event == Event.DEADLINE:
        text = _("Termijn nadert: %(kind)s %(reference)s, uiterlijk %(date)s") % values
    elif described is not None and described.planned and notification.due_on is not None:
        text = _("Gepland: %(kind)s %(reference)s op %(date)s") % values
    elif notification.due_on is not None:
        text = _("Nieuw: %(kind)s %(reference)s, uiterlijk %(date)s") % values
    else:
        text = _("Nieuw: %(kind)s %(reference)s") % values
    return Line(text=" ".join(text.split()), url=absolute(notification.path))


@dataclass(frozen=True)
class Group:
    """The lines of one membership; a heading names its role and organisation when the mail
    is about more than one (a link opens in the membership the work belongs to)."""

    heading: str
    lines: list[Line]


def _groups(notifications: list[Notification]) -> list[Group]:
    by_membership: dict[object, list[Line]] = {}
    for notification in notifications:
        by_membership.setdefault(notification.membership_id, []).append(line_for(notification))
    if len(by_membership) == 1:
        return [Group(heading="", lines=next(iter(by_membership.values())))]
    memberships = Membership.objects.select_related("organisation").in_bulk(list(by_membership))
    groups = []
    for pk, lines in by_membership.items():
        membership = memberships[pk]
        heading = _("Als %(role)s bij %(organisation)s:") % {
            "role": membership.get_role_display(),
            "organisation": membership.organisation.name,
        }
        groups.append(Group(heading=heading, lines=lines))
    return groups


@dataclass(frozen=True)
class Message:
    subject: str
    text: str
    html: str


def compose(notifications: list[Notification], *, digest: bool) -> Message:
    """The e-mail for these notifications, in the installation's language."""
    with translation.override(settings.LANGUAGE_CODE):
        groups = _groups(notifications)
        context = {
            "groups": groups,
            "several": len(groups) > 1,
            "digest": digest,
            "start_url": absolute(reverse("core:dashboard")),
            "preferences_url": absolute(reverse("notifications:preferences")),
        }
        subject = (
            _("Schakel: uw dagoverzicht") if digest else _("Schakel: er staat iets voor u klaar")
        )
        return Message(
            subject=subject,
            text=render_to_string("notifications/email/message.txt", context),
            html=render_to_string("notifications/email/message.html", context),
        )
