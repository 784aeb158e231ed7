"""The privacy officer's register and integrity pages; everyone else gets 404."""

import pytest
from django.urls import reverse

from schakel.accounts.services import user_signed_in
from schakel.audit.models import LogRecord, ProcessingActivity, VerificationRun

REGISTER = reverse("audit:register")
INTEGRITY = reverse("audit:integrity")


def test_privacy_officer_reads_the_register_with_all_fields(personas, signed_in) -> None:
    page = signed_in(personas.privacy_officer_a).get(REGISTER).content.decode()

    activities = list(ProcessingActivity.objects.all())
    assert len(activities) >= 10
    for activity in activities:
        assert activity.name in page
        for field in ("purpose", "legal_basis", "data_categories", "recipients", "retention"):
            first_line = getattr(activity, field).splitlines()[0]
            assert first_line[:40] in page, (activity.key, field)


def test_privacy_officer_sees_the_chain_head_and_that_it_was_never_checked(
    personas, signed_in
) -> None:
    user_signed_in(user=personas.lead_a)
    user_signed_in(user=personas.lead_b)

    page = signed_in(personas.privacy_officer_a).get(INTEGRITY).content.decode()

    assert "Aantal logregels" in page
    assert "nog niet gecontroleerd" in page
    assert "Nu controleren" in page


def test_check_now_runs_the_verification_and_shows_its_result(personas, signed_in) -> None:
    user_signed_in(user=personas.lead_a)
    client = signed_in(personas.privacy_officer_a)

    response = client.post(INTEGRITY)

    assert response.status_code == 302
    run = VerificationRun.objects.get()
    assert run.intact
    assert run.started_by_id == str(personas.privacy_officer_a.pk)
    assert run.records_checked == LogRecord.objects.count()
    page = client.get(INTEGRITY).content.decode()
    assert "Intact" in page
    assert "het logboek is intact" in page


def test_a_changed_record_is_named_after_the_check(personas, signed_in) -> None:
    for user in (personas.lead_a, personas.lead_b, personas.colleague_a):
        user_signed_in(user=user)
    LogRecord.objects.filter(sequence=2).update(result="gewijzigd")
    client = signed_in(personas.privacy_officer_a)

    client.post(INTEGRITY)

    run = VerificationRun.objects.get()
    assert not run.intact
    assert run.first_broken_sequence == 2
    page = client.get(INTEGRITY).content.decode()
    assert "Niet intact" in page
    assert "Regel 2" in page
    assert "inhoud van de logregel is gewijzigd" in page


@pytest.mark.parametrize("persona", ["lead_a", "admin_a", "police_member", "outsider", "superuser"])
def test_others_get_404_on_the_privacy_officer_pages(personas, signed_in, persona) -> None:
    client = signed_in(getattr(personas, persona))

    assert client.get(REGISTER).status_code == 404
    assert client.get(INTEGRITY).status_code == 404
    assert client.post(INTEGRITY).status_code == 404
    assert not VerificationRun.objects.exists()


def test_privacy_officer_role_that_has_ended_gives_404(personas, signed_in) -> None:
    membership = personas.privacy_officer_a.memberships.get()
    membership.valid_until = membership.valid_from
    membership.save()

    assert signed_in(personas.privacy_officer_a).get(REGISTER).status_code == 404


def test_register_query_count_is_bounded(
    personas, signed_in, django_assert_max_num_queries
) -> None:
    client = signed_in(personas.privacy_officer_a)

    with django_assert_max_num_queries(10):
        assert client.get(REGISTER).status_code == 200
