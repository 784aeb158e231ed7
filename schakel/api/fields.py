"""Serializer pieces every app's API shares: organisations by id and name, ids scoped to what the
caller may use, and one output object made of a model and what a selector returned beside it."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from schakel.accounts.models import Membership
from schakel.accounts.organisations.selectors import directory_for
from schakel.network.choices import OrganisationKind
from schakel.network.models import Organisation


class OrganisationRefSerializer(serializers.Serializer[Any]):
    """An organisation by id and name (never its staff)."""

    id = serializers.UUIDField()
    name = serializers.CharField()


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):  # type: ignore[type-arg]
    """A UUID that must name one of the objects ``scope(membership)`` returns.

    An unknown id and an id the caller may not use give the same message, so the answer never
    tells whether something exists.
    """

    def __init__(self, *, scope: Any, message: Any, **kwargs: Any) -> None:
        self.scope = scope
        kwargs["pk_field"] = serializers.UUIDField(error_messages={"invalid": message})
        kwargs["error_messages"] = {"does_not_exist": message, "incorrect_type": message}
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        membership = self.context.get("membership")
        return self.scope(membership if isinstance(membership, Membership) else None)  # type: ignore[no-any-return]


class _Merged:
    def __init__(self, base: object, **extra: object) -> None:
        self._base = base
        self.__dict__.update(extra)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)


def Merged(base: object, **extra: object) -> Any:  # noqa: N802 (reads like the object it makes)
    """An object whose attributes are ``extra`` first, then those of ``base``: lets one output
    serializer describe a model together with what a selector returned beside it."""
    return _Merged(base, **extra)


class OrganisationSerializer(OrganisationRefSerializer):
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)


def directory_of(membership: Membership | None) -> QuerySet[Organisation]:
    """Organisations a membership may name: its partner directory (active ones)."""
    if membership is None:
        return Organisation.objects.none()
    return directory_for(user=membership.user)


def organisation_field(help_text: str, **kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(
        scope=directory_of,
        help_text=help_text,
        message=_("Kies een organisatie uit de partnergids."),
        **kwargs,
    )
