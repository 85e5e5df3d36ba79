"""Signed values of the comment form.

*Form token* (hidden field ``zaman``): ``"<role id>:<unix time>"`` signed with the secret key.
It proves the form was rendered by this site, for this article, at that time, so the post
view can refuse forms filled faster than a person can (bots) and forms older than
``COMMENTS_FORM_MAX_AGE`` (replays). It is not a secret and not personal: the same token may
sit in a cached page served to many readers, which is why the maximum age must be longer
than the page cache's lifetime.

*Held notice* (query parameter ``onay``): the signed id of a held comment, put in the
redirect after posting so that its author, and nobody browsing the cached page, sees
"Yorumunuz onay bekliyor." with the comment. A query string also keeps that response out
of the page cache (see careers/articles/cache.py).
"""

import time

from django.core import signing

from . import conf

FORM_SALT = "careers.comments.form"
HELD_SALT = "careers.comments.held"


class TokenError(Exception):
    """``code`` is one of: missing, invalid, too_fast, expired."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def issue(role_id, now=None):
    issued = int(now if now is not None else time.time())
    return signing.Signer(salt=FORM_SALT).sign(f"{role_id}:{issued}")


def issued_at(token, role_id):
    """The issue time of a genuine token for this role; TokenError otherwise."""
    if not token:
        raise TokenError("missing")
    try:
        value = signing.Signer(salt=FORM_SALT).unsign(token)
        token_role, issued = value.split(":")
        issued = int(issued)
    except (signing.BadSignature, ValueError):
        raise TokenError("invalid") from None
    if token_role != str(role_id):
        raise TokenError("invalid")
    return issued


def check(token, role_id, now=None):
    """Raise TokenError unless ``token`` is genuine, for this role, at least
    ``COMMENTS_MIN_FILL_SECONDS`` and at most ``COMMENTS_FORM_MAX_AGE`` old."""
    now = now if now is not None else time.time()
    age = now - issued_at(token, role_id)
    if age < conf.get("COMMENTS_MIN_FILL_SECONDS"):
        raise TokenError("too_fast")
    if age > conf.get("COMMENTS_FORM_MAX_AGE"):
        raise TokenError("expired")


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
