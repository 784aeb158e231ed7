"""The collaboration pages without JavaScript: the home page, the forms of the plan (with the
Dutch refusal of person data on the form), roles and hosted weighing, and the exports."""

import csv
import io
from typing import Any

import pytest
from django.urls import resolve, reverse
from pypdf import PdfReader

from schakel.cases.tests.document_helpers import pdf_text
from schakel.collaboration.choices import CollaborationRoleKind, ProgressStatus
from schakel.collaboration.models import CollaborationRole, HostedWeighing, PlanGoal, PolicyPlan
from schakel.collaboration.tests.test_services import BSN_TEXT
from schakel.intake.tests.factories import membership_of

pytestmark = pytest.mark.django_db


def url(name, collaboration, **kwargs):
    return reverse(f"collaboration:{name}", kwargs={"pk": collaboration.pk, **kwargs})


def test_the_home_page_shows_kind_roles_plan_and_hosted_weighing(
    signed_in, personas, network, world
):
    body = signed_in(network.coordinator).get(url("detail", network.partnership)).content.decode()
    assert "Regionaal veiligheidsverband" in body
    assert "meerjarig beleidsplan met prioritaire thema" in body  # the kind's explanation
    assert "Gemeente Brookdam" in body
    assert "Politie-eenheid Noordkaap" in body
    assert "Voorzitter" in body
    assert personas.municipality_b.mailbox in body
    assert network.chair.full_name not in body
    assert network.coordinator.full_name not in body
    assert "2025–2028" in body
    assert world.hosted.arrangement.name in body
    assert "De regie blijft bij de woongemeente" in body
    assert 'href="#beleidsplan"' in body  # the table of contents


def test_the_list_explains_when_there_is_nothing(signed_in, personas, network):
    body = signed_in(personas.school_member).get(reverse("collaboration:list")).content.decode()
    assert "neemt (in de rol waarin u nu werkt) niet deel" in body
    body = signed_in(personas.superuser).get(reverse("collaboration:list")).content.decode()
    assert network.partnership.name in body
    assert network.alliance.name in body


def test_the_coordinator_writes_the_plan_a_goal_and_progress(signed_in, network):
    client = signed_in(network.coordinator)
    partnership = network.partnership
    response = client.post(
        url("plan_edit", partnership),
        {"start_year": "2025", "end_year": "2028", "summary": "Samen.", "theme_1": "Preventie",
         "theme_2": "Deskundigheid"},
    )  # fmt: skip
    assert response.status_code == 302
    plan = PolicyPlan.objects.get(collaboration=partnership)
    theme = plan.themes.get(position=2)
    response = client.post(
        url("goal_add", partnership),
        {"theme": theme.pk, "title": "Tweehonderd professionals getraind",
         "indicator_name": "Getrainde professionals", "indicator_baseline": "40",
         "indicator_target": "200", "indicator_unit": "personen"},
    )  # fmt: skip
    assert response.status_code == 302
    goal = PlanGoal.objects.get(theme=theme)
    assert goal.indicators.get().target == 200
    response = client.post(
        url("progress_add", partnership, goal_pk=goal.pk),
        {"period_label": "2026-K1", "status": ProgressStatus.ATTENTION, "explanation": "Krap."},
    )
    assert response.status_code == 302
    response = client.post(
        url("indicator_add", partnership, goal_pk=goal.pk),
        {"name": "Sessies", "baseline": "0", "target": "10", "unit": "sessies"},
    )
    assert response.status_code == 302
    body = client.get(url("plan", partnership)).content.decode()
    assert "Aandacht nodig" in body
    assert "Tweehonderd professionals getraind" in body


def test_person_data_is_refused_on_the_form_in_dutch(signed_in, network, world):
    client = signed_in(network.chair)
    response = client.post(
        url("progress_add", network.partnership, goal_pk=world.goal.pk),
        {"period_label": "2026-K2", "status": ProgressStatus.BEHIND, "explanation": BSN_TEXT},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog niets opgeslagen" in body
    assert "op een burgerservicenummer (BSN) lijkt" in body
    assert world.goal.progress_updates.count() == 1


def test_a_goal_with_half_an_indicator_is_refused(signed_in, network, world):
    response = signed_in(network.coordinator).post(
        url("goal_add", network.partnership),
        {"theme": world.plan.themes.first().pk, "title": "Doel", "indicator_name": "Alleen naam"},
    )
    assert response.status_code == 200
    assert "Vul de nulmeting in" in response.content.decode()


def test_a_functional_admin_assigns_and_ends_a_role(signed_in, personas, network, world):
    client = signed_in(personas.admin_b)
    police = membership_of(personas.police_member)
    page = client.get(url("roles", network.partnership)).content.decode()
    assert personas.police_member.full_name not in page  # offered as function – organisation
    assert personas.police.mailbox in page
    response = client.post(
        url("roles", network.partnership),
        {"membership": police.pk, "kind": CollaborationRoleKind.SECRETARY},
    )
    assert response.status_code == 302
    role = CollaborationRole.objects.get(membership=police)
    response = client.post(url("role_end", network.partnership, role_pk=role.pk))
    assert response.status_code == 302
    assert not CollaborationRole.objects.filter(pk=role.pk).exists()


def test_a_membership_outside_the_members_is_not_offered(signed_in, personas, network):
    response = signed_in(network.coordinator).post(
        url("roles", network.partnership),
        {"membership": membership_of(personas.outsider).pk, "kind": CollaborationRoleKind.CHAIR},
    )
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden" in response.content.decode()


def test_the_superuser_ends_a_hosted_weighing(signed_in, personas, network, world):
    client = signed_in(personas.superuser)
    assert client.get(url("hosting", network.partnership)).status_code == 200
    response = client.post(url("hosting_end", network.partnership, hosted_pk=world.hosted.pk))
    assert response.status_code == 302
    assert not HostedWeighing.objects.exists()
    response = client.post(
        url("hosting", network.partnership), {"arrangement": world.hosted.arrangement_id}
    )
    assert response.status_code == 302
    assert HostedWeighing.objects.count() == 1


def test_the_pdf_is_tagged_and_names_no_staff(signed_in, personas, network, world):
    response = signed_in(personas.police_member).get(url("plan_pdf", network.partnership))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root: Any = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    text = pdf_text(response.content)
    assert "Meldpunt in elke gemeente" in text
    assert "2025–2028" in text
    assert "geen persoonsgegevens van betrokkenen" in text
    for user in (network.chair, network.coordinator, personas.police_member):
        assert user.full_name not in text
        assert user.email not in text


def test_the_csv_opens_in_excel_and_defuses_formulas(signed_in, network, world):
    world.goal.title = '=HYPERLINK("http://example.com")'
    world.goal.save()
    indicator = world.goal.indicators.get()
    indicator.unit = "+SUM(A1)"
    indicator.save()
    response = signed_in(network.coordinator).get(url("plan_csv", network.partnership))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Looptijd", "Thema", "Doel"]
    assert rows[1][2].startswith("'=HYPERLINK")
    assert rows[1][7] == "'+SUM(A1)"
    assert rows[1][8:10] == ["2026-K1", "Op koers"]
    assert network.chair.full_name not in response.content.decode("utf-8-sig")


def test_sections_of_other_apps_follow_with_the_table_of_contents(
    signed_in, network, world, monkeypatch
):
    from schakel.collaboration import sections

    seen = []

    def meetings(membership, collaboration, roles):
        seen.append((membership.user, collaboration, roles))
        return sections.CollaborationSection(
            anchor="overleggen",
            title="Overleggen",
            template="core/partials/data_item.html",
            context={},
        )

    monkeypatch.setattr(sections, "contributions", lambda point: [meetings, lambda *a: None])
    body = signed_in(network.coordinator).get(url("detail", network.partnership)).content.decode()
    assert 'href="#overleggen"' in body
    assert 'aria-labelledby="overleggen"' in body
    assert seen == [(network.coordinator, network.partnership, frozenset({"coordinator"}))]


ZERO = "00000000-0000-0000-0000-000000000000"
FORMS = {
    "roles": {},
    "role_end": {"role_pk": ZERO},
    "hosting": {},
    "hosting_end": {"hosted_pk": ZERO},
    "plan_edit": {},
    "goal_add": {},
    "indicator_add": {"goal_pk": ZERO},
    "progress_add": {"goal_pk": ZERO},
}


@pytest.mark.parametrize("name", FORMS)
def test_every_form_requires_its_one_time_token(name):
    path = reverse(f"collaboration:{name}", kwargs={"pk": ZERO, **FORMS[name]})
    assert getattr(resolve(path).func, "requires_form_token", False)
