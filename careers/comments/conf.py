"""The comment rules' thresholds, read from settings at call time (so tests can override them).

Each default here is what WordPress ships with, unless a comment says why it differs. This
module is where they are documented; a setting of the same name overrides one. The project's
settings module reads two from the environment (``COMMENTS_CLOSE_AFTER_DAYS``,
``COMMENTS_IP_RETENTION_DAYS``) and sets no other.
"""

from django.conf import settings

DEFAULTS = {
    # A form posted sooner than this after it was rendered is refused (bots post at once).
    "COMMENTS_MIN_FILL_SECONDS": 3,
    # A form older than this is refused (replayed tokens). Must exceed PAGE_CACHE_SECONDS: a
    # cached article carries the token of the moment it was rendered.
    "COMMENTS_FORM_MAX_AGE": 24 * 60 * 60,
    # One comment per IP address (or e-mail address) per this many seconds (WordPress: 15).
    "COMMENTS_FLOOD_SECONDS": 15,
    # A comment with more links than this is held (WordPress holds at 2 or more; the issue
    # asks for "more than 2").
    "COMMENTS_MAX_LINKS": 2,
    # Top-level threads per page. WordPress's "comments_per_page" default is 50; 20 serves a
    # reader on a phone better (at scale 50 threads were about 110 comments and most of the
    # page's 90 KB, below the article few scroll through) and renders in under half the time.
    "COMMENTS_PER_PAGE": 20,
    # Levels of threading (WordPress default: 5). "Yanıtla" is not offered below the last.
    "COMMENTS_THREAD_DEPTH": 5,
    # Close the form this many days after the article's publish time; None: never.
    "COMMENTS_CLOSE_AFTER_DAYS": None,
    # Days an IP address is kept on a comment (management command clear_comment_ips).
    "COMMENTS_IP_RETENTION_DAYS": 30,
    # How long the "Yorumunuz onay bekliyor." link shown after posting stays valid
    # (WordPress: 10 minutes); the link is only for the author, right after posting.
    "COMMENTS_HELD_NOTICE_MAX_AGE": 10 * 60,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
