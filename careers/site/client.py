"""Who is asking: the visitor's IP address behind the site's reverse proxies."""

import ipaddress


def client_ip(request, trusted_proxies=0):
    """The visitor's IP address: REMOTE_ADDR, or, behind ``trusted_proxies`` reverse proxies,
    the address the outermost trusted proxy saw (X-Forwarded-For is read from the right:
    anything to the left of it was written by the client). None if it is not a valid
    address."""
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
