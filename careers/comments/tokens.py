"""Signed values of the comment form.

*Form token* (hidden field ``zaman``): the site's signed form time
(:mod:`careers.site.formguard`, shared with the salary report form) for this article, refused
when younger than ``COMMENTS_MIN_FILL_SECONDS`` (bots) or older than ``COMMENTS_FORM_MAX_AGE``
(replays; longer than the page cache's lifetime, as a cached article carries the token of the
moment it was rendered).

*Held notice* (query parameter ``onay``): the signed id of a held comment, put in the
redirect after posting so that its author, and nobody browsing the cached page, sees
"Yorumunuz onay bekliyor." with the comment. A query string also keeps that response out
of the page cache (see careers/articles/cache.py).
"""

from django.core import signing

from careers.site import formguard
from careers.site.formguard import TokenError

from . import conf

FORM_SALT = "careers.comments.form"
HELD_SALT = "careers.comments.held"

__all__ = ["TokenError", "check", "issue", "issued_at", "sign_held", "unsign_held"]


def issue(role_id, now=None):
    return formguard.issue(FORM_SALT, role_id, now)


def issued_at(token, role_id):
    """The issue time of a genuine token for this role; TokenError otherwise."""
    return formguard.issued_at(token, FORM_SALT, role_id)


def limits():
    return conf.get("COMMENTS_MIN_FILL_SECONDS"), conf.get("COMMENTS_FORM_MAX_AGE")


def check(token, role_id, now=None):
    """Raise TokenError unless ``token`` is genuine, for this role, at least
    ``COMMENTS_MIN_FILL_SECONDS`` and at most ``COMMENTS_FORM_MAX_AGE`` old."""
    min_seconds, max_age = limits()
    formguard.check(token, FORM_SALT, role_id, min_seconds=min_seconds, max_age=max_age, now=now)


def sign_held(comment_id):
    return signing.TimestampSigner(salt=HELD_SALT).sign(str(comment_id))


def unsign_held(value):
    """The comment id from an ``onay`` parameter, or None if it is forged or too old."""
    try:
        raw = signing.TimestampSigner(salt=HELD_SALT).unsign(
            value, max_age=conf.get("COMMENTS_HELD_NOTICE_MAX_AGE")
        )
        return int(raw)
    except (signing.BadSignature, ValueError):
        return None
