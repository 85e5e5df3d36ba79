"""The publish rule, written once: a leaf module (it imports no other model module), so every
model family and every app can filter by it without an import cycle."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def published_q(prefix="", now=None):
    """The publish rule, the one place it is written: published, with a publish time that
    has come (by ``now``: the present unless given, as a baked query gives it). ``prefix``
    applies it across a relation (``published_q("roles__")`` on sectors);
    ``Role.objects.published()`` is it on roles."""
    now = timezone.now() if now is None else now
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": now})
