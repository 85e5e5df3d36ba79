"""The open-data API's settings, read at call time (so tests can override them); the project's
settings module sets ``API_RATE_LIMIT`` from the environment."""

from django.conf import settings

DEFAULTS = {
    # Requests one address may make per window that reach the app (answers from the page
    # cache or the front cache cost nothing and are not counted); 0: no limit.
    "API_RATE_LIMIT": 120,
    "API_RATE_WINDOW": 60,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
