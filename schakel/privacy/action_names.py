"""The processing log's handelingen (the ``name`` of each log record) with a readable label.

The log stores a stable code (``weighing_item_added``); people read the label ("Aangemeld voor
een weging"). The privacy officer's log view shows both; the access export shows the label. A
code without a label here is shown made readable (a test lists every code the services write).
"""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from schakel.core.extensions import LOG_ACTION_NAMES, contributions

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ACTION_NAMES: "dict[str, StrOrPromise]" = {
    "signal_register": _("Signaal geregistreerd"),
    "signal_read": _("Signaal ingezien"),
    "signal_status": _("Status van het signaal gewijzigd"),
    "signal_expire": _("Signaal vervallen en persoonsgegevens verwijderd"),
    "suggestion_read": _("Mogelijke overeenkomst tussen signalen bekeken"),
    "convergence_check": _("Gecontroleerd of signalen over dezelfde persoon gaan"),
    "convergence_suggest": _("Mogelijke overeenkomst tussen signalen gevonden"),
    "convergence_confirm": _("Signalen samengebracht: dezelfde persoon"),
    "convergence_confirm_one_side": _("Eén gemeente bevestigde: dezelfde persoon"),
    "convergence_reject": _("Signalen niet samengebracht: niet dezelfde persoon"),
    "weighing_item_added": _("Aangemeld voor een weging"),
    "weighing_item_read": _("Weging ingezien"),
    "weighing_item_decided": _("Besluit van de weging vastgelegd"),
    "weighing_signals_returned": _("Signalen teruggegeven na de weging"),
    "case_opened": _("Casus geopend"),
    "case_read": _("Casus ingezien"),
    "signal_list_read": _("Lijst van signalen ingezien"),
    "inbox_read": _("Meldpunt: signalen en mogelijke overeenkomsten ingezien"),
    "signal_suggestions_read": _("Mogelijke overeenkomsten bij een signaal ingezien"),
    "suggestion_list_read": _("Lijst van mogelijke overeenkomsten ingezien"),
    "intervention_list_read": _("Lijst van interventies ingezien"),
    "dashboard_interventions_read": _("Verlopen interventies op de startpagina ingezien"),
    "weighing_signals_offered_read": _("Signalen getoond om aan te melden voor een weging"),
    "case_closed": _("Casus afgesloten"),
    "case_phase_changed": _("Fase van de casus gewijzigd"),
    "case_informing_recorded": _("Informeren van de persoon vastgelegd"),
    "case_review_scheduled": _("Evaluatie gepland"),
    "case_reassessed": _("Casus herbeoordeeld"),
    "case_deescalated": _("Casus afgeschaald"),
    "participation_added": _("Organisatie neemt deel aan de casus"),
    "participation_ended": _("Deelname van een organisatie beëindigd"),
    "agenda_item_added": _("Besproken in een casusoverleg (geagendeerd)"),
    "agenda_item_read": _("Agendapunt ingezien"),
    "invitation_added": _("Organisatie uitgenodigd voor een agendapunt"),
    "decision_recorded": _("Besluit van het casusoverleg vastgelegd"),
    "disclosure_recorded": _("Informatie verstrekt aan tafel"),
    "disclosure_corrected": _("Verstrekking gecorrigeerd"),
    "minutes_pdf_downloaded": _("Verslag gedownload"),
    "plan_read": _("Plan van aanpak ingezien"),
    "plan_updated": _("Plan van aanpak gewijzigd"),
    "plan_adopted": _("Plan van aanpak vastgesteld"),
    "plan_pdf_downloaded": _("Plan van aanpak gedownload"),
    "intervention_added": _("Interventie toegevoegd"),
    "intervention_removed": _("Interventie verwijderd uit het plan"),
    "intervention_progress": _("Voortgang van een interventie vastgelegd"),
    "intervention_read": _("Interventie ingezien"),
    "online_research_start": _("Online onderzoek vooraf vastgelegd"),
    "online_research_complete": _("Online onderzoek afgerond"),
    "online_research_read": _("Online onderzoek ingezien"),
    "request_registered": _("Verzoek van de betrokkene geregistreerd"),
    "request_read": _("Verzoek van de betrokkene ingezien"),
    "request_person_read": _("Gegevens ingezien bij het registreren van een verzoek"),
    "request_identity_verified": _("Identiteit van de verzoeker vastgesteld"),
    "request_extended": _("Termijn van het verzoek verlengd"),
    "request_decided": _("Besluit op het verzoek genomen"),
    "request_withdrawn": _("Verzoek ingetrokken"),
    "request_contribution_read": _("Verzoek om inbreng ingezien"),
    "request_contribution_answered": _("Inbreng op het verzoek gegeven"),
    "request_contributions_read": _("Inbreng op het verzoek ingezien"),
    "access_export": _("Inzage-export gemaakt"),
    "legal_hold_place": _("Bewaarplicht (blokkade) vastgelegd"),
    "legal_hold_lift": _("Bewaarplicht (blokkade) opgeheven"),
    "supervision_access": _("Toezicht: de privacyfunctionaris opende de casus"),
    "desk_disclosure_notes_read": _(
        "Toelichting bij verstrekkingen ingezien (privacyfunctionaris)"
    ),
    "find_duplicates": _("Gezocht naar dubbele registraties"),
    "identity_encoding_rebuilt": _("Versleutelde sleutels voor het vergelijken opnieuw gemaakt"),
    "legal_hold_read": _("Bewaarplicht (blokkade) ingezien"),
    "log_export": _("Verwerkingslog geëxporteerd"),
    "log_search": _("Verwerkingslog doorzocht"),
    "main_identity_chosen": _("Hoofdidentiteit gekozen"),
    "main_identity_read": _("Hoofdidentiteit ingezien"),
    "match_model_estimated": _("Vergelijkingsmodel opnieuw berekend"),
    "meeting_attendance_recorded": _("Aanwezigheid bij een casusoverleg vastgelegd"),
    "meeting_confidentiality_acknowledged": _("Geheimhouding bij een casusoverleg bevestigd"),
    "meeting_scheduled": _("Casusoverleg gepland"),
    "meeting_status": _("Status van een casusoverleg gewijzigd"),
    "retention_policy_update": _("Bewaartermijn gewijzigd"),
    "supervision_access_granted": _("Toezicht: inzage in een casus gegeven"),
    "supervision_case_read": _("Toezicht: casus ingezien"),
    "weighing_session_closed": _("Wegingsoverleg afgesloten"),
    "weighing_session_scheduled": _("Wegingsoverleg gepland"),
}


def action_names() -> "dict[str, StrOrPromise]":
    """Privacy's labels and those the apps above it contribute (``LOG_ACTION_NAMES``: dicts of
    code to label), so a new app names its own log records."""
    names = dict(ACTION_NAMES)
    for contributed in contributions(LOG_ACTION_NAMES):
        names.update(contributed)
    return names


def action_name(name: str) -> str:
    """The label of a log record's handeling in the active language."""
    label = action_names().get(name)
    return str(label) if label else name.replace("_", " ").replace(".", " ").capitalize()
