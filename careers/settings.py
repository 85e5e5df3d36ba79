"""Settings for Meslek Rehberi: one module, read from the environment.

With no environment at all the site runs as the *embedded default*: SQLite in ``var/``,
local-memory cache, media on the local disk, DEBUG on, and a development secret key kept in
``var/secret_key`` (created on first use, never committed).

``DJANGO_ENV=production`` turns DEBUG off and refuses to start unless DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, REDIS_URL and SITE_URL are set: nothing is invented for a public server,
and nothing that several app servers must share is kept in one process.

Every variable it reads (what each means: beside it below, and README.md's Configuration):

  the site       DJANGO_ENV, DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
                 DJANGO_CSRF_TRUSTED_ORIGINS, SITE_URL, TRUSTED_PROXIES (and its deprecated
                 name COMMENTS_TRUSTED_PROXIES), DJANGO_VAR_DIR, DJANGO_MEDIA_ROOT,
                 DJANGO_STATIC_ROOT
  data           DATABASE_URL, DB_TIMEOUT_SECONDS, REDIS_URL
  caches, jobs   PAGE_CACHE_SECONDS, FRONT_CACHE_URLS, READS_FLUSH_SECONDS, READS_FLUSH_EVERY,
                 DJANGO_JOBS
  limits         API_RATE_LIMIT, SEARCH_FRESH_PER_MINUTE, AXES_FAILURE_LIMIT,
                 AXES_COOLOFF_MINUTES
  security       DJANGO_ADMIN_PATH, DJANGO_SECURE_SSL_REDIRECT, DJANGO_HSTS_SECONDS,
                 DJANGO_HSTS_PRELOAD
  mail           EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
                 EMAIL_TIMEOUT, DEFAULT_FROM_EMAIL, SERVER_EMAIL, DJANGO_ADMINS
  content        SALARY_STALE_MONTHS, SALARY_IMPORT_MAX_ROWS, COMMENTS_CLOSE_AFTER_DAYS,
                 COMMENTS_IP_RETENTION_DAYS, EDITORIAL_REVIEW, REVIEW_DUE_MONTHS
  logs, errors   DJANGO_LOG_FORMAT, DJANGO_LOG_LEVEL, SENTRY_DSN
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

from careers.site import csp, logs

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
# Reverse proxies before the app appending to X-Forwarded-For (TLS nginx + Varnish: 2), or every
# visitor shares the proxy's address. COMMENTS_TRUSTED_PROXIES: its old name (deprecated).
TRUSTED_PROXIES = int(env("TRUSTED_PROXIES") or env("COMMENTS_TRUSTED_PROXIES") or 0)

# Absolute origin used in feeds, sitemaps, canonical links and e-mails when no request is at
# hand (management commands). Production must say it: a default would point every canonical
# link and moderator e-mail at a developer's machine.
if PRODUCTION and not env("SITE_URL"):
    raise ImproperlyConfigured(
        "SITE_URL must be set when DJANGO_ENV=production (e.g. https://meslekrehberi.example)."
    )
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_HOME_URL_NAME = "articles:home"  # the first breadcrumb (careers/site/seo.py names no app)
SITE_SITEMAP_URL_NAME = "sitemap"  # robots.txt's Sitemap line: the project's (careers/urls.py)

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
    "django_tasks",  # the tasks framework's backport (Django 6 has it as django.tasks)
    "django_tasks_db",  # its database backend: the one durable job queue
    "careers.site",
    "careers.articles",
    "careers.salaries",
    "careers.comments",
    "careers.search",
    "careers.api",
    "careers.pages",
    "careers.compare",
    "careers.scale",  # manage.py makescale: generated content at production size
]

MIDDLEWARE = [
    # A Host that is not in ALLOWED_HOSTS: 400 before anything (the page cache) answers.
    "careers.site.hosts.AllowedHostsMiddleware",
    # Compresses what is not compressed yet (cached pages are stored compressed already).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CSP and Permissions-Policy on every response; a database outage is the Turkish 503.
    "csp.middleware.CSPMiddleware",
    "careers.site.headers.PermissionsPolicyMiddleware",
    "careers.site.outage.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the page cache, before any per-visitor middleware runs.
    "careers.site.pagecache.middleware.PageCacheMiddleware",
    # A locked-out admin sign-in is answered here, before sessions, users and the login view.
    "careers.site.lockout.EarlyLockoutMiddleware",
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
    {  # the few fragments rendered in loops on hot pages (careers/site/jinja.py): *.jinja
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "careers.site.jinja.environment"},
    },
]

# --- Database -------------------------------------------------------------------------------
# The embedded default is SQLite, tuned for concurrency: WAL (readers work while one writer
# commits), a busy timeout (a second writer waits: no "database is locked"), IMMEDIATE
# transactions (the write lock at BEGIN: two cannot deadlock upgrading a read). A longer lock or
# no server: the Turkish 503 after DB_TIMEOUT_SECONDS (site/outage.py), never a 30 s timeout.
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
# Pages and their invalidation markers, read counters, flood-control claims and locks live
# here: one Redis shared by every app server (production refuses to start without it, or each
# server would keep its own pages, counts and claims). Development keeps local memory.
if PRODUCTION and not env("REDIS_URL"):
    raise ImproperlyConfigured(
        "REDIS_URL must be set when DJANGO_ENV=production (e.g. redis://127.0.0.1:6379/0): "
        "page cache, read counts and flood control are shared by every app server through it."
    )
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Short socket timeouts; Redis down: "not cached", pages from the database.
            "BACKEND": "careers.site.redis.DegradingRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "meslek",
            # Back after an outage: changes made meanwhile could not write their markers.
            "OPTIONS": {"ON_RECOVERY": "careers.site.pagecache.outdate_all_pages"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "meslek-rehberi",
        }
    }
# Seconds an anonymous page (and its fragments) may be kept by the page cache and the front
# cache; a change drops the pages showing it at once (careers/site/pagecache).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
# Full-text searches (words not looked up lately) per visitor and minute, then a Turkish 429.
SEARCH_FRESH_PER_MINUTE = int(env("SEARCH_FRESH_PER_MINUTE", "30"))
# Front caches (Varnish with xkey) purged by key after each commit, "http://10.0.0.5:6081,…".
FRONT_CACHE_URLS = env_list("FRONT_CACHE_URLS")
# Read counts are kept in the cache and written to Role.view_count by a job every
# READS_FLUSH_SECONDS, or once READS_FLUSH_EVERY are pending (careers/articles/reads.py).
READS_FLUSH_SECONDS = int(env("READS_FLUSH_SECONDS", "300"))
READS_FLUSH_EVERY = int(env("READS_FLUSH_EVERY", "500"))
API_RATE_LIMIT = int(env("API_RATE_LIMIT", "120"))  # per address and minute: careers/api/conf.py

# --- Jobs (careers/site/jobs): one durable queue in the database, run by `manage.py jobs` ----
# DJANGO_JOBS=immediate: each job at once, after its commit (the default outside production).
# Queues: "default" (purges, mail), "batch" (long periodic work: the report batch).
JOB_QUEUES = ["default", "batch"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": JOB_QUEUES}}
if env("DJANGO_JOBS", "database" if PRODUCTION else "immediate") == "immediate":
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": JOB_QUEUES,
        }
    }
PERIODIC_JOBS = {  # run once per period across every worker and host: (task, seconds)
    "flush-reads": ("careers.articles.reads.flush_job", READS_FLUSH_SECONDS),
    "clear-comment-ips": ("careers.comments.jobs.clear_ips", 24 * 60 * 60),
    "prune-jobs": ("careers.site.jobs.tasks.prune", 24 * 60 * 60),
    # reads of the last 30 days (the re-review list's order): the day that left the window
    "recent-reads": ("careers.articles.reads.roll_recent_reads_job", 24 * 60 * 60),
    "review-digest": ("careers.articles.review.digest.digest_job", 7 * 24 * 60 * 60),  # weekly
    # readers' salary reports: the nightly batch (00:00 UTC, 03:00 in Istanbul), and KVKK
    "report-cohorts": ("careers.salaries.reports.jobs.recompute", 24 * 60 * 60),
    "clear-report-addresses": ("careers.salaries.reports.jobs.clear_addresses", 24 * 60 * 60),
}

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
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)  # slow to undo: when asked
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Content-Security-Policy, enforced (careers/site/csp.py); Permissions-Policy: headers.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": csp.DIRECTIVES | {"upgrade-insecure-requests": PRODUCTION}}

# --- Admin: where it lives (DJANGO_ADMIN_PATH=ekip-1f3c/ keeps it off scanners' lists) -------
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "yonetim/").strip("/") + "/"
# The only sign-in is the admin's: after it (and when `next` points off the site, which is
# never followed) the editor lands on its index, not Django's /accounts/profile/.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
# Login throttling (django-axes): an address, and a user name from that address, locked for
# AXES_COOLOFF_TIME after AXES_FAILURE_LIMIT wrong passwords (Turkish page, 429); refused before
# the login view. Never a user name alone: strangers who know an editor's name must not keep
# the editor out. The address is the visitor's behind TRUSTED_PROXIES (careers/site/client.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *global_settings.AUTHENTICATION_BACKENDS,
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "careers.site.lockout.lockout"
AXES_CLIENT_IP_CALLABLE = "careers.site.client.client_ip"

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
# The admin's preview shows what the page will: the one sanitizing renderer (not markdownx's).
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

# --- Salaries (careers/salaries; fixed limits in careers/salaries/conf.py) -------------------
# A role's salary figures are "stale" when the year they describe ended more than this many
# months ago: flagged in the role list and on the data-quality page.
SALARY_STALE_MONTHS = int(env("SALARY_STALE_MONTHS", "12"))
# Bulk import (django-import-export): the whole file in one transaction, one bad row and
# nothing is written. Exports escape formulae: careers/salaries/importers/spreadsheets.py.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Largest file accepted, in rows: a yearly update of every role fits many times over.
SALARY_IMPORT_MAX_ROWS = int(env("SALARY_IMPORT_MAX_ROWS", "5000"))

# --- Editorial review (careers/articles/review): a change to a published article or salary band
# waits, unseen by readers, until a second editor of the "Yayın kurulu" group approves it. On by
# default in production; `make run` and the tests edit live (tests of the review turn it on).
EDITORIAL_REVIEW = env_bool("EDITORIAL_REVIEW", PRODUCTION)
# An article whose last review is older than this is listed for a re-review (its salary figures
# also when older than SALARY_STALE_MONTHS).
REVIEW_DUE_MONTHS = int(env("REVIEW_DUE_MONTHS", "12"))

# --- Visitors' comments (careers/comments: rules in moderation.py; every COMMENTS_* default,
# and why, in conf.py). These two come from the environment when set:
if env("COMMENTS_CLOSE_AFTER_DAYS"):  # close the form this many days after publishing
    COMMENTS_CLOSE_AFTER_DAYS = int(env("COMMENTS_CLOSE_AFTER_DAYS"))
if env("COMMENTS_IP_RETENTION_DAYS"):  # KVKK: days an IP address stays on a comment
    COMMENTS_IP_RETENTION_DAYS = int(env("COMMENTS_IP_RETENTION_DAYS"))

# --- Logs and error reports (careers/site/logs.py) ---------------------------------------
# JSON lines in production (DJANGO_LOG_FORMAT=text for people); errors mailed to ADMINS and sent
# to Sentry (SENTRY_DSN), with no form values, cookies or addresses.
LOGGING = logs.logging_config(
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
    # Every baked query (careers/site/baked.py) compared with the ORM's on each call.
    BAKED_QUERIES_CHECKED = True
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    # Jobs run at once, after their commit, whatever DJANGO_JOBS says (as bakerydemo's tests
    # do); the stack and fault tests run the real queue and worker in their own processes.
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": JOB_QUEUES,
        }
    }
