from django.conf import settings


def site(request):
    """Site-wide values for the base template."""
    return {"SITE_URL": settings.SITE_URL}
