"""The reflow test's objects for the network's workspace (issue 14): regional meetings, network
events, trainings, staff safety and the knowledge base, made through each app's services.

Each function returns the URL keyword arguments per page name of its app. The collaboration is
the one of ``reflow_helpers.collaboration_world``: Aldermeer, Brookdam and the police are
members and Aldermeer's municipal lead (``lead_a``, second in ``PERSONA_ORDER``) is its
coordinator, so lead_a manages the meetings, events and trainings. Pages that only one person
may see are given a persona in the order: lead_a is Aldermeer's safety officer and the staff
member of an incident, and attended a past training session (its certificate).
"""

from collections.abc import Callable
from datetime import time, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from schakel.accounts.models import Membership, User
from schakel.knowledge.tests.reflow import knowledge_world
from schakel.network.models import Collaboration
from schakel.network_events import services as events
from schakel.network_events.choices import EventKind
from schakel.regional_meetings import services as meetings
from schakel.staff_safety import services as safety
from schakel.staff_safety.choices import IncidentChannel, IncidentKind
from schakel.training import services as training
from schakel.training.choices import TargetGroup
from schakel.training.models import TrainingSession

Kwargs = dict[str, Callable[[], dict[str, Any]]]

PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _member(user: User) -> Membership:
    return Membership.objects.active().get(user=user)


def _pages(ids: dict[str, dict[str, Any]]) -> Kwargs:
    return {name: (lambda value=value: value) for name, value in ids.items()}


def network_world(personas: Any, collaboration: Collaboration) -> Kwargs:
    """Every page of the five apps, its objects made for the coordinator lead_a (those of the
    knowledge base by the knowledge app's own ``tests/reflow.py``)."""
    return {
        **meetings_world(personas, collaboration),
        **events_world(personas, collaboration),
        **training_world(personas, collaboration),
        **safety_world(personas),
        **knowledge_world(personas, collaboration),
    }


def meetings_world(personas: Any, collaboration: Collaboration) -> Kwargs:
    """A series of five meetings with an agenda attachment, a decision and an action point on
    its first, and a working group with lead_a and the police member."""
    lead = _member(personas.lead_a)
    series = meetings.series_save(
        membership=lead,
        collaboration=collaboration,
        data=meetings.SeriesInput(
            title="Zesweeks bestuurlijk overleg",
            place="Gemeentehuis Aldermeer",
            first_on=timezone.localdate() + timedelta(days=7),
            start_time=time(10, 0),
            duration_minutes=120,
            interval_weeks=6,
            until=None,
            count=5,
        ),
    )
    meeting = series.meetings.order_by("starts_at").first()
    assert meeting is not None
    meetings.agenda_item_add(
        membership=lead,
        meeting=meeting,
        title="Stand van de aanpak",
        explanation="Elke partner vertelt kort wat er speelt.",
        introduced_by=personas.police,
    )
    meetings.decision_add(membership=lead, meeting=meeting, text="Het meldpunt komt er.")
    action = meetings.action_add(
        membership=lead,
        meeting=meeting,
        description="Een opzet voor het meldpunt maken.",
        owner=personas.municipality_a,
        owner_membership=lead,
        due_on=timezone.localdate() + timedelta(days=30),
    )
    attachment = meetings.attachment_add(
        membership=lead,
        meeting=meeting,
        part="agenda",
        upload=SimpleUploadedFile("agenda.pdf", PDF_BYTES, content_type="application/pdf"),
    )
    group = meetings.group_save(
        membership=lead,
        collaboration=collaboration,
        name="Werkgroep online radicalisering",
        theme="Online",
        purpose="Kennis delen.",
        members=[lead, _member(personas.police_member)],
    )
    meetings.meeting_create(
        membership=lead,
        collaboration=collaboration,
        working_group=group,
        title="Werkgroep online",
        place="Online",
        starts_at=timezone.now() + timedelta(days=3),
        duration_minutes=60,
    )
    by_object = {
        "collaboration": (
            ["overview", "series_create", "meeting_create", "group_create"],
            collaboration,
        ),
        "series": (["series_detail", "series_edit", "series_ics"], series),
        "meeting": (
            [
                "meeting_detail",
                "meeting_ics",
                "meeting_move",
                "meeting_cancel",
                "agenda_item_create",
                "minutes_edit",
                "decision_create",
                "action_create",
                "attachment_upload",
            ],
            meeting,
        ),
        "action": (["action_status"], action),
        "attachment": (["attachment_download", "attachment_delete"], attachment),
        "group": (["group_detail", "group_edit"], group),
    }
    ids: dict[str, dict[str, Any]] = {}
    for kind, (names, found) in by_object.items():
        key = "collaboration" if kind == "collaboration" else "pk"
        ids.update({f"regional_meetings:{name}": {key: found.pk} for name in names})
    return _pages(ids)


def events_world(personas: Any, collaboration: Collaboration) -> Kwargs:
    """A planned peer review next week and a held case simulation with its record, a learning
    point and a follow-up of the police; organised by Aldermeer with the police taking part."""

    def event_input(**overrides: Any) -> events.EventInput:
        values: dict[str, Any] = {
            "kind": EventKind.CASE_SIMULATION,
            "title": "Casussimulatie informatiedeling",
            "starts_at": timezone.now() - timedelta(hours=2),
            "location": "Stadhuis Aldermeer",
            "online": False,
            "organiser": personas.municipality_a,
            "purpose": "Elkaars kaders leren kennen.",
            "case_material": "Verzonnen casus: een jongere deelt online extreme teksten.",
            "organisations": [personas.police],
            "participants": [_member(personas.police_member)],
        }
        return events.EventInput(**{**values, **overrides})

    lead = _member(personas.lead_a)
    planned = events.event_plan(
        membership=lead,
        collaboration=collaboration,
        data=event_input(
            kind=EventKind.PEER_REVIEW,
            title="Intervisie casusregie",
            starts_at=timezone.now() + timedelta(days=7),
        ),
    )
    held = events.event_plan(membership=lead, collaboration=collaboration, data=event_input())
    events.event_record(membership=lead, event=held, discussion="De kaders besproken.")
    held.refresh_from_db()
    events.learning_point_add(
        membership=lead,
        event=held,
        data=events.LearningPointInput(
            text="Vraag naar de grondslag.",
            theme="Wettelijke kaders",
            organisations=[personas.police],
        ),
    )
    follow_up = events.follow_up_add(
        membership=lead,
        event=held,
        data=events.FollowUpInput(
            text="Een factsheet maken.",
            owner=personas.police,
            due_on=timezone.localdate() + timedelta(days=7),
        ),
    )
    ids: dict[str, dict[str, Any]] = {
        f"network_events:{name}": {"collaboration": collaboration.pk}
        for name in ("event_list", "event_plan", "learning_points", "learning_points_csv")
    }
    for name in ("event_detail", "event_record", "learning_point_add", "follow_up_add"):
        ids[f"network_events:{name}"] = {"pk": held.pk}
    for name in ("event_edit", "event_cancel"):
        ids[f"network_events:{name}"] = {"pk": planned.pk}
    ids["network_events:follow_up_complete"] = {"pk": follow_up.pk}
    return _pages(ids)


def training_world(personas: Any, collaboration: Collaboration) -> Kwargs:
    """A training of the collaboration with a session next month (seats for Aldermeer and
    Brookdam, Aldermeer's privacy officer registered) and a session that has been held, which
    lead_a attended (the certificate: for the attendee and their organisation's registrar)."""
    lead_user = personas.lead_a
    lead = _member(lead_user)
    course = training.training_create(
        by=lead_user,
        membership=lead,
        data=training.TrainingInput(
            title="Herkennen van radicalisering",
            provider="ROR",
            description="Signalen duiden in de aanpak.",
            target_groups=[TargetGroup.PROFESSIONALS, TargetGroup.FRONTLINE],
            duration="2 dagdelen",
            cost_cents=27_550,
            collaboration=collaboration,
        ),
    )

    def session(days: int) -> TrainingSession:
        planned = training.session_plan(
            by=lead_user,
            membership=lead,
            training=course,
            data=training.SessionInput(
                collaboration=collaboration,
                starts_at=timezone.now() + timedelta(days=days),
                online=False,
                place="Stadskantoor Aldermeer",
                seats=5,
                registration_deadline=timezone.localdate() + timedelta(days=days - 10),
            ),
        )
        training.allocations_set(
            by=lead_user,
            membership=lead,
            session=planned,
            seats={personas.municipality_a.pk: 2, personas.municipality_b.pk: 1},
        )
        return planned

    coming, held = session(30), session(20)
    registration = training.registration_create(
        by=lead_user, membership=lead, session=coming, participant=personas.privacy_officer_a
    )
    attended = training.registration_create(
        by=lead_user, membership=lead, session=held, participant=lead_user
    )
    # The second session has begun (a session is planned in the future only), as the
    # training tests do: then attendance is recorded.
    TrainingSession.objects.filter(pk=held.pk).update(starts_at=timezone.now() - timedelta(days=1))
    held.refresh_from_db()
    training.attendance_record(
        by=lead_user, membership=lead, session=held, attended={attended.pk: True}
    )
    ids: dict[str, dict[str, Any]] = {
        "training:training_detail": {"pk": course.pk},
        "training:session_create": {"pk": course.pk},
        "training:session_detail": {"pk": coming.pk},
        "training:allocate": {"pk": coming.pk},
        "training:register": {"pk": coming.pk},
        "training:attendance": {"pk": held.pk},
        "training:cancel": {"pk": registration.pk},
        "training:certificate": {"pk": attended.pk},
    }
    return _pages(ids)


def safety_world(personas: Any) -> Kwargs:
    """Aldermeer's protocol; lead_a its safety officer (designated by the functional admin),
    and an incident about lead_a recorded by the functional admin on their behalf."""
    admin = _member(personas.admin_a)
    safety.protocol_save(
        membership=admin,
        data=safety.ProtocolInput(
            report_mailbox="veiligheid@aldermeer.example",
            officer_function="Veiligheidscoördinator",
            officer_mailbox="coordinator-veiligheid@aldermeer.example",
            employer_name="Gemeente Aldermeer",
            employer_address="Postbus 1, Aldermeer",
            when_threatened="Meld het direct bij de coördinator; bij gevaar: bel 112.",
        ),
    )
    designation = safety.officer_designate(membership=admin, target=_member(personas.lead_a))
    incident = safety.incident_record(
        membership=admin,
        data=safety.IncidentInput(
            staff_member=personas.lead_a,
            occurred_on=timezone.localdate() - timedelta(days=3),
            kind=IncidentKind.DOXING,
            channel=IncidentChannel.SOCIAL_MEDIA,
            description="Op een forum staan de functie en de woonplaats van de medewerker.",
        ),
    )
    ids: dict[str, dict[str, Any]] = {
        "staff_safety:incident_detail": {"pk": incident.pk},
        "staff_safety:incident_follow_up": {"pk": incident.pk},
        "staff_safety:officer_end": {"pk": designation.pk},
    }
    return _pages(ids)
