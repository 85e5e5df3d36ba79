from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "careers.api"
    label = "api"
    verbose_name = _("Open data")

    def slots(self):
        """The downloads below the salary tables (careers/site/slots.py)."""
        from .templatetags.open_data import open_data_downloads

        return {"salary-data": open_data_downloads}
