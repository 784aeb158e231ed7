"""The figures per kind and quarter: small counts suppressed, totals that would reveal them
hidden, nothing else."""

from datetime import date

import pytest

from schakel.staff_safety import aggregates
from schakel.staff_safety.choices import IncidentKind
from schakel.staff_safety.models import Incident

KINDS = ["a", "b"]
H = aggregates.HIDDEN


def test_cells_below_five_are_suppressed_and_zero_is_shown() -> None:
    rows, _, _ = aggregates.suppress({(1, "a"): 4, (1, "b"): 5}, KINDS)
    assert rows[0].cells == ["< 5", "5"]
    assert rows[1].cells == ["0", "0"]


def test_a_total_over_a_suppressed_cell_is_hidden() -> None:
    rows, kind_totals, grand = aggregates.suppress({(1, "a"): 2, (1, "b"): 7, (2, "b"): 6}, KINDS)
    assert rows[0].total == H  # 2 + 7: 9 would give the 2 away
    assert rows[1].total == "6"
    assert kind_totals == [H, "13"]
    assert grand == H


def test_nothing_hidden_when_nothing_is_small() -> None:
    rows, kind_totals, grand = aggregates.suppress({(1, "a"): 5, (3, "b"): 9}, KINDS)
    assert [row.total for row in rows] == ["5", "0", "9", "0"]
    assert kind_totals == ["5", "9"]
    assert grand == "14"


@pytest.mark.parametrize(
    "counts",
    [
        {(1, "a"): 1, (1, "b"): 9, (2, "a"): 8},
        {(1, "a"): 3, (2, "a"): 3, (2, "b"): 12},
        {(4, "b"): 4},
    ],
)
def test_no_suppressed_cell_can_be_worked_out(counts) -> None:
    """Every shown equation (a line and its total) holds no suppressed cell: a reader can only
    know a suppressed cell lies between 1 and 4."""
    rows, kind_totals, grand = aggregates.suppress(counts, KINDS)
    for row in rows:
        if "< 5" in row.cells:
            assert row.total == H
    for index, total in enumerate(kind_totals):
        if any(row.cells[index] == "< 5" for row in rows):
            assert total == H
    assert grand == H


@pytest.mark.django_db
def test_the_table_counts_by_quarter_of_the_incident(personas, safety) -> None:
    Incident.objects.all().delete()
    for day in ([date(2025, 2, 1)] * 5) + [date(2025, 5, 1), date(2024, 2, 1)]:
        Incident.objects.create(
            organisation=personas.police,
            staff_member=personas.police_member,
            recorded_by=personas.police_member,
            occurred_on=day,
            kind=IncidentKind.THREAT,
            channel="phone",
            description="Bedreigd.",
        )
    table = aggregates.table_for(organisation_id=personas.police.pk, year=2025)
    threat = table.kind_values.index(IncidentKind.THREAT)
    assert table.rows[0].cells[threat] == "5"
    assert table.rows[1].cells[threat] == "< 5"
    assert table.rows[0].total == "5"
    assert table.grand_total == H
    other_org = aggregates.table_for(organisation_id=personas.municipality_a.pk, year=2025)
    assert other_org.grand_total == "0"
