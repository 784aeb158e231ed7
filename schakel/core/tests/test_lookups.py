"""``in_set`` gives the same rows as ``in`` and, on PostgreSQL, reads the set once as an array."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakel.cases.models import Case, Participation
from schakel.cases.tests.factories import open_case


def test_in_set_selects_what_in_selects_and_uses_an_array_on_postgresql(personas):
    case = open_case(personas)
    other = open_case(personas, given_names="Brecht", surname="Oudeland")
    subquery = Participation.objects.filter(organisation=personas.police, case=case).values(
        "case_id"
    )
    with CaptureQueriesContext(connection) as queries:
        found = list(Case.objects.filter(pk__in_set=subquery).values_list("pk", flat=True))
    assert found == [case.pk]
    assert other.pk not in found
    assert sorted(Case.objects.filter(pk__in=[case.pk, other.pk]).values_list("pk", flat=True))
    sql = queries[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(ARRAY(SELECT" in sql
    else:
        assert " IN (SELECT" in sql
    # Through a relation too (the access conditions of items and interventions use a prefix).
    through = Participation.objects.filter(case__pk__in_set=subquery)
    assert set(through.values_list("case_id", flat=True)) == {case.pk}
    # A plain list falls back to the ordinary IN.
    assert list(Case.objects.filter(pk__in_set=[other.pk]).values_list("pk", flat=True)) == [
        other.pk
    ]
