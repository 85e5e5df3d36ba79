"""Who is asking: the visitor's IP address behind the site's reverse proxies.

How many proxies stand in front of the app (``settings.TRUSTED_PROXIES``: TLS nginx, Varnish)
is one fact about the deployment, read here for everything that needs the visitor's address:
comment flood control, the search budget, the API's rate limit and django-axes
(``AXES_CLIENT_IP_CALLABLE``)."""

import ipaddress

from django.conf import settings


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
