"""Who is asking: the visitor's IP address behind the site's reverse proxies.

How many proxies stand in front of the app (``settings.TRUSTED_PROXIES``: TLS nginx, Varnish)
is one fact about the deployment, read here for everything that needs the visitor's address:
comment flood control, the search budget, the API's rate limit and django-axes
(``AXES_CLIENT_IP_CALLABLE``); and the address as a keyed hash where it must be recognised
again without being kept (the salary reports' limits)."""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac


def client_ip(request, trusted_proxies=None):
    """The visitor's IP address: REMOTE_ADDR, or, behind ``trusted_proxies`` reverse proxies
    (default: ``settings.TRUSTED_PROXIES``), the address the outermost trusted proxy saw
    (X-Forwarded-For is read from the right: anything to the left of it was written by the
    client). None if it is not a valid address."""
    if trusted_proxies is None:
        trusted_proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    candidate = request.META.get("REMOTE_ADDR", "")
    if trusted_proxies:
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= trusted_proxies:
            candidate = forwarded[-trusted_proxies]
    try:
        return str(ipaddress.ip_address(candidate.strip()))
    except ValueError:
        return None


ADDRESS_HASH_SALT = "careers.site.client.address"


def address_network(ip):
    """What counts as one visitor's address: an IPv4 address as it is; for IPv6 its /64 (one
    home or phone gets a whole /64 and may change the rest at will). None for none."""
    if not ip:
        return None
    address = ipaddress.ip_address(ip)
    if address.version == 6:
        if address.ipv4_mapped is not None:  # ::ffff:192.0.2.1 is 192.0.2.1
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def address_hash(ip):
    """The visitor's address (:func:`address_network`) as a keyed hash: HMAC-SHA256 with a key
    derived from SECRET_KEY, 64 hex digits, or None. The same address always gives the same
    hash (rate limits, "one per address"), and without the secret key it cannot be reversed
    (an unkeyed hash of an IPv4 address can: there are only 2^32 of them). Changing SECRET_KEY
    changes every hash."""
    network = address_network(ip)
    if network is None:
        return None
    return salted_hmac(ADDRESS_HASH_SALT, network, algorithm="sha256").hexdigest()
