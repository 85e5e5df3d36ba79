from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """Test data at production size (``manage.py makescale``). Sits above every app: it
    writes articles, comments and search documents; nothing imports it."""

    name = "careers.scale"
    label = "scale"
    verbose_name = "Scale data"
