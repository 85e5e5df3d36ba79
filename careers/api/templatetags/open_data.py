"""What the open-data app adds to the pages of the apps below it (the salary page, the salary
methodology page): the downloads, through the slot ``ApiConfig.slots`` fills
(careers/site/slots.py)."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag(takes_context=True)
def open_data_downloads(context):
    """The downloads of every published salary figure, their licence and, when the page gives
    it (``data_date``), the date of the data (slot "salary-data")."""
    return render_to_string("api/downloads.html", {"data_date": context.get("data_date")})
