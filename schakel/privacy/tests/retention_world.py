"""A person's whole path through Schakel with a distinctive value planted in every free-text and
identity field, for the retention tests: after the sweep none of these may be found anywhere."""

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import connection

from schakel.cases.choices import ClosureReason, InterventionKind
from schakel.cases.lifecycle_services import case_close
from schakel.cases.meetings.disclosures import DisclosureInput, disclosure_record
from schakel.cases.models import Case, ItemDecision
from schakel.cases.plans.services import PlanInput, plan_update
from schakel.cases.tests.factories import on_agenda, open_case, planned_intervention
from schakel.intake.choices import DataCategory, ReportedBy
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.intake.services import RelatedPersonInput
from schakel.intake.tests.factories import OTHER_VALID_BSN, membership_of, register
from schakel.legal.models import LegalBasis


@dataclass
class Planted:
    """The values planted for one person, and the case (if any)."""

    values: list[str]
    case: Case | None
    signal: Signal


def _research(personas: Any, signal: Signal, token: str) -> None:
    OnlineResearchEntry.objects.create(
        municipality=personas.municipality_a,
        recorded_by=personas.lead_a,
        signal=signal,
        purpose=f"Doel {token}onderzoek",
        occasion=f"Aanleiding {token}aanleiding",
        legal_basis="public_order",
        public_order_interest=f"Belang {token}belang",
        subsidiarity=f"Afweging {token}afweging",
        confirms_no_fictitious_profile=True,
        confirms_no_closed_groups=True,
        confirms_no_systematic_following=True,
        sources_consulted=f"Bron {token}bron",
        outcome_summary=f"Bevinding {token}bevinding",
    )


def never_weighed(personas: Any, token: str) -> Planted:
    """A signal that never reaches a weighing, with a related person and online research."""
    done = register(
        personas.lead_a,
        residence=personas.municipality_a,
        given_names=f"{token}voornaam",
        surname=f"{token}achternaam",
        bsn=OTHER_VALID_BSN,
        address=f"{token}straat 7, Aldermeer",
        observation=f"Waarneming {token}waarneming",
        reported_by=ReportedBy.CITIZEN,
        reporter_contact=f"{token}melder@example.org",
        related_persons=(RelatedPersonInput("Broer", f"{token}broer", date(2001, 2, 3)),),
    )
    _research(personas, done.signal, token)
    return Planted(
        values=[f"{token}voornaam", f"{token}achternaam", OTHER_VALID_BSN, f"{token}straat",
                f"{token}waarneming", f"{token}melder", f"{token}broer", f"{token}onderzoek",
                f"{token}aanleiding", f"{token}belang", f"{token}afweging", f"{token}bron",
                f"{token}bevinding"],
        case=None,
        signal=done.signal,
    )  # fmt: skip


def closed_case(personas: Any, token: str) -> Planted:
    """A person weighed and included, with a plan, an intervention, a meeting decision and a
    disclosure, whose case is then closed."""
    case = open_case(
        personas,
        given_names=f"{token}voornaam",
        surname=f"{token}achternaam",
        address=f"{token}straat 9, Aldermeer",
        observation=f"Waarneming {token}waarneming",
        related_persons=(RelatedPersonInput("Zus", f"{token}zus", None),),
    )
    item = case.opened_from
    assert item is not None
    item.justification = f"Onderbouwing {token}onderbouwing"
    item.save(update_fields=["justification"])
    item.criteria.update(note=f"Overweging {token}overweging")
    director = membership_of(personas.director)
    plan_update(
        membership=director,
        case=case,
        data=PlanInput(
            analysis={"housing": f"Woont {token}analyse"},
            goals=f"Doel {token}doelen",
            based_on_version=None,
            based_on_revision=None,
        ),
    )
    intervention = planned_intervention(
        director,
        case,
        kind=InterventionKind.CARE,
        owner=personas.police,
        description=f"Gesprek {token}interventie",
    )
    intervention.outcome = f"Resultaat {token}resultaat"
    intervention.save(update_fields=["outcome"])
    agenda_item = on_agenda(personas, case)
    ItemDecision.objects.create(
        agenda_item=agenda_item, text=f"Besluit {token}besluit", recorded_by=personas.director
    )
    disclosure_record(
        membership=membership_of(personas.police_member),
        item=agenda_item,
        data=DisclosureInput(
            content=f"Bekend {token}verstrekking",
            categories=[DataCategory.CRIMINAL],
            legal_basis=LegalBasis.objects.get(code="wet-pga"),
            purpose=f"Doel {token}verstrekdoel",
            necessity_note=f"Nodig {token}noodzaak",
            recipients=[personas.municipality_a],
        ),
    )
    Case.objects.filter(pk=case.pk).update(informing_note=f"Informeren {token}informeren")
    case.refresh_from_db()
    case_close(
        membership=membership_of(personas.lead_a),
        case=case,
        reason=ClosureReason.OTHER,
        note=f"Afgesloten {token}afsluiting",
    )
    signal = Signal.objects.filter(subject=case.subject).first()
    assert signal is not None
    return Planted(
        values=[f"{token}voornaam", f"{token}achternaam", f"{token}straat", f"{token}waarneming",
                f"{token}zus", f"{token}onderbouwing", f"{token}overweging", f"{token}analyse",
                f"{token}doelen", f"{token}interventie", f"{token}resultaat", f"{token}besluit",
                f"{token}verstrekking", f"{token}verstrekdoel", f"{token}noodzaak",
                f"{token}informeren", f"{token}afsluiting"],
        case=Case.objects.get(pk=case.pk),
        signal=signal,
    )  # fmt: skip


SHARED_CACHE_TABLE = "schakel_cache"
# The knowledge base's full-text index on SQLite (FTS5 and its shadow tables): it repeats the
# text of knowledge items, which is scanned through their model and holds no person data of
# data subjects (refused on entry).
SEARCH_INDEX_TABLES = {
    "knowledge_search",
    *(f"knowledge_search_{part}" for part in ("data", "idx", "content", "docsize", "config")),
}


def traces(values: list[str]) -> list[str]:
    """Where any of ``values`` is still found: every column of every row of every table, read
    through its model (so encrypted fields are compared after decryption). Every table in the
    database has a model — the test would fail on one that does not, rather than skip it."""
    from django.apps import apps

    models = apps.get_models(include_auto_created=True)
    cache_tables = {
        c["LOCATION"] for c in settings.CACHES.values() if c["BACKEND"].endswith(".DatabaseCache")
    }
    unscanned = (
        set(connection.introspection.table_names())
        - {m._meta.db_table for m in models}
        - {"django_migrations"}
        - cache_tables
        - SEARCH_INDEX_TABLES
    )
    assert unscanned == set(), f"tables without a model are not scanned: {unscanned}"
    found = []
    lowered = [v.lower() for v in values]
    # The shared cache (rate-limit counts): its keys and pickled values, raw. One known table,
    # named in the settings; a query with a fixed text (no SQL built from strings).
    assert cache_tables <= {SHARED_CACHE_TABLE}, f"scan this cache table too: {cache_tables}"
    if cache_tables:
        with connection.cursor() as cursor:
            cursor.execute("SELECT cache_key, value FROM schakel_cache")
            for key, value in cursor.fetchall():
                text = f"{key} {base64.b64decode(value).decode('latin-1')}".lower()
                found += [f"{SHARED_CACHE_TABLE}: {v}" for v in lowered if v in text]
    for model in models:
        names = [f.attname for f in model._meta.concrete_fields]
        for row in model._base_manager.values_list(*names).iterator():
            text = " ".join(str(v) for v in row).lower()
            found += [f"{model._meta.db_table}: {v}" for v in lowered if v in text]
    return found
