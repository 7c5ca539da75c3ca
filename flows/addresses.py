"""Where a fetch may connect: every TCP connection goes to an address that was checked.

A host is resolved once, each of its addresses is checked, and the connection is opened to that
very address (a custom httpcore network backend under httpx's transport; the Host header, SNI and
certificate check still use the name), so a name that answers a public address first and
127.0.0.1 the second time cannot reach loopback. Private, loopback, link-local, multicast,
reserved and unspecified addresses (also inside IPv4-mapped, 6to4 and NAT64 IPv6 addresses) are
refused unless the host is allowed. A redirect opens a new connection, so each hop is checked.

``PinnedTransport`` reaches into httpx 0.28's transport (its ``_pool``), because httpx has no
public way to give its pool a network backend; httpx and httpcore are pinned for that reason.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field

import httpcore
import httpx

__all__ = ["AddressGuard", "PinnedTransport", "Refused", "checked_addresses", "is_public", "resolve"]


class Refused(Exception):
    """A fetch we decided not to make or to abandon; the message is the recorded error."""


@dataclass(frozen=True, slots=True)
class AddressGuard:
    """Which hosts may be connected to although their addresses are not public."""

    allow_private: bool = False  # every host (tests, intranet sources)
    allowed_hosts: frozenset[str] = field(default_factory=frozenset)

    def allows(self, host: str) -> bool:
        if self.allow_private:
            return True
        name = host.strip("[]").lower().rstrip(".")
        return any(name == allowed.strip("[]").lower().rstrip(".") for allowed in self.allowed_hosts)


def resolve(host: str, port: int) -> list[str]:
    """The addresses of a host name, in the resolver's order (the one DNS lookup of a connection)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; IPv4 embedded in IPv6 is judged as IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_global and not ip.is_multicast and not ip.is_unspecified and not ip.is_reserved


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


async def checked_addresses(host: str, port: int, guard: AddressGuard) -> list[str]:
    """The addresses to connect to for ``host``; Refused when any of them is not public (unless allowed)."""
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = await asyncio.get_running_loop().run_in_executor(None, resolve, host, port)
        except socket.gaierror as exc:
            raise Refused(f"cannot resolve {host}: {exc.strerror}") from None
        except (OSError, UnicodeError) as exc:
            raise Refused(f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise Refused(f"cannot resolve {host}: no address")
    if guard.allows(host):
        return addresses
    for address in addresses:
        try:
            public = is_public(address)
        except ValueError:
            public = False
        if not public:
            what = f"{host} is a private address" if literal is not None else \
                f"{host} resolves to a private address ({address})"
            raise Refused(f"refused: {what} (allow it with --allow-host {host})")
    return addresses


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the address that was checked, never to a name (no second DNS answer)."""

    def __init__(self, guard: AddressGuard) -> None:
        self.guard = guard
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        failure: Exception | None = None
        for address in await checked_addresses(host, port, self.guard):
            try:
                return await self.inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise Refused("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool whose connections go through ``PinnedBackend``."""

    def __init__(self, guard: AddressGuard) -> None:  # no super().__init__(): it would build a pool to discard
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # SSL_CERT_FILE / SSL_CERT_DIR still apply
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0,
            http1=True, http2=False, network_backend=PinnedBackend(guard),
        )
