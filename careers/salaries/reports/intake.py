"""Taking in a report: the flood limits, and "one report per address and role".

**Flood limits** (``REPORTS_FLOOD_SECONDS``, 24 hours): one report per role, and at most
``REPORTS_PER_ADDRESS_PER_DAY`` in all, per address. Two checks, as for comments
(``careers.comments.moderation.is_flooding``): the database (reports stored in the period,
kept by address hash), and one atomic claim in the shared cache
(:func:`careers.site.redis.claim_within_quota`: a Lua script in Redis, so of 20 requests
arriving at the same instant on two app servers exactly the allowed number get through).
Redis down: the claim is granted and the database check is the limit.

**Replacement**: a second report from the same address for the same role (a day later, or
after an editor rejected the first) takes the first one's place: the same row, every field
written again, reviewed afresh. The database's unique constraint on (role, address hash)
makes "never add up" hold even for two requests racing past every check.

The address is only ever the keyed hash (:func:`careers.site.client.address_hash`).
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from careers.site import redis

from . import conf
from .models import Report, ReportStatus

GRANTED, CLAIMED, OVER_QUOTA = redis.GRANTED, redis.CLAIMED, redis.OVER_QUOTA


def _flood_keys(role_id, address):
    return [f"reports:flood:role:{role_id}:{address}"], f"reports:flood:count:{address}"


def claim(role_id, address, now=None):
    """:data:`GRANTED`, or why not: :data:`CLAIMED` (this address reported for this role within
    the period) or :data:`OVER_QUOTA` (its reports of the period are used up). One query, and
    one Redis round trip."""
    if address is None:
        return GRANTED  # no address at all (a misconfigured proxy): nothing to count by
    seconds = conf.get("REPORTS_FLOOD_SECONDS")
    limit = conf.get("REPORTS_PER_ADDRESS_PER_DAY")
    since = (now or timezone.now()) - timedelta(seconds=seconds)
    recent = Report.objects.filter(address_hash=address, created_at__gt=since).aggregate(
        total=Count("pk"), here=Count("pk", filter=Q(role_id=role_id))
    )
    if recent["here"]:
        return CLAIMED
    if recent["total"] >= limit:
        return OVER_QUOTA
    keys, counter = _flood_keys(role_id, address)
    return redis.claim_within_quota(keys, counter, limit, seconds)


def unclaim(role_id, address):
    """Give the claim back when the report could not be stored (the database failed): the
    reader may send it again at once."""
    if address is None:
        return
    keys, counter = _flood_keys(role_id, address)
    redis.release_within_quota(keys, counter)


def store(role, data, address, now=None):
    """Store the report (``data``: the form's cleaned data) for ``address``, replacing this
    address's earlier report for the role; returns the :class:`Report`."""
    now = now or timezone.now()
    fields = {
        "province": data["il"],
        "experience": data["deneyim"],
        "amount": data["tutar"],
        "pay_basis": data["net_brut"],
        "employment": data["calisma"],
        "year": data["yil"],
        "employer_size": data.get("isveren") or "",
        "status": ReportStatus.ACCEPTED,
        "reason": "",
        "created_at": now,
        "reviewed_at": None,
        "reviewed_by": None,
    }
    if address is not None:
        for _attempt in range(2):
            mine = Report.objects.filter(role=role, address_hash=address)
            if mine.update(**fields):
                return mine.get()
            try:
                with transaction.atomic():
                    return Report.objects.create(role=role, address_hash=address, **fields)
            except IntegrityError:  # the same address's report for this role, a moment ago
                continue
    return Report.objects.create(role=role, address_hash=address, **fields)
