"""Fetch a tokens file once from an https address the operator gives.

Guarded, because the server makes the request: https on port 443 only, no user name or password
in the address; the host is resolved once, every address it resolves to must be public (not
private, loopback, link-local, reserved, IPv4-mapped or NAT64), and the connection goes to that
checked address — the name is only used for TLS (SNI and the certificate), so a second lookup
cannot point elsewhere. No redirects at all; one deadline for the whole fetch (each read waits at
most ``READ_SECONDS``); at most ``MAX_BYTES`` read. Plain http only to a loopback IP literal,
and only where the setting ``SCHAKEL_THEME_LOOPBACK_HTTP`` allows it (the tests). What comes
back goes through the same parser and contrast check as an upload.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from schakel.theming.tokens import MAX_BYTES, ThemeRefusedError

DEADLINE_SECONDS = 10
READ_SECONDS = 2
CHUNK = 16_384
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# Not global, though ``is_global`` says so: IPv4-compatible IPv6 and NAT64 prefixes reach IPv4.
TRANSLATED = (ipaddress.ip_network("::/96"), ipaddress.ip_network("64:ff9b::/96"))


def _refuse(message: str) -> ThemeRefusedError:
    return ThemeRefusedError([message])


def _public(address: Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _public(address.ipv4_mapped)
        if any(address in network for network in TRANSLATED):
            return False
    return address.is_global and not address.is_multicast


def _resolve(host: str) -> Address:
    try:
        infos = socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise _refuse(_("Het adres %(host)s is niet te vinden.") % {"host": host}) from error
    addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}
    if not addresses or not all(_public(address) for address in addresses):
        raise _refuse(
            _("Het adres %(host)s wijst naar een intern netwerk; dat haalt Schakel niet op.")
            % {"host": host}
        )
    return sorted(addresses, key=str)[0]


def _loopback_literal(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked address; the host name serves only TLS."""

    def __init__(self, host: str, address: Address, timeout: float) -> None:
        super().__init__(host, 443, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        raw = socket.create_connection((str(self.address), self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


def _connection(url: str) -> tuple[http.client.HTTPConnection, str]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise _refuse(_("Geef een adres dat met https:// begint.")) from error
    host = parts.hostname or ""
    if not host or parts.scheme not in ("https", "http"):
        raise _refuse(_("Geef een adres dat met https:// begint."))
    if parts.username is not None or parts.password is not None:
        raise _refuse(_("Een adres met een gebruikersnaam of wachtwoord haalt Schakel niet op."))
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    if parts.scheme == "http":
        if getattr(settings, "SCHAKEL_THEME_LOOPBACK_HTTP", False) and _loopback_literal(host):
            return http.client.HTTPConnection(host, port, timeout=DEADLINE_SECONDS), target
        raise _refuse(_("Geef een adres dat met https:// begint."))
    if port not in (None, 443):
        raise _refuse(_("Schakel haalt een huisstijl alleen op via de standaardpoort 443."))
    return _PinnedHTTPSConnection(host, _resolve(host), DEADLINE_SECONDS), target


def _read(response: http.client.HTTPResponse, deadline: float) -> bytes:
    """The body, a chunk at a time; past the deadline it stops (each read waits at most
    ``READ_SECONDS``, so the whole fetch ends within the deadline plus one read)."""
    body = bytearray()
    while len(body) <= MAX_BYTES:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        body.extend(chunk)
    return bytes(body[: MAX_BYTES + 1])


def fetch_tokens(url: str) -> bytes:
    """The body at ``url`` (at most ``MAX_BYTES`` + 1 bytes, so the parser can refuse more)."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    connection, target = _connection(url)
    try:
        connection.request("GET", target, headers={"Accept": "text/css"})
        connection.sock.settimeout(READ_SECONDS)
        response = connection.getresponse()
        if 300 <= response.status < 400:
            raise _refuse(_("Het adres stuurt door naar een ander adres; Schakel volgt dat niet."))
        if response.status != 200:
            raise _refuse(_("Het adres gaf foutcode %(code)s.") % {"code": response.status})
        return _read(response, deadline)
    except (OSError, http.client.HTTPException, TimeoutError) as error:
        raise _refuse(_("Het bestand kon niet worden opgehaald.")) from error
    finally:
        connection.close()
