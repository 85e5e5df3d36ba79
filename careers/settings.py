"""Settings for Meslek Rehberi: one module, read from the environment.

With no environment at all the site runs as the *embedded default*: SQLite in ``var/``,
local-memory cache, media on the local disk, DEBUG on, and a development secret key kept in
``var/secret_key`` (created on first use, never committed).

``DJANGO_ENV=production`` turns DEBUG off and refuses to start unless DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, REDIS_URL and SITE_URL are set: nothing is invented for a public server,
and nothing that several app servers must share is kept in one process.

Variables: DJANGO_ENV, DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DJANGO_CSRF_TRUSTED_ORIGINS, DATABASE_URL, REDIS_URL, DJANGO_MEDIA_ROOT, DJANGO_STATIC_ROOT,
EMAIL_HOST (and its EMAIL_* companions), EMAIL_TIMEOUT, PAGE_CACHE_SECONDS, READS_FLUSH_SECONDS,
READS_FLUSH_EVERY, SITE_URL, FRONT_CACHE_URLS, DJANGO_ADMIN_PATH, DJANGO_ADMINS,
DJANGO_HSTS_PRELOAD, DJANGO_LOG_FORMAT, SENTRY_DSN, DB_TIMEOUT_SECONDS, SEARCH_FRESH_PER_MINUTE.
"""

import os
import secrets
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from careers.site.policies import CSP_DIRECTIVES, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


ENVIRONMENT = env("DJANGO_ENV", "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ImproperlyConfigured("DJANGO_ENV must be development, production or test.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION and ENVIRONMENT != "test")


def _secret_key():
    key = env("DJANGO_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production.")
    # Development and tests: a random key kept outside the repository, shared by every
    # process of this checkout (gunicorn workers must agree on it for signed values).
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production.")
if not PRODUCTION and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Absolute origin used in feeds, sitemaps, canonical links and e-mails when no request is at
# hand (management commands). Production must say it: a default would point every canonical
# link and moderator e-mail at a developer's machine.
if PRODUCTION and not env("SITE_URL"):
    raise ImproperlyConfigured(
        "SITE_URL must be set when DJANGO_ENV=production (e.g. https://meslekrehberi.example)."
    )
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "markdownx",
    "import_export",
    "simple_history",
    "axes",
    "csp",
    "careers.site",
    "careers.articles",
    "careers.comments",
    "careers.search",
    "careers.api",
    "careers.pages",
    "careers.compare",
    "careers.scale",  # manage.py makescale: generated content at production size
]

MIDDLEWARE = [
    # Compresses what is not compressed yet (cached pages are stored compressed already).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CSP and Permissions-Policy on every response; a database outage is the Turkish 503.
    "csp.middleware.CSPMiddleware",
    "careers.site.headers.PermissionsPolicyMiddleware",
    "careers.site.outage.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the page cache, before any per-visitor middleware runs.
    "careers.site.middleware.PageCacheMiddleware",
    # A locked-out admin sign-in is answered here, before sessions, users and the login view.
    "careers.site.throttle.EarlyLockoutMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who changed a salary band (django-simple-history's "changed by").
    "simple_history.middleware.HistoryRequestMiddleware",
    # Admin login throttling (django-axes), last as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careers.urls"
WSGI_APPLICATION = "careers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careers.site.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# The embedded default is SQLite, tuned for a web server's concurrency: WAL lets readers work
# while one writer commits, the busy timeout makes a second writer wait instead of failing with
# "database is locked", and IMMEDIATE transactions take the write lock at BEGIN so that two
# transactions cannot both read and then deadlock on upgrading to a write. A lock held longer
# (a backup, an import) or an unreachable server: the Turkish 503 page after
# DB_TIMEOUT_SECONDS (careers/site/outage.py), never gunicorn's 30 s worker timeout.
DB_TIMEOUT_SECONDS = int(env("DB_TIMEOUT_SECONDS", "3"))
SQLITE_OPTIONS = {
    "timeout": DB_TIMEOUT_SECONDS,
    "transaction_mode": "IMMEDIATE",
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        f"PRAGMA busy_timeout={DB_TIMEOUT_SECONDS * 1000};"
    ),
}
if env("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # stale (server restarted): replaced
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
    elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {}).update(  # a held lock waits this long
            connect_timeout=DB_TIMEOUT_SECONDS, options=f"-c lock_timeout={DB_TIMEOUT_SECONDS}s"
        )
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Page cache entries and their invalidation markers, read counters, flood-control claims and
# locks all live in this cache. With several app servers it must be one shared Redis
# (redis-py with hiredis); production refuses to start without it, as every server would
# otherwise keep its own pages, counts and claims. Development keeps local memory.
if PRODUCTION and not env("REDIS_URL"):
    raise ImproperlyConfigured(
        "REDIS_URL must be set when DJANGO_ENV=production (e.g. redis://127.0.0.1:6379/0): "
        "page cache, read counts and flood control are shared by every app server through it."
    )
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache with short socket timeouts; when Redis is down it logs and
            # answers "not cached", so pages are rendered from the database (careers/site).
            "BACKEND": "careers.site.rediscache.DegradingRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "meslek",
            # Back after an outage: changes made meanwhile could not write their markers.
            "OPTIONS": {"ON_RECOVERY": "careers.site.cache.outdate_all_pages"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "meslek-rehberi",
        }
    }
# Seconds an anonymous reader's page may be served from the cache (Django's and the front
# cache's). Every change invalidates exactly the pages that show it, at once (see
# careers/site/cache.py), so this only bounds how long an untouched page lives.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
# Searches with words not looked up recently run a full-text query; each visitor (IP address)
# may run this many a minute, then gets a Turkish "try again in a minute" (429).
SEARCH_FRESH_PER_MINUTE = int(env("SEARCH_FRESH_PER_MINUTE", "30"))
# Each app-server process may serve a page it looked up in Redis again for this long without
# asking (a hot page then costs no round trip); every change reaches every server within it.
PAGE_CACHE_LOCAL_SECONDS = float(env("PAGE_CACHE_LOCAL_SECONDS", "0.1"))
# Front HTTP caches (Varnish with xkey) that receive `PURGE` with the changed surrogate keys
# after each commit, e.g. "http://10.0.0.5:6081,http://10.0.0.6:6081". Empty: none.
FRONT_CACHE_URLS = env_list("FRONT_CACHE_URLS")
# Article read counts are kept in the cache and written to Role.view_count in batches: at most
# every READS_FLUSH_SECONDS, or as soon as READS_FLUSH_EVERY reads are pending (see
# careers/articles/reads.py; `manage.py flush_reads` writes them at any time).
READS_FLUSH_SECONDS = int(env("READS_FLUSH_SECONDS", "300"))
READS_FLUSH_EVERY = int(env("READS_FLUSH_EVERY", "500"))
API_RATE_LIMIT = int(env("API_RATE_LIMIT", "120"))  # per address and minute: careers/api/conf.py

# --- Passwords, sessions, security ----------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is a promise to browsers that is slow to undo: only when asked for.
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy, enforced (careers/site/policies.py); Permissions-Policy: headers.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_DIRECTIVES | {"upgrade-insecure-requests": PRODUCTION}}

# --- Admin: where it lives (DJANGO_ADMIN_PATH=ekip-1f3c/ keeps it off scanners' lists) -------
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "yonetim/").strip("/") + "/"
# Login throttling (django-axes): an account, and an address, locked for AXES_COOLOFF_TIME after
# AXES_FAILURE_LIMIT wrong passwords (Turkish page, 429); refused before the login view. The
# address is the one flood control sees (COMMENTS_TRUSTED_PROXIES behind a proxy).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *global_settings.AUTHENTICATION_BACKENDS,
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "careers.site.throttle.lockout"
AXES_CLIENT_IP_CALLABLE = "careers.comments.moderation.client_ip"

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish"))]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True
# locale/: the project's own catalogue (`make messages`); locale_extra/: hand-kept Turkish for
# third-party apps that ship none (makemessages never rewrites it).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_extra"]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles")) if PRODUCTION else None
# Outside production WhiteNoise serves straight from static/ (no collectstatic step).
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- E-mail ---------------------------------------------------------------------------------
if env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Meslek Rehberi <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = getaddresses(env_list("DJANGO_ADMINS"))

# --- Markdown -------------------------------------------------------------------------------
# The admin's live preview must show exactly what the public page will: the same sanitizing
# renderer (markdownx by itself passes raw HTML through).
MARKDOWNX_MARKDOWNIFY_FUNCTION = "careers.markup.render"
MARKDOWNX_MEDIA_PATH = "markdownx/%Y/%m/"
MARKDOWNX_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"]
MARKDOWNX_IMAGE_MAX_SIZE = {"size": (1600, 1600), "quality": 85}

# Uploaded images (markdownx editor and the article image): Pillow must read them as one of
# these formats, within these limits; anything else is refused with a message, never stored.
UPLOAD_IMAGE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
UPLOAD_IMAGE_MAX_BYTES = MARKDOWNX_UPLOAD_MAX_SIZE
UPLOAD_IMAGE_MAX_PIXELS = 24_000_000  # e.g. 6000 x 4000; a decompression bomb is far larger
UPLOAD_IMAGE_MAX_SIDE = 1600  # larger editor images are scaled down to this on upload

# --- Salaries -------------------------------------------------------------------------------
# A role's salary figures are "stale" when the year they describe ended more than this many
# months ago: flagged in the role list and on the data-quality page.
SALARY_STALE_MONTHS = int(env("SALARY_STALE_MONTHS", "12"))

# --- Bulk salary import (django-import-export) ----------------------------------------------
# The whole file is imported in one transaction: one bad row and nothing is written.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Largest file accepted, in rows: a yearly update of every role fits many times over.
SALARY_IMPORT_MAX_ROWS = int(env("SALARY_IMPORT_MAX_ROWS", "5000"))
# Largest unpacked XLSX, checked from its zip directory before parsing (zip bombs). Exports
# escape formulae: careers/articles/imports/spreadsheets.py (not the library's weaker switch).
SALARY_IMPORT_MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024

# --- Visitors' comments (careers/comments; rules in careers/comments/moderation.py) ----------
# Every COMMENTS_* threshold has its default, and why, in careers/comments/conf.py; a setting
# here overrides it. From the environment:
# COMMENTS_CLOSE_AFTER_DAYS  close the form this many days after publishing (unset: never);
# COMMENTS_IP_RETENTION_DAYS KVKK: days an IP address stays on a comment (clear_comment_ips);
# COMMENTS_TRUSTED_PROXIES   reverse proxies appending to X-Forwarded-For (set it behind nginx,
#                            or every visitor shares the proxy's address).
for _name in ("CLOSE_AFTER_DAYS", "IP_RETENTION_DAYS", "TRUSTED_PROXIES"):
    if env(f"COMMENTS_{_name}"):
        globals()[f"COMMENTS_{_name}"] = int(env(f"COMMENTS_{_name}"))

# --- Logs and error reports (careers/site/logs.py) ---------------------------------------
# JSON lines in production (DJANGO_LOG_FORMAT=text for people); errors mailed to ADMINS and sent
# to Sentry (SENTRY_DSN), with no form values, cookies or addresses.
LOGGING = logging_config(
    log_format=env("DJANGO_LOG_FORMAT", "json" if PRODUCTION else "text"),
    level=env("DJANGO_LOG_LEVEL", "WARNING"),
)
DEFAULT_EXCEPTION_REPORTER_FILTER = "careers.site.logs.PrivateExceptionReporterFilter"
if env("SENTRY_DSN"):
    from careers.site.logs import init_sentry

    init_sentry(env("SENTRY_DSN"), environment=ENVIRONMENT)

# --- Tests: DJANGO_ENV=test, set by tests/conftest.py before Django reads this module -------
# DEBUG is off (above), as in production. Passwords are hashed fast (MD5: never outside tests).
# SQLite tests use a file, not Django's in-memory database: threads sharing an in-memory
# database get table locks that ignore the busy timeout ("database table is locked"), and the
# comments' concurrency test must run WAL and IMMEDIATE transactions as production does.
if ENVIRONMENT == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    # The job queue runs each job at once in tests: TASKS (the Immediate backend) goes here.
