"""The newsroom at production size: changes waiting for review, published corrections and a
few authors with thousands of articles each (the review dashboard, /duzeltmeler/ and the
authors' pages measured at scale). The roles' reads of the last 30 days and their last review
are drawn with the roles (``generate.build_role``)."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from careers.articles.models import Author, Correction, Revision, Role, Status
from careers.articles.review.workflow import unique_author_slug

BATCH = 2000


def make_revisions(rng, count, made):
    """Changes waiting for review (the dashboard's queue): a summary edit of ``count``
    published roles."""
    roles = list(
        Role.objects.filter(status=Status.PUBLISHED).order_by("pk").values_list("pk", "title")
    )
    content_type = ContentType.objects.get_for_model(Role)
    revisions = [
        Revision(
            role_id=pk,
            content_type=content_type,
            object_id=pk,
            object_label=title,
            changes={"object": {"summary": ["", f"{title}: yeni özet."]}},
            summary="Özet",
            created_at=timezone.now() - dt.timedelta(hours=rng.randint(1, 400)),
        )
        for pk, title in rng.sample(roles, min(count, len(roles)))
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    made.add("changes for review", len(revisions))
    # and as many published corrections (/duzeltmeler/, the articles' feet)
    corrections = [
        Correction(
            role_id=pk,
            text=f"{title}: ortalama maaş kaynaktaki rakamla düzeltildi.",
            created_at=timezone.now() - dt.timedelta(hours=rng.randint(1, 9000)),
        )
        for pk, title in rng.sample(roles, min(count, len(roles)))
    ]
    Correction.objects.bulk_create(corrections, batch_size=BATCH)
    made.add("corrections", len(corrections))


AUTHORS = ("Deniz Aksoy", "Elif Kaya", "Murat Şahin", "Zeynep Çelik", "Ömer Yıldız")


def make_authors(made):
    """A few authors (their pages list thousands of articles at this size): each role gets one
    by its key, and a reviewed role the next one as its reviewer (an UPDATE per author)."""
    authors = []
    for name in AUTHORS:
        slug = unique_author_slug(name)
        authors.append(Author.objects.create(name=name, slug=slug, expertise="Meslekler"))
        made.add("authors", 1)
    n = len(authors)
    with_rest = Role.objects.annotate(rest=F("pk") % n)
    for i, author in enumerate(authors):
        with_rest.filter(rest=i).update(author=author)
        with_rest.filter(rest=i, last_reviewed_at__isnull=False).update(
            reviewed_by=authors[(i + 1) % n]
        )
