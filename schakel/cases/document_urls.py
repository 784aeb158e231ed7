"""Document pages of the cases app (joined into namespace ``cases`` by ``cases.urls``)."""

from django.urls import URLPattern, path

from schakel.cases import document_views

urlpatterns: list[URLPattern] = [
    path(
        "casusoverleg/<uuid:pk>/notulen.pdf",
        document_views.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
    path(
        "casussen/<uuid:pk>/plan/versies/<int:number>/plan.pdf",
        document_views.plan_version_pdf,
        name="plan_version_pdf",
    ),
    path("casusoverleg/agenda.ics", document_views.meeting_calendar, name="meeting_calendar"),
]
