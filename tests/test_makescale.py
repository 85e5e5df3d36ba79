"""manage.py makescale: generated content at production size, never over real content."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F

from careers import turkish
from careers.articles.models import Role, Status
from careers.comments.models import Comment
from careers.salaries.models import SalaryBand
from careers.search.models import SearchDocument

from .factories import make_role

pytestmark = pytest.mark.django_db


def test_makescale_adds_roles_and_threaded_comments_to_the_demo(demo):
    out = StringIO()
    before = Role.objects.count()
    call_command("makescale", roles=120, comments=3000, stdout=out)
    assert Role.objects.count() == before + 120
    assert Comment.objects.count() == 3000
    assert "roles: 120" in out.getvalue() and "comments: 3.000" in out.getvalue()
    statuses = dict(Comment.objects.values_list("status").annotate(n=Count("pk")))
    assert statuses["approved"] > statuses["pending"] > 0 and statuses.get("spam", 0) > 0
    seed = Role.objects.get(slug="musteri-hizmetleri-ekip-lideri")
    assert seed.comments.count() == 2000  # the seed article is a popular one
    replies = Comment.objects.filter(parent__isnull=False)
    assert replies.exists()
    same_role = replies.exclude(role=F("parent__role"))
    assert not same_role.exists()  # replies stay on their parent's article
    parents = dict(Comment.objects.values_list("pk", "parent_id"))
    for pk, parent in parents.items():
        depth = 1
        while parent is not None:
            depth, parent = depth + 1, parents[parent]
        assert depth <= 5, pk  # as posting allows (COMMENTS_THREAD_DEPTH)
    generated = Role.objects.exclude(slug__in=["musteri-hizmetleri-ekip-lideri"]).order_by("-pk")[0]
    assert generated.title_sort == turkish.sort_key(generated.title)
    latest = SalaryBand.objects.filter(role=generated).order_by("-year").first()
    assert (generated.salary_year, generated.salary_average) == (latest.year, latest.average)
    assert SearchDocument.objects.filter(role=generated).exists()
    assert Role.objects.filter(status=Status.PUBLISHED).count() > before


def test_makescale_refuses_a_database_with_real_content(db):
    make_role("Bir editörün makalesi")
    with pytest.raises(CommandError, match="--force"):
        call_command("makescale", roles=5, comments=0)
    call_command("makescale", roles=5, comments=0, force=True, verbosity=0)
    assert Role.objects.count() == 6
