"""The readers' reports' rules in numbers, with their defaults, read at call time (a setting of
the same name overrides one; tests do). The methodology page and the KVKK notice print these
values, so what they say is always what the code does.
"""

from django.conf import settings

DEFAULTS = {
    # A cohort is published only with at least this many counted reports, from at least this
    # many different addresses (the privacy threshold; LinkedIn Salary's "thresholding").
    "REPORTS_MIN_COUNT": 5,
    "REPORTS_MIN_ADDRESSES": 5,
    # Confidence words by count: below the first "düşük", below the second "orta", then
    # "yüksek" (5-14, 15-49, 50+).
    "REPORTS_CONFIDENCE_MEDIUM_FROM": 15,
    "REPORTS_CONFIDENCE_HIGH_FROM": 50,
    # Published amounts are rounded to this many lira.
    "REPORTS_ROUND_TO": 100,
    # Hard limits for a full-time monthly amount, against that year's NET minimum wage: below
    # this share, or above this multiple, the form refuses it (a typo, or a yearly figure).
    "REPORTS_MIN_SHARE_OF_MINIMUM_WAGE": "0.8",
    "REPORTS_MAX_MULTIPLE_OF_MINIMUM_WAGE": 50,
    # Part-time pay may be below the minimum wage, but not absurdly: a tenth of it at least.
    "REPORTS_PART_TIME_MIN_SHARE": "0.1",
    # Statistical outliers: Tukey's fences on the logarithm of the amount, k times the
    # interquartile range beyond the quartiles (3: Tukey's "far out"), never closer than the
    # given factor (3: a third of the first quartile, three times the third: the quartiles of a
    # dozen reports are noisy, and a yearly figure typed as monthly is 12 times too much),
    # computed only for a role with at least this many counted reports of the same kind (net
    # or gross, full or part time).
    "REPORTS_OUTLIER_K": 3,
    "REPORTS_OUTLIER_MIN_FACTOR": 3,
    "REPORTS_OUTLIER_MIN_REPORTS": 10,
    # Flood limits, per address (shared by every app server through Redis): one report per
    # role, and this many in all, per 24 hours.
    "REPORTS_PER_ADDRESS_PER_DAY": 10,
    "REPORTS_FLOOD_SECONDS": 24 * 60 * 60,
    # Days the keyed hash of a reporter's address is kept (then deleted by a periodic job).
    "REPORTS_ADDRESS_RETENTION_DAYS": 30,
    # The signed form time (as the comment form's): not sooner, not older than these.
    "REPORTS_MIN_FILL_SECONDS": 3,
    "REPORTS_FORM_MAX_AGE": 24 * 60 * 60,
    # Cities listed on the article (those passing the threshold, most reports first).
    "REPORTS_TOP_CITIES": 5,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])


def public_rules():
    """The numbers the methodology page and the KVKK notice print (always the code's own)."""
    from decimal import Decimal

    return {
        "min_count": get("REPORTS_MIN_COUNT"),
        "min_addresses": get("REPORTS_MIN_ADDRESSES"),
        "medium_from": get("REPORTS_CONFIDENCE_MEDIUM_FROM"),
        "high_from": get("REPORTS_CONFIDENCE_HIGH_FROM"),
        "low_to": get("REPORTS_CONFIDENCE_MEDIUM_FROM") - 1,
        "medium_to": get("REPORTS_CONFIDENCE_HIGH_FROM") - 1,
        "round_to": get("REPORTS_ROUND_TO"),
        "min_percent": int(Decimal(str(get("REPORTS_MIN_SHARE_OF_MINIMUM_WAGE"))) * 100),
        "part_time_percent": int(Decimal(str(get("REPORTS_PART_TIME_MIN_SHARE"))) * 100),
        "max_multiple": get("REPORTS_MAX_MULTIPLE_OF_MINIMUM_WAGE"),
        "outlier_k": get("REPORTS_OUTLIER_K"),
        "outlier_factor": get("REPORTS_OUTLIER_MIN_FACTOR"),
        "outlier_min": get("REPORTS_OUTLIER_MIN_REPORTS"),
        "per_day": get("REPORTS_PER_ADDRESS_PER_DAY"),
        "flood_hours": get("REPORTS_FLOOD_SECONDS") // 3600,
        "retention_days": get("REPORTS_ADDRESS_RETENTION_DAYS"),
    }
