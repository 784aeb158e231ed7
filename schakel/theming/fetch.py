"""Fetch a tokens file once from an https address the operator gives.

Guarded: https only (plain http only to the loopback interface, and only where the setting
``SCHAKEL_THEME_LOOPBACK_HTTP`` allows it: the tests); the host must not resolve to a private,
loopback, link-local or otherwise internal address (so the server cannot be used to read
internal services); no redirects at all; a timeout; at most ``MAX_BYTES`` read. What comes back
goes through the same parser and contrast check as an upload.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from schakel.theming.tokens import MAX_BYTES, ThemeRefusedError

TIMEOUT_SECONDS = 5


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # urllib then raises HTTPError for the 3xx answer


def _addresses(host: str) -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise ThemeRefusedError(
            [_("Het adres %(host)s is niet te vinden.") % {"host": host}]
        ) from error
    return {ipaddress.ip_address(str(info[4][0])) for info in infos}


def _is_loopback_literal(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    host = parts.hostname or ""
    loopback_http = getattr(settings, "SCHAKEL_THEME_LOOPBACK_HTTP", False)
    if parts.scheme not in ("https", "http") or not host:
        raise ThemeRefusedError([_("Geef een adres dat met https:// begint.")])
    if parts.scheme == "http":
        if loopback_http and _is_loopback_literal(host):
            return
        raise ThemeRefusedError([_("Geef een adres dat met https:// begint.")])
    if any(not a.is_global for a in _addresses(host)):
        raise ThemeRefusedError(
            [
                _("Het adres %(host)s wijst naar een intern netwerk; dat haalt Schakel niet op.")
                % {"host": host}
            ]
        )


def fetch_tokens(url: str) -> bytes:
    """The body at ``url`` (at most ``MAX_BYTES`` + 1 bytes, so the parser can refuse more)."""
    _check_url(url)
    opener = urllib.request.build_opener(_NoRedirects)
    request = urllib.request.Request(url, headers={"Accept": "text/css"})  # noqa: S310 (checked)
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return bytes(response.read(MAX_BYTES + 1))
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            message = _("Het adres stuurt door naar een ander adres; Schakel volgt dat niet.")
        else:
            message = _("Het adres gaf foutcode %(code)s.") % {"code": error.code}
        raise ThemeRefusedError([message]) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ThemeRefusedError([_("Het bestand kon niet worden opgehaald.")]) from error
