"""The access export's list of processing: which log records are about the person, named in
plain Dutch, with the legal bases of their activities."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.display import staff_display
from schakel.accounts.models import User
from schakel.audit import services as audit
from schakel.audit.choices import SubjectType
from schakel.audit.models import LogRecord, ProcessingActivity
from schakel.intake.log_subjects import researched
from schakel.intake.models import OnlineResearchEntry
from schakel.legal.models import LegalBasis
from schakel.network.models import Organisation

Data = dict[str, Any]

# The processing log's action names in plain Dutch; an unknown name is shown readably.
ACTION_NAMES = {
    "signal_register": "Signaal geregistreerd",
    "signal_read": "Signaal ingezien",
    "signal_status": "Status van het signaal gewijzigd",
    "signal_expire": "Signaal vervallen en persoonsgegevens verwijderd",
    "suggestion_read": "Mogelijke overeenkomst tussen signalen bekeken",
    "convergence_check": "Gecontroleerd of signalen over dezelfde persoon gaan",
    "convergence_suggest": "Mogelijke overeenkomst tussen signalen gevonden",
    "convergence_confirm": "Signalen samengebracht: dezelfde persoon",
    "convergence_confirm_one_side": "Eén gemeente bevestigde: dezelfde persoon",
    "convergence_reject": "Signalen niet samengebracht: niet dezelfde persoon",
    "weighing_item_added": "Aangemeld voor een weging",
    "weighing_item_read": "Weging ingezien",
    "weighing_item_decided": "Besluit van de weging vastgelegd",
    "weighing_signals_returned": "Signalen teruggegeven na de weging",
    "case_opened": "Casus geopend",
    "case_read": "Casus ingezien",
    "case_closed": "Casus afgesloten",
    "case_phase_changed": "Fase van de casus gewijzigd",
    "case_informing_recorded": "Informeren van de persoon vastgelegd",
    "case_review_scheduled": "Evaluatie gepland",
    "case_reassessed": "Casus herbeoordeeld",
    "case_deescalated": "Casus afgeschaald",
    "participation_added": "Organisatie neemt deel aan de casus",
    "participation_ended": "Deelname van een organisatie beëindigd",
    "agenda_item_added": "Besproken in een casusoverleg (geagendeerd)",
    "agenda_item_read": "Agendapunt ingezien",
    "invitation_added": "Organisatie uitgenodigd voor een agendapunt",
    "decision_recorded": "Besluit van het casusoverleg vastgelegd",
    "disclosure_recorded": "Informatie verstrekt aan tafel",
    "disclosure_corrected": "Verstrekking gecorrigeerd",
    "minutes_pdf_downloaded": "Verslag gedownload",
    "plan_read": "Plan van aanpak ingezien",
    "plan_updated": "Plan van aanpak gewijzigd",
    "plan_adopted": "Plan van aanpak vastgesteld",
    "plan_pdf_downloaded": "Plan van aanpak gedownload",
    "intervention_added": "Interventie toegevoegd",
    "intervention_removed": "Interventie verwijderd uit het plan",
    "intervention_progress": "Voortgang van een interventie vastgelegd",
    "intervention_read": "Interventie ingezien",
    "online_research_start": "Online onderzoek vooraf vastgelegd",
    "online_research_complete": "Online onderzoek afgerond",
    "online_research_read": "Online onderzoek ingezien",
    "request_registered": "Verzoek van de betrokkene geregistreerd",
    "request_read": "Verzoek van de betrokkene ingezien",
    "request_person_read": "Gegevens ingezien bij het registreren van een verzoek",
    "request_identity_verified": "Identiteit van de verzoeker vastgesteld",
    "request_extended": "Termijn van het verzoek verlengd",
    "request_decided": "Besluit op het verzoek genomen",
    "request_withdrawn": "Verzoek ingetrokken",
    "request_contribution_read": "Verzoek om inbreng ingezien",
    "request_contribution_answered": "Inbreng op het verzoek gegeven",
    "request_contributions_read": "Inbreng op het verzoek ingezien",
    "access_export": "Inzage-export gemaakt",
    "legal_hold_place": "Bewaarplicht (blokkade) vastgelegd",
    "legal_hold_lift": "Bewaarplicht (blokkade) opgeheven",
    "supervision_access": "Toezicht: de privacyfunctionaris opende de casus",
}


def action_name(name: str) -> str:
    return ACTION_NAMES.get(name) or name.replace("_", " ").replace(".", " ").capitalize()


def pseudonyms_of(
    subject_id: uuid.UUID,
    signal_ids: Iterable[uuid.UUID],
    research: Iterable[OnlineResearchEntry] = (),
) -> list[str]:
    """The person's pseudonyms in the log: the subject's, each of its signals' (intake
    records name the signal), and those of research entries that name the person."""
    identifiers = [str(subject_id), *(str(pk) for pk in signal_ids)]
    found = [audit.Subject(SubjectType.PERSON, i).pseudonym for i in identifiers]
    return found + [researched(entry).pseudonym for entry in research]


def _bases_per_activity() -> dict[str, list[str]]:
    bases: dict[str, list[str]] = {}
    for key, name, citation in LegalBasis.processing_activities.through.objects.values_list(
        "processingactivity_id", "legalbasis__name", "legalbasis__citation"
    ).order_by("legalbasis__position", "legalbasis__name"):
        bases.setdefault(key, []).append(f"{name} ({citation})" if citation else name)
    return bases


def processing_rows(pseudonyms: list[str], withheld: dict[uuid.UUID, Data]) -> list[Data]:
    records = list(
        LogRecord.objects.filter(
            data_subject_id__in=pseudonyms, data_subject_type=SubjectType.PERSON
        )
        .exclude(actor_organisation_id__in=[str(pk) for pk in withheld])
        .only("start_time", "name", "activity_id", "actor_user_id", "actor_organisation_id")
        .order_by("sequence")
    )
    activities = {a.key: a for a in ProcessingActivity.objects.all()}
    bases = _bases_per_activity()
    organisations = Organisation.objects.in_bulk(
        {r.actor_organisation_id for r in records if r.actor_organisation_id}
    )
    users = User.objects.in_bulk({r.actor_user_id for r in records if r.actor_user_id})
    rows = []
    for record in records:
        organisation = organisations.get(_uuid(record.actor_organisation_id))
        user = users.get(_uuid(record.actor_user_id))
        if user is not None and organisation is not None:
            by = staff_display(user, organisation)
        elif organisation is not None:
            by = organisation.name
        elif user is not None:
            by = user.function_title.strip() or _("Medewerker")
        else:
            by = _("Schakel (automatisch)")
        activity = activities.get(record.activity_id)
        rows.append(
            {
                "when": timezone.localtime(record.start_time),
                "activity": activity.display_name if activity else record.activity_id,
                "action": action_name(record.name),
                "organisation": organisation.name if organisation else "",
                "by": by,
                "legal_bases": bases.get(record.activity_id)
                or ([activity.legal_basis] if activity else []),
            }
        )
    return rows


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
