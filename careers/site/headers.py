"""Response headers every page gets that Django has no setting for."""

from django.conf import settings

# Camera, microphone, location, payment ... : no page uses them, nor may anything it embeds.
DEFAULT_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: :data:`DEFAULT_POLICY`, or
    ``settings.PERMISSIONS_POLICY`` when set."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PERMISSIONS_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response
