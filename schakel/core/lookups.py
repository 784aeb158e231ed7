"""``field__in_set=<subquery>``: membership in a set that a subquery yields once.

On SQLite this is ``IN (subquery)``. On PostgreSQL it is ``= ANY(ARRAY(subquery))``: the set is
evaluated once into an array, and the planner can still use the field's index inside an ``OR``
(with ``IN (subquery)`` in an ``OR`` it scans every row instead). Measured in
docs/benchmarks.md ("Cases").
"""

from typing import Any

from django.db.models import UUIDField
from django.db.models.lookups import In


class InSet(In):
    lookup_name = "in_set"

    def as_postgresql(self, compiler: Any, connection: Any) -> Any:
        if self.rhs_is_direct_value():
            # A list of values, not a subquery: the ordinary IN is as good.
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]


UUIDField.register_lookup(InSet)
