"""Which online research, recorded without a signal, names a given person.

A research entry may name the person or account it searched for instead of a signal. When that
person asks for access, the entries whose named person is probably one of their signals' (the
upper band of the convergence engine, "waarschijnlijk dezelfde persoon", or the same account on
the same platform) belong in the export, and so do the reads logged under them. Not the lower
band: an export must not show research about someone else, a brother or a namesake; the privacy
officer can look further in the research log by hand.
"""

import numpy as np

from schakel.intake.convergence import engine, layout, levels
from schakel.intake.convergence.encoding import Identity, encode
from schakel.intake.models import OnlineResearchEntry, Signal
from schakel.intake.signal_input import identity_of_signal, stored_year


def entry_identity(entry: OnlineResearchEntry) -> Identity:
    handle = entry.person_handle or ""
    return Identity(
        given_names=entry.person_given_names or "",
        surname_prefix=entry.person_surname_prefix or "",
        surname=entry.person_surname or "",
        birth_year=stored_year(entry.person_birth_year),
        accounts=((entry.person_platform, handle),) if handle else (),
    )


def research_naming(signals: list[Signal]) -> list[OnlineResearchEntry]:
    """Entries without a signal whose named person is probably that of one of these signals."""
    with_data = [s for s in signals if s.has_person_data]
    entries = [
        e
        for e in OnlineResearchEntry.objects.filter(
            signal__isnull=True, content_deleted_at__isnull=True
        ).order_by("created_at")
        if e.names_a_person
    ]
    if not with_data or not entries:
        return []
    people = [
        identity_of_signal(s)
        for s in Signal.objects.filter(pk__in=[s.pk for s in with_data]).prefetch_related(
            "online_accounts"
        )
    ]
    left = layout.Columns(
        layout.from_bytes([encode(e).features for e in map(entry_identity, entries)])
    )
    right = layout.Columns(layout.from_bytes([encode(p).features for p in people]))
    a = np.repeat(np.arange(len(entries), dtype=np.int64), len(people))
    b = np.tile(np.arange(len(people), dtype=np.int64), len(entries))
    model = engine.active_model()
    pair_levels = levels.compare(left, a, right, b)
    probability = model.probability(model.weights(pair_levels))
    account = levels.COMPARISONS.index(levels.ACCOUNT)
    same_account = pair_levels[:, account] == levels.ACCOUNT.level("equal")
    named = (probability >= model.likely) | same_account
    found = named.reshape(len(entries), len(people)).any(axis=1)
    return [entry for entry, hit in zip(entries, found.tolist(), strict=True) if hit]
