"""The signals of the cases benchmark's data (``cases_data``) and the fictional people in them.

People are random combinations of the name lists of ``convergence_people``, born 1950–2010,
with BSNs from 9999xxxxx (the test range; none passes the eleven test).
"""

import bisect
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cases_case import CaseShape, Rows
from cases_world import SPAN_DAYS, World
from convergence_people import ORIGIN_CUMULATIVE, ORIGINS
from django.utils import timezone

from schakel.accounts.choices import Role
from schakel.intake.choices import (
    DataCategory,
    Relation,
    SignalStatus,
    SourceDomain,
    Urgency,
)
from schakel.intake.models import RelatedPerson, Signal, Subject

CASE_SIGNALS = (1, 2, 3, 4, 5, 6)
CASE_SIGNAL_WEIGHTS = (0.30, 0.30, 0.20, 0.10, 0.06, 0.04)
RELATED_SHARE = 0.15
STREETS = (
    "Lindelaan", "Molenweg", "Kerkstraat", "Dorpsstraat", "Beukenlaan", "Stationsweg",
    "Schoolstraat", "Julianastraat", "Parallelweg", "Kastanjelaan", "Havenkade", "Wilgenhof",
)  # fmt: skip
OBSERVATIONS = (
    "Uit zich in de klas herhaaldelijk positief over geweld tegen andersdenkenden.",
    "Deelt in een openbare groep beelden van aanslagen met goedkeurende tekst.",
    "Heeft zich teruggetrokken uit het gezin en zoekt contact met een extremistische groep.",
    "Meldt zich bij het wijkteam met zorgen over de eigen omgeving; sterke polarisatie.",
    "Zoekt online naar informatie over het maken van explosieven (melding platform).",
    "Dreigende uitlatingen richting een gebedshuis tijdens een buurtbijeenkomst.",
    "Ouders maken zich zorgen over een plotselinge verandering in gedrag en contacten.",
    "Na detentie terug in de gemeente; contact met eerder veroordeelde personen.",
)


# --- fictional people ----------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    given_names: str
    surname_prefix: str
    surname: str
    date_of_birth: date
    sex: str
    bsn: str
    address: str


def make_person(rng: random.Random, town: str) -> Person:
    origin = ORIGINS[
        min(
            bisect.bisect(ORIGIN_CUMULATIVE, rng.random() * ORIGIN_CUMULATIVE[-1]),
            len(ORIGINS) - 1,
        )
    ]
    sex = rng.choice(("male", "female"))
    names = origin.male if sex == "male" else origin.female
    given = " ".join(rng.sample(list(names), k=rng.choice((1, 1, 2, 2, 3))))
    entry = rng.choice(list(origin.surnames))
    prefix, _bar, surname = entry.rpartition("|")
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(60 * 365))
    bsn = f"9999{rng.randrange(100_000):05d}" if rng.random() < 0.35 else ""
    address = f"{rng.choice(STREETS)} {rng.randrange(1, 200)}, {town}"
    return Person(given, prefix, surname, born, sex, bsn, address)


def _signal(
    world: World,
    rng: random.Random,
    *,
    person: Person | None,
    municipality: int,
    subject: Subject | None,
    status: str,
    days_ago: float,
) -> Signal:
    region = world.municipality_region[municipality]
    by_partner = rng.random() < 0.6
    registering = (
        rng.choice(world.partners[region]) if by_partner else world.municipalities[municipality]
    )
    registered_at = world.now - timedelta(days=days_ago)
    expired = status == SignalStatus.EXPIRED
    values: dict[str, Any] = {
        "registering_organisation": registering,
        "registered_by": world.registrar,
        "registered_in_role": Role.PARTNER_MEMBER if by_partner else Role.MUNICIPAL_LEAD,
        "directing_municipality": world.municipalities[municipality],
        "status": status,
        "status_changed_at": registered_at + timedelta(days=rng.uniform(0, 14)),
        "subject": subject,
        "source_domain": rng.choice(SourceDomain.values),
        "phenomenon": rng.choice(world.phenomena),
        "urgency": Urgency.HIGH if rng.random() < 0.1 else Urgency.NORMAL,
        "observed_on": timezone.localdate(registered_at) - timedelta(days=rng.randrange(0, 20)),
        "expires_at": registered_at + timedelta(days=365 if expired else 365 * 5),
        "observation_category": rng.choice(DataCategory.values),
    }
    if expired or person is None:
        values["person_data_deleted_at"] = registered_at + timedelta(days=365)
    else:
        values.update(
            given_names=person.given_names,
            surname_prefix=person.surname_prefix or None,
            surname=person.surname,
            date_of_birth=person.date_of_birth.isoformat(),
            sex=person.sex if rng.random() < 0.6 else None,
            bsn=person.bsn or None,
            address=person.address if rng.random() < 0.5 else None,
            observation=rng.choice(OBSERVATIONS),
            reporter_contact="Via de functionele mailbox van de melder."
            if rng.random() < 0.2
            else None,
        )
    return Signal(**values)


def _signals(
    world: World, rng: random.Random, shapes: list[CaseShape], count: int, rows: Rows
) -> None:
    """``count`` signals: first 1–6 about each case's subject, the rest about others."""
    budget = count - len(shapes)
    for shape in shapes:
        extra = min(budget, rng.choices(CASE_SIGNALS, CASE_SIGNAL_WEIGHTS)[0] - 1)
        budget -= extra
        town = world.municipalities[shape.municipality].name
        case_person = make_person(rng, town)
        age = (world.now - shape.case.opened_at).total_seconds() / 86_400
        for number in range(1 + extra):
            signal = _signal(
                world,
                rng,
                person=case_person,
                municipality=shape.municipality,
                subject=shape.case.subject,
                status=SignalStatus.LINKED_TO_WEIGHING,
                days_ago=age + 7 + 30 * number,
            )
            rows.signals.append(signal)
            if rng.random() < RELATED_SHARE:
                relative = make_person(rng, town)
                rows.related.append(
                    RelatedPerson(
                        signal=signal,
                        relation=rng.choice(Relation.values),
                        name=f"{relative.given_names} {relative.surname}",
                        date_of_birth=relative.date_of_birth.isoformat(),
                    )
                )
    subject: Subject | None = None
    person: Person | None = None
    left = 0
    for _ in range(budget):
        municipality = rng.randrange(len(world.municipalities))
        town = world.municipalities[municipality].name
        if left == 0:
            subject, person = None, None
            if rng.random() < 0.5:  # about a known subject (weighed, no case)
                subject, left = Subject(), rng.choice((1, 1, 2, 3))
                rows.subjects.append(subject)
                person = make_person(rng, town)
        if subject is not None:
            left -= 1
            status = rng.choice((SignalStatus.LINKED_TO_WEIGHING, SignalStatus.UNDER_REVIEW))
            signal_person = person
        else:
            status = rng.choices(
                (
                    SignalStatus.NEW,
                    SignalStatus.UNDER_REVIEW,
                    SignalStatus.CLOSED_WITHOUT_ACTION,
                    SignalStatus.EXPIRED,
                ),
                (0.1, 0.2, 0.4, 0.3),
            )[0]
            signal_person = make_person(rng, town)
        rows.signals.append(
            _signal(
                world,
                rng,
                person=signal_person,
                municipality=municipality,
                subject=subject,
                status=status,
                days_ago=rng.uniform(0, SPAN_DAYS + 365),
            )
        )
