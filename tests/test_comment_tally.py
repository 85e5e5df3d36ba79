"""An article's comment counts are kept as its comments change (careers/comments/tally.py):
the article's page reads two numbers instead of counting every comment, and every change a
reader can see (a comment approved, held, removed, deleted, a bulk action, an erasure) counts
again after its commit."""

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection

from careers.comments import tally
from careers.comments.models import Comment, CommentTally

from .factories import make_comment, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db


def counted(role):
    """``(approved, threads)`` counted from the comments as they are."""
    with connection.cursor() as cursor:
        cursor.execute(tally.COUNT_SQL, {"role": role.pk, "approved": "approved"})
        return tuple(cursor.fetchone())


def kept(role):
    return CommentTally.objects.filter(role=role).values_list("approved", "threads").first()


def heading(client, role):
    return text_of(client.get(role.get_absolute_url()), 'id="yorumlar-baslik"', "</h2>")


def test_every_change_a_reader_sees_counts_again(client, django_capture_on_commit_callbacks):
    role = make_role("Kredi Asistanı")
    with django_capture_on_commit_callbacks(execute=True):
        first = make_comment(role)
        reply = make_comment(role, parent=first)
        held = make_comment(role, status="pending")
    assert kept(role) == counted(role) == (2, 1)
    assert heading(client, role).endswith("2 yorum")

    with django_capture_on_commit_callbacks(execute=True):
        first.status = "pending"  # held again: its reply now starts a thread of its own
        first.save()
    assert kept(role) == counted(role) == (1, 1)

    with django_capture_on_commit_callbacks(execute=True):
        held.status = "approved"
        held.save()
        first.status = "approved"
        first.save()
    assert kept(role) == counted(role) == (3, 2)

    with django_capture_on_commit_callbacks(execute=True):
        reply.delete()
    assert kept(role) == counted(role) == (2, 2)
    assert heading(client, role).endswith("2 yorum")


def test_bulk_actions_and_erasure_count_again(client, django_capture_on_commit_callbacks):
    role = make_role()
    with django_capture_on_commit_callbacks(execute=True):
        mine = make_comment(role, email="kisi@example.com")
        others = [make_comment(role, status="pending") for _ in range(3)]
    moderator = User.objects.create_user("moderator", "m@example.com", "x-long-test-password")
    moderator.is_staff = True
    moderator.save()
    codenames = ("view_comment", "change_comment", "delete_comment", "can_moderate")
    moderator.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/yonetim/comments/pendingcomment/",
            {"action": "approve", "_selected_action": [c.pk for c in others]},
        )
    assert kept(role) == counted(role) == (4, 4)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/yonetim/comments/comment/kvkk/",
            {"email": "kisi@example.com", "confirm_erase": "1"},
        )
    assert not Comment.objects.filter(pk=mine.pk).exists()
    assert kept(role) == counted(role) == (3, 3)


def test_the_page_shows_the_kept_counts(client, django_capture_on_commit_callbacks):
    """The page reads the tally, not the comments: a tally that says 7 is what it shows."""
    role = make_role()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            make_comment(role)
    assert kept(role) == (3, 3)
    CommentTally.objects.filter(role=role).update(approved=7)
    assert heading(client, role).endswith("7 yorum")


def test_an_article_not_counted_yet_is_counted_by_its_page(client):
    """Comments written without the commit that counts them (here: the test's transaction is
    never committed) are counted by the page until the article has a tally."""
    role = make_role()
    first = make_comment(role)
    make_comment(role, parent=first)
    make_comment(role)
    assert kept(role) is None
    assert heading(client, role).endswith("3 yorum")


def test_recount_all_counts_every_article():
    """What ``makescale`` runs after writing comments without the ORM (and the migration)."""
    busy, quiet = make_role(), make_role()
    first = make_comment(busy)
    make_comment(busy, parent=first)
    make_comment(busy, status="spam")
    tally.recount_all()
    assert kept(busy) == counted(busy) == (2, 1)
    assert kept(quiet) == counted(quiet) == (0, 0)


def test_an_article_deleted_with_its_comments_leaves_no_count(django_capture_on_commit_callbacks):
    role = make_role()
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(role)
    pk = role.pk
    with django_capture_on_commit_callbacks(execute=True):
        role.delete()
    assert not CommentTally.objects.filter(role_id=pk).exists()
