"""The name-search limit's counters: one row per user and fixed ten-minute window.

A row is counted up with one UPDATE ... SET count = count + 1 inside the search's transaction,
so parallel requests in other workers wait for the row lock (PostgreSQL) or the write lock
(SQLite) and each see their own count. Rows of windows older than an hour are purged on each
check. The rows hold no search term, only how many name searches a user did.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NameSearchCount(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "window_start"], name="name_search_window")
        ]
        indexes = [models.Index(fields=["window_start"], name="name_search_window_start")]
        verbose_name = _("telling van zoekopdrachten op naam")
        verbose_name_plural = _("tellingen van zoekopdrachten op naam")

    def __str__(self) -> str:
        return f"{self.window_start:%Y-%m-%d %H:%M}: {self.count}"
