"""API authentication (stub, replaced by the API work)."""

from rest_framework.authentication import SessionAuthentication


class PersonalAccessTokenAuthentication(SessionAuthentication):
    pass


class VerifiedSessionAuthentication(SessionAuthentication):
    pass
