"""Fixed policies the settings module builds on (kept here so it stays readable); imports
nothing of Django's.

* :data:`CSP_DIRECTIVES`: the Content-Security-Policy (django-csp), enforced: nothing inline,
  nothing from elsewhere. Templates carry no inline script or style (JSON-LD is a data block,
  which CSP leaves alone); the admin and markdownx's preview work under it
  (tests/browser/test_csp.py).
* :func:`logging_config`: one JSON object per line in production (python-json-logger), plain
  text for people.
"""

_SELF = ("default-src", "script-src", "style-src", "font-src", "connect-src", "base-uri")
CSP_DIRECTIVES = {
    **{directive: ["'self'"] for directive in (*_SELF, "form-action")},
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def logging_config(*, log_format, level):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": log_format}},
        # Django's own logging stays under this: errors of django.request (uncaught
        # exceptions, 500s) are mailed to ADMINS when DEBUG is off. An outage's own log lines
        # (Redis down, mail failing, the 503s) are warnings of careers.*: console and Sentry,
        # not a mail per request.
        "root": {"handlers": ["console"], "level": level},
    }
