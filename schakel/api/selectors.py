"""Reads for the API plumbing: the caller's own access tokens and the partner directory."""

import uuid

from django.db.models import QuerySet
from django.http import Http404

from schakel.accounts.models import PersonalAccessToken, User
from schakel.accounts.organisations.selectors import directory_for
from schakel.network.models import Organisation


def access_tokens_of(*, user: User) -> QuerySet[PersonalAccessToken]:
    """Only the user's own tokens; nobody sees another person's tokens, not even an admin."""
    return PersonalAccessToken.objects.filter(user=user).order_by("-created_at")


def access_token_get_for_user(*, user: User, pk: uuid.UUID) -> PersonalAccessToken:
    """The user's own token; a missing token and another user's token give the same 404."""
    token = access_tokens_of(user=user).filter(pk=pk).first()
    if token is None:
        raise Http404
    return token


def partners_for(*, user: User) -> QuerySet[Organisation]:
    """The partner directory as the API lists it: the same set the UI shows."""
    return directory_for(user=user)
