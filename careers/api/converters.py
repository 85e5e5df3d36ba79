"""Path converters of the API's addresses: one address per resource."""

from django.urls import register_converter


class YearConverter:
    """A year in an address: four digits, no leading zero, nothing after (``2026``; never
    ``2026.0`` or ``02026``, which are the API's 404 like any unknown address)."""

    regex = "[1-9][0-9]{3}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def register():
    """Name the converters for the API's address patterns (once, before they are built)."""
    register_converter(YearConverter, "year")
