"""Logs and error reports, without visitors' personal data.

* :func:`logging_config` (``LOGGING``): one JSON object per line in production
  (python-json-logger), plain text for people.
* :class:`PrivateExceptionReporterFilter` (``DEFAULT_EXCEPTION_REPORTER_FILTER``): the e-mail
  ADMINS get about a server error (and DEBUG's error page) shows no form values (a comment's
  name, e-mail, text), no cookies and no client address, whatever the view.
* :func:`init_sentry`: sentry-sdk when ``SENTRY_DSN`` is set, with personal data off, no
  request bodies, and cookies, addresses and the user stripped from each event.
"""

from django.views.debug import SafeExceptionReporterFilter


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


PRIVATE_META = ("HTTP_COOKIE", "REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP")


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True  # also in DEBUG: a developer's screen is no place for visitors' data

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for name in PRIVATE_META:
            if name in meta:
                meta[name] = self.cleansed_substitute
        return meta

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)


def scrub_event(event, hint=None):
    """Sentry ``before_send``: drop what could identify a visitor."""
    request = event.get("request") or {}
    for key in ("cookies", "data", "env"):
        request.pop(key, None)
    headers = request.get("headers") or {}
    for name in list(headers):
        if name.lower() in {"cookie", "x-forwarded-for", "x-real-ip", "authorization"}:
            headers.pop(name)
    event.pop("user", None)
    return event


def init_sentry(dsn, *, environment):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=scrub_event,
    )
