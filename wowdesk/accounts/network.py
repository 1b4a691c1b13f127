"""Which address a request comes from, for the login lock (django-axes).

X-Forwarded-For is written by whoever sends the request, so it is believed only from the reverse proxies
named in WOWDESK_TRUSTED_PROXIES (addresses or networks, comma-separated). Without them a client on the
same host could send a new address with every attempt and never be locked out."""

import ipaddress

from django.conf import settings


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network, strict=False) for network in settings.TRUSTED_PROXIES)


def client_address(request) -> str:
    """The peer's address; behind trusted proxies, the right-most address in X-Forwarded-For that is not
    one of them (each proxy appends the address it got the request from, so those to its left are the
    client's claims)."""
    address = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUSTED_PROXIES or not _trusted(address):
        return address
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = hop.strip()
        if not hop:
            continue
        if not _trusted(hop):
            return hop
        address = hop
    return address
