"""The open-data API's settings, read at call time (so tests can override them); the project's
settings module sets ``API_RATE_LIMIT`` from the environment."""

from django.conf import settings

DEFAULTS = {
    # Requests one address may make per window that reach the app (answers from the page
    # cache or the front cache cost nothing and are not counted); 0: no limit.
    "API_RATE_LIMIT": 120,
    "API_RATE_WINDOW": 60,
    # Reverse proxies before the app that append to X-Forwarded-For. None: the comments'
    # COMMENTS_TRUSTED_PROXIES (the same nginx stands before both).
    "API_TRUSTED_PROXIES": None,
}


def get(name):
    value = getattr(settings, name, DEFAULTS[name])
    if name == "API_TRUSTED_PROXIES" and value is None:
        return getattr(settings, "COMMENTS_TRUSTED_PROXIES", 0)
    return value
