"""The weighing through its screens (server-rendered, no JavaScript): plan a session, put a
person on the agenda, record the decision, close the session; what a refused form keeps."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from schakel.cases.models import Case
from schakel.cases.tests.factories import JUSTIFICATION, arrangement_for, decision, weighed_signal
from schakel.intake.tests.factories import membership_of, register
from schakel.weighing.choices import SessionStatus, WeighingOutcome
from schakel.weighing.models import WeighingItem, WeighingSession
from schakel.weighing.selectors import active_criteria
from schakel.weighing.services import item_decide
from schakel.weighing.tests.view_helpers import (
    CREATE,
    LIST,
    SURNAME,
    decision_data,
    item_url,
    session_url,
    text,
)

pytestmark = pytest.mark.django_db


# The whole flow -----------------------------------------------------------------------------


def test_the_meldpunt_plans_adds_a_person_and_includes_them(personas, signed_in) -> None:
    arrangement = arrangement_for(personas.municipality_a)
    client: Client = signed_in(personas.lead_a)
    assert "Weging plannen" in text(client.get(LIST))

    form = text(client.get(CREATE))
    assert "Deelnemende organisaties" in form
    # Staff of another organisation appear by function and organisation, not by name.
    assert "Beleidsmedewerker – Politie-eenheid Noordkaap" in form
    assert personas.police_member.full_name not in form
    held_on = timezone.localdate() + timedelta(days=3)
    response = client.post(
        CREATE,
        {
            "afspraak": str(arrangement.pk),
            "held_on": held_on.isoformat(),
            "held_at_time": "09:30",
            "participants": [
                str(personas.municipality_a.pk),
                str(personas.police.pk),
                str(personas.om.pk),
            ],
            "chair": str(personas.lead_a.pk),
        },
    )
    session = WeighingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session_url(session)
    assert session.chair == personas.lead_a
    assert timezone.localtime(session.held_at).date() == held_on
    assert set(session.participants.all()) == {
        personas.municipality_a,
        personas.police,
        personas.om,
    }

    signal = register(personas.police_member, residence=personas.municipality_a).signal
    detail = text(client.get(session_url(session)))
    assert f"Signaal {signal.reference}" in detail
    assert SURNAME not in detail
    response = client.post(session_url(session, "item_add"), {"signal": str(signal.pk)})
    item = WeighingItem.objects.get()
    assert response.status_code == 302
    assert "De persoon staat op de agenda" in text(client.get(session_url(session)))

    page = text(client.get(item_url(item)))
    assert SURNAME in page
    assert "Deelt op school teksten" in page
    assert "Soort gegevens: Gewone persoonsgegevens" in page
    assert "Besluit vastleggen" in page

    response = client.post(
        item_url(item, "item_decide"), decision_data(process_director=str(personas.director.pk))
    )

    assert response.status_code == 302
    case = Case.objects.get(opened_from=item)
    assert case.directing_municipality == personas.municipality_a
    assert case.process_director == personas.director
    assert case.zvh == personas.zvh
    page = text(client.get(item_url(item)))
    assert "Het besluit van de weging is vastgelegd." in page
    assert "Opnemen in de persoonsgerichte aanpak" in page
    assert JUSTIFICATION in page
    assert "Besproken met politie en OM." in page
    assert case.reference in page
    assert "Besluit vastleggen" not in page


def test_a_decision_without_justification_is_shown_again_and_saves_nothing(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(justification="   "),
    )

    assert response.status_code == 200
    content = text(response)
    assert "Er is nog niets opgeslagen" in content
    assert "Onderbouw de noodzaak, proportionaliteit en subsidiariteit van het besluit." in content
    # What was typed is still there, and what was ticked.
    assert "Besproken met politie en OM." in content
    first = active_criteria()[0]
    assert f'value="{first.pk}" id="id_criteria_0" checked' in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""
    assert not Case.objects.exists()


def test_a_decision_needs_criteria_and_a_date_for_more_information(personas, signed_in):
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(WeighingOutcome.MORE_INFORMATION, criteria=[]),
    )

    content = text(response)
    assert "Geef aan welke criteria zijn overwogen." in content
    assert "Vul de datum in waarop de weging een vervolg krijgt." in content
    # A note by an unticked criterion is not silently dropped.
    assert "niet is aangevinkt" in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == ""


def test_more_information_shows_as_a_follow_up_without_person_data(personas, signed_in):
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)
    due = timezone.localdate() + timedelta(days=14)

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(WeighingOutcome.MORE_INFORMATION, follow_up_on=due.isoformat()),
    )

    assert response.status_code == 302
    content = text(client.get(LIST))
    assert "Vervolg van eerdere wegingen" in content
    assert "Meer informatie nodig" in content
    assert item_url(weighed.item) in content
    assert SURNAME not in content


def test_someone_else_deciding_first_is_a_clear_conflict_and_keeps_the_input(
    personas, signed_in
) -> None:
    weighed = weighed_signal(personas)
    client = signed_in(personas.lead_a)
    item_decide(
        membership=membership_of(personas.colleague_a),
        item=weighed.item,
        data=decision(WeighingOutcome.NO_ACTION),
    )

    response = client.post(
        item_url(weighed.item, "item_decide"),
        decision_data(justification="Mijn eigen onderbouwing, niet opgeslagen."),
    )

    assert response.status_code == 409
    content = text(response)
    assert "Iemand anders heeft intussen over dit punt besloten" in content
    assert "Mijn eigen onderbouwing, niet opgeslagen." in content
    assert "Geen actie" in content
    weighed.item.refresh_from_db()
    assert weighed.item.outcome == WeighingOutcome.NO_ACTION
    assert not Case.objects.exists()


# Planning ------------------------------------------------------------------------------------


def test_a_session_without_the_om_is_refused_with_the_input_kept(personas, signed_in) -> None:
    arrangement_for(personas.municipality_a)
    client = signed_in(personas.lead_a)

    response = client.post(
        CREATE,
        {
            "held_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "held_at_time": "14:00",
            "participants": [str(personas.municipality_a.pk), str(personas.police.pk)],
            "chair": str(personas.ggz_member.pk),
        },
    )

    assert response.status_code == 200
    content = text(response)
    assert "Aan een weging nemen ten minste een gemeente, de politie en het OM deel." in content
    assert "De voorzitter werkt voor een deelnemende of de faciliterende organisatie." in content
    assert 'value="14:00"' in content
    assert not WeighingSession.objects.exists()


def test_with_several_arrangements_the_arrangement_is_chosen_first(personas, signed_in):
    own = arrangement_for(personas.municipality_a)
    regional = arrangement_for(
        personas.municipality_a, personas.municipality_b, facilitator=personas.municipality_a
    )
    client = signed_in(personas.lead_a)

    step = text(client.get(CREATE))
    assert "Kies eerst voor welke afspraak" in step
    assert own.name in step
    assert regional.name in step

    form = text(client.get(CREATE, {"afspraak": str(regional.pk)}))
    assert personas.municipality_b.name in form
    assert 'name="participants"' in form

    foreign = arrangement_for(personas.municipality_b)
    response = client.post(CREATE, {"afspraak": str(foreign.pk)})
    assert response.status_code == 404


def test_closing_asks_for_confirmation_and_hides_items_from_the_police(personas, signed_in) -> None:
    weighed = weighed_signal(personas)
    police = signed_in(personas.police_member)
    assert SURNAME in text(police.get(item_url(weighed.item)))
    lead = signed_in(personas.lead_a)

    confirm = text(lead.get(session_url(weighed.session, "session_close")))
    assert "Weet u zeker dat u dit overleg wilt sluiten?" in confirm
    assert "1 wegingspunt is nog niet besloten." in confirm
    weighed.session.refresh_from_db()
    assert weighed.session.status == SessionStatus.OPEN

    response = lead.post(session_url(weighed.session, "session_close"))

    assert response.status_code == 302
    weighed.session.refresh_from_db()
    assert weighed.session.status == SessionStatus.CLOSED
    assert police.get(item_url(weighed.item)).status_code == 404
    # The directing municipality keeps its item; nothing more can be decided.
    page = text(lead.get(item_url(weighed.item)))
    assert SURNAME in page
    assert "Besluit vastleggen" not in page
    assert lead.post(item_url(weighed.item, "item_decide"), decision_data()).status_code == 404
