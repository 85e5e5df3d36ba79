"""The LOGGING setting (kept here so the settings module stays readable): one JSON object per
line in production (python-json-logger), plain text for people. Imports nothing of Django's."""


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
