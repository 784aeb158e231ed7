"""Expiry with a frozen clock: person data and encodings go, a record without it stays."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from schakel.audit.models import DeletionRecord, LogRecord
from schakel.core.tests.raw_rows import raw_dump
from schakel.intake.choices import SignalStatus
from schakel.intake.convergence import layout
from schakel.intake.models import (
    BlockingKey,
    IdentityEncoding,
    MatchSuggestion,
    RelatedPerson,
    Signal,
    Subject,
)
from schakel.intake.services import RelatedPersonInput, signal_set_status, suggestion_decide
from schakel.intake.tests.expiry_helpers import expire_signals
from schakel.intake.tests.factories import VALID_BSN, membership_of, register
from schakel.legal.choices import RetentionKind
from schakel.legal.models import RetentionPolicy

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 1, 15, 10, 0))
PLANTED = ["Wendelmoed", "Kraaijeveldt", "1993-02-11", VALID_BSN, "Geertruida", "schreeuwde"]


def plant(personas):
    first = register(
        personas.police_member,
        residence=personas.municipality_a,
        given_names="Wendelmoed",
        surname="Kraaijeveldt",
        surname_prefix="",
        date_of_birth=date(1993, 2, 11),
        bsn=VALID_BSN,
        observation="Hij schreeuwde dreigementen bij het gemeentehuis.",
        related_persons=(RelatedPersonInput("Zus", "Geertruida Kraaijeveldt"),),
    )
    second = register(
        personas.school_member,
        residence=personas.municipality_a,
        given_names="Wendelmoed",
        surname="Kraaijeveld",
        surname_prefix="",
        date_of_birth=date(1993, 2, 11),
    )
    return first, second


def decrypted_plaintexts() -> str:
    """Every encrypted field's plaintext, after decryption, of every intake row left."""
    values: list[str] = []
    for signal in Signal.objects.all():
        values.extend(
            str(getattr(signal, f)) for f in ("given_names", "surname", "bsn", "observation")
        )
    values.extend(str(r.name) for r in RelatedPerson.objects.all())
    return "\n".join(values)


def test_expiry_deletes_person_data_and_encodings_and_keeps_a_record(personas):
    with time_machine.travel(START, tick=False):
        _first, second = plant(personas)
        # Confirmed, so that the subject must go as well.
        suggestion_decide(
            suggestion=second.suggestions[0],
            membership=membership_of(personas.lead_a),
            confirm=True,
        )
    assert Subject.objects.count() == 1

    with time_machine.travel(START + timedelta(days=364), tick=False):
        assert expire_signals().expired == 0  # not yet

    with time_machine.travel(START + timedelta(days=366), tick=False):
        result = expire_signals()
    assert result.expired == 2

    for signal in Signal.objects.all():
        assert signal.status == SignalStatus.EXPIRED
        assert signal.person_data_deleted_at is not None
        assert signal.given_names is None
        assert signal.bsn is None
        assert signal.observation is None
        assert signal.subject_id is None
    for model in (IdentityEncoding, BlockingKey, RelatedPerson, MatchSuggestion, Subject):
        assert model.objects.count() == 0, model
    dump = raw_dump() + decrypted_plaintexts().casefold()
    for needle in PLANTED:
        assert needle.casefold() not in dump, needle

    records = list(DeletionRecord.objects.order_by("object_kind"))
    assert [(r.object_kind, r.count) for r in records] == [
        ("related_person", 1),
        ("signal_person_data", 2),
    ]
    assert {r.run_id for r in records} == {result.run_id}
    record_text = repr([vars(r) for r in records])
    for signal_id in Signal.objects.values_list("pk", flat=True):
        assert str(signal_id) not in record_text
    assert LogRecord.objects.filter(name="signal_expire").count() == 3  # 2 persons, 1 related


def test_a_signal_linked_to_a_weighing_does_not_expire(personas):
    with time_machine.travel(START, tick=False):
        first, _ = plant(personas)
    Signal.objects.filter(pk=first.signal.pk).update(status=SignalStatus.LINKED_TO_WEIGHING)
    with time_machine.travel(START + timedelta(days=400), tick=False):
        assert expire_signals().expired == 1
    kept = Signal.objects.get(pk=first.signal.pk)
    assert kept.given_names == "Wendelmoed"
    assert IdentityEncoding.objects.filter(signal=kept).exists()


def test_closed_signals_expire_too_and_the_window_is_configurable(personas):
    RetentionPolicy.objects.filter(kind=RetentionKind.SIGNAL_NOT_WEIGHED).update(term_months=3)
    with time_machine.travel(START, tick=False):
        done = register(personas.police_member, residence=personas.municipality_a)
        signal_set_status(
            signal=done.signal,
            membership=membership_of(personas.lead_a),
            status="closed_without_action",
            note="Geen zorgen na huisbezoek.",
        )
    with time_machine.travel(START + timedelta(days=93), tick=False):
        assert expire_signals().expired == 1


def test_the_retention_command_and_its_daily_task_expire_signals(personas):
    """One path: the daily retention sweep (``apply_retention``) expires never-weighed signals;
    there is no separate expiry job."""
    from schakel.privacy.tasks import apply_retention_task

    with time_machine.travel(START, tick=False):
        plant(personas)
    with time_machine.travel(START + timedelta(days=370), tick=False):
        call_command(
            "apply_retention", "--kind", RetentionKind.SIGNAL_NOT_WEIGHED, "--no-progress",
            "--batch-size", "1", stdout=io.StringIO(),
        )  # fmt: skip
    assert Signal.objects.filter(status=SignalStatus.EXPIRED).count() == 2
    assert DeletionRecord.objects.filter(object_kind="signal_person_data").count() == 2

    with time_machine.travel(START, tick=False):
        register(personas.police_member, residence=personas.municipality_b)
    with time_machine.travel(START + timedelta(days=370), tick=False):
        apply_retention_task.enqueue()  # the immediate backend in tests
    assert Signal.objects.filter(status=SignalStatus.EXPIRED).count() == 3


def test_encodings_can_be_rebuilt_under_a_new_matching_key(personas, settings):
    first, _ = plant(personas)
    settings.SCHAKEL_PSEUDONYM_KEY = b"\x02" * 32
    later = register(personas.lead_a, residence=personas.municipality_a, **IDENTITY)
    assert later.suggestions == []  # old encodings are under the old key
    out = io.StringIO()
    call_command("rebuild_identity_encodings", "--no-progress", stdout=out)
    assert "0 signalen opnieuw gecodeerd" in out.getvalue()  # all are of the current version
    call_command("rebuild_identity_encodings", "--all", "--no-progress", stdout=out)
    again = register(personas.lead_a, residence=personas.municipality_a, **IDENTITY)
    assert {s.earlier_signal_id for s in again.suggestions} >= {first.signal.pk}
    assert IdentityEncoding.objects.count() == Signal.objects.count()


def test_rebuilding_takes_only_outdated_encodings_and_resumes(personas):
    signals = [plant(personas)[0].signal for _ in range(2)]
    IdentityEncoding.objects.filter(signal=signals[0]).update(version=1, features=None)
    out = io.StringIO()
    call_command("rebuild_identity_encodings", "--no-progress", "--batch-size", "1", stdout=out)
    assert "1 signalen opnieuw gecodeerd" in out.getvalue()
    assert set(IdentityEncoding.objects.values_list("version", flat=True)) == {layout.VERSION}
    assert LogRecord.objects.filter(name="identity_encoding_rebuilt").count() == 1


IDENTITY = {
    "given_names": "Wendelmoed",
    "surname": "Kraaijeveldt",
    "surname_prefix": "",
    "date_of_birth": date(1993, 2, 11),
}


def test_online_research_about_an_expired_signal_loses_its_content(personas):
    from schakel.intake.models import OnlineResearchEntry
    from schakel.intake.online_services import ResearchPlan, online_research_start

    with time_machine.travel(START, tick=False):
        first, _ = plant(personas)
        entry = online_research_start(
            membership=membership_of(personas.lead_a),
            plan=ResearchPlan(
                purpose="Nagaan of Wendelmoed openbaar oproept tot geweld",
                occasion="Melding over Wendelmoed Kraaijeveldt",
                legal_basis="public_order",
                public_order_interest="Bijeenkomst in de wijk",
                subsidiarity="Eerst navraag bij de wijkagent",
                confirms_no_fictitious_profile=True,
                confirms_no_closed_groups=True,
                confirms_no_systematic_following=True,
                signal=first.signal,
            ),
        )
    with time_machine.travel(START + timedelta(days=370), tick=False):
        result = expire_signals()
    kept = OnlineResearchEntry.objects.get(pk=entry.pk)
    assert kept.content_deleted_at is not None
    assert kept.signal_id is None
    assert kept.legal_basis == "public_order"
    assert "wendelmoed" not in (kept.purpose + kept.occasion).casefold()
    assert "wendelmoed" not in raw_dump()
    kinds = dict(
        DeletionRecord.objects.filter(run_id=result.run_id).values_list("object_kind", "count")
    )
    assert kinds["online_research_text"] == 1
    expire_log = LogRecord.objects.filter(name="signal_expire")
    assert set(expire_log.values_list("data_subject_type", flat=True)) == {
        "person",
        "related_person",
    }
