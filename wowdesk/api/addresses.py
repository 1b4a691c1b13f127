"""Where webhooks may go. Apart from the models and webhooks.py, so both can ask (a model's clean() and
each delivery)."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def resolve(url: str) -> tuple[str | None, str | None]:
    """The address to deliver `url` to, or why it may not receive webhooks: (address, None) or (None, reason).

    Only http(s) to public addresses: every address the host name resolves to must be global (or in
    WEBHOOK_ALLOWED_NETWORKS), so a webhook cannot be aimed at the server's own network (SSRF). The delivery
    then connects to the address returned here, the one that was checked: a name that resolves elsewhere a
    moment later (DNS rebinding) cannot move it. Checked when a subscription is made and before each delivery
    (DNS answers change)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, "webhook URLs are http:// or https:// with a host name"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError):
        return None, f"the host name {parts.hostname} cannot be resolved"
    addresses = [ipaddress.ip_address(sockaddr[0].split("%")[0]) for *_ignored, sockaddr in infos]
    if not addresses:
        return None, f"the host name {parts.hostname} cannot be resolved"
    if not settings.WEBHOOK_ALLOW_PRIVATE:
        allowed = [ipaddress.ip_network(n) for n in settings.WEBHOOK_ALLOWED_NETWORKS]
        for address in addresses:
            if not address.is_global and not any(address in network for network in allowed):
                return None, (
                    f"{parts.hostname} points to a private or local address ({address}); webhooks go to public ones"
                )
    return str(addresses[0]), None


def refused_address(url: str) -> str | None:
    """Why `url` may not receive webhooks, or None (see resolve)."""
    return resolve(url)[1]
