"""What protects a form anonymous readers post from a cached page (the comment form, the salary
report form): a signed form time and a honeypot. Shared here so both forms keep one rule.

*Signed form time* (hidden field ``zaman``): ``"<subject>:<unix time>"`` signed with the secret
key and a salt of the form's own. It proves the form was rendered by this site, for this
subject (an article), at that time, so the post can be refused when it comes faster than a
person types (bots) or later than a maximum age (replays). It is not a secret and not
personal: the same token sits in a cached page served to many readers, which is why the
maximum age must be longer than the page cache's lifetime.

*Honeypot* (field ``kontrol``): hidden from people by CSS and from screen readers, out of the
tab order; bots that fill every field fill it, and the post is refused with a message that
keeps everything typed.

A form that posts from a cached page cannot carry a CSRF token (see
``careers/comments/views.py``): its view never acts with the visitor's credentials.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "kontrol"
TOKEN_FIELD = "zaman"  # noqa: S105 (a field name, not a password)

TOKEN_MESSAGES = {
    "missing": _(
        "The form could not be verified. Nothing you typed is lost: check it and send it again."
    ),
    "invalid": _(
        "The form could not be verified. Nothing you typed is lost: check it and send it again."
    ),
    "too_fast": _(
        "The form was sent too quickly after the page opened. Please check your comment and "
        "send it again."
    ),
    "expired": _(
        "The form has expired because the page was open for a long time. Nothing you typed "
        "is lost: send it again."
    ),
}
HONEYPOT_MESSAGE = _(
    "A hidden field meant to catch automated spam was filled in (perhaps by your browser). "
    "Nothing you typed is lost: send the form again."
)


class TokenError(Exception):
    """``code`` is one of: missing, invalid, too_fast, expired."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def issue(salt, subject, now=None):
    issued = int(now if now is not None else time.time())
    return signing.Signer(salt=salt).sign(f"{subject}:{issued}")


def issued_at(token, salt, subject):
    """The issue time of a genuine token for this subject; TokenError otherwise."""
    if not token:
        raise TokenError("missing")
    try:
        value = signing.Signer(salt=salt).unsign(token)
        token_subject, issued = value.rsplit(":", 1)
        issued = int(issued)
    except (signing.BadSignature, ValueError):
        raise TokenError("invalid") from None
    if token_subject != str(subject):
        raise TokenError("invalid")
    return issued


def check(token, salt, subject, *, min_seconds, max_age, now=None):
    """Raise TokenError unless ``token`` is genuine, for this subject, at least
    ``min_seconds`` and at most ``max_age`` seconds old."""
    now = now if now is not None else time.time()
    age = now - issued_at(token, salt, subject)
    if age < min_seconds:
        raise TokenError("too_fast")
    if age > max_age:
        raise TokenError("expired")


class GuardedForm(forms.Form):
    """A form with the signed form time and the honeypot. A subclass says its salt
    (``guard_salt``), what the token is for (:meth:`guard_subject`) and its limits
    (:meth:`guard_limits`); it passes ``now`` (a Unix time, for tests) to the constructor.
    Two such forms on one page (the article's comment and salary forms) name their tokens
    apart: a subclass may declare its own hidden field and name it in ``token_field``."""

    guard_salt = None
    token_field = TOKEN_FIELD
    token_messages = TOKEN_MESSAGES

    zaman = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)
    kontrol = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        self.token_error = None
        if not self.is_bound:
            self.initial[self.token_field] = self.issue_token()

    def guard_subject(self):
        raise NotImplementedError

    def guard_limits(self):
        """``(min_seconds, max_age)``."""
        raise NotImplementedError

    def issue_token(self):
        return issue(self.guard_salt, self.guard_subject(), self.now)

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT_FIELD):
            self.add_error(None, HONEYPOT_MESSAGE)
        min_seconds, max_age = self.guard_limits()
        try:
            check(
                self.data.get(self.token_field, ""),
                self.guard_salt,
                self.guard_subject(),
                min_seconds=min_seconds,
                max_age=max_age,
                now=self.now,
            )
        except TokenError as error:
            self.token_error = error.code
            self.add_error(None, self.token_messages[error.code])
        return cleaned

    @property
    def token_for_render(self):
        """The token a re-rendered form carries: the visitor's own when it was genuine and
        only too young (they have now spent long enough on it), a fresh one otherwise; the
        honeypot is never echoed back."""
        if not self.is_bound:
            return self.initial[self.token_field]
        if self.token_error in (None, "too_fast"):
            return self.data.get(self.token_field)
        return self.issue_token()
