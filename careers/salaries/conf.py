"""The salary app's fixed limits, with their defaults, read at call time (a setting of the same
name overrides one; tests do). Those read from the environment (``SALARY_STALE_MONTHS``,
``SALARY_IMPORT_MAX_ROWS``) are set in the project's settings module."""

from django.conf import settings

DEFAULTS = {
    # Largest unpacked XLSX, checked from its zip directory before parsing (zip bombs): a
    # hundred times a yearly update of every role.
    "SALARY_IMPORT_MAX_UNCOMPRESSED_BYTES": 20 * 1024 * 1024,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
