"""Baked queries (careers/site/baked.py): the ORM's query compiled once, run with each call's
values, giving what the queryset gives; and the article page reading its rows with them."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careers.articles.models import (
    Responsibility,
    Role,
    RoleSkill,
    article_prefetches,
    article_role,
    load_article_rows,
    published_q,
)
from careers.salaries.models import SalaryBand
from careers.site.baked import Baked, BakingError

from .factories import fill_role, link, make_band, make_role, make_sector

pytestmark = pytest.mark.django_db

BY_SLUG = Baked(lambda slug: Role.objects.select_related("sector", "reviewed_by").filter(slug=slug))
CARDS = Baked(lambda ids, now: Role.objects.filter(published_q(now=now), pk__in=ids).card_columns())
DUTY_TEXTS = Baked(lambda pk: Responsibility.objects.filter(role_id=pk).values_list("text"))
FLAT = Baked(lambda pk: Responsibility.objects.filter(role_id=pk).values_list("text", flat=True))
NAMED = Baked(
    lambda pk: SalaryBand.objects.filter(role_id=pk).values_list("year", "average", named=True)
)


def test_rows_are_the_querysets_for_each_calls_values():
    sector = make_sector("Sağlık")
    nurse, clerk = make_role("Hemşire", sector=sector), make_role("Kâtip")
    for role in (nurse, clerk):
        with CaptureQueriesContext(connection) as queries:
            found = BY_SLUG(role.slug)
        assert len(queries) == 1
        assert [(r.pk, r.title, r.sector.name) for r in found] == [
            (role.pk, role.title, role.sector.name)
        ]
        # The joined rows came with it: no query for the sector, None for no reviewer.
        with CaptureQueriesContext(connection) as queries:
            assert found[0].reviewed_by is None and found[0].sector.slug == role.sector.slug
        assert len(queries) == 0
    assert BY_SLUG("yok") == [] and BY_SLUG.first("yok") is None


def test_values_are_converted_as_the_orm_converts_them():
    role = make_role("Muhasebeci")
    make_band(role, year=2025, average="41250.50")
    make_band(role, year=2024, average="38000")
    assert NAMED(role.pk) == list(
        SalaryBand.objects.filter(role_id=role.pk).values_list("year", "average", named=True)
    )
    newest = NAMED(role.pk)[0]
    assert (newest.year, newest.average) == (2025, Decimal("41250.50"))
    fill_role(role, 3)
    assert FLAT(role.pk) == ["Görev 1", "Görev 2", "Görev 3"]
    assert DUTY_TEXTS(role.pk) == [("Görev 1",), ("Görev 2",), ("Görev 3",)]
    card = BY_SLUG.first(role.slug)
    assert card.published_at == Role.objects.get(pk=role.pk).published_at  # an aware datetime
    assert card.published_at.tzinfo is not None


def test_a_time_parameter_is_each_calls_and_a_list_bakes_per_length():
    soon = make_role("Yakında", published_at=timezone.now() + dt.timedelta(hours=2))
    out = make_role("Yayında")
    ids = [soon.pk, out.pk]
    assert [r.title for r in CARDS(ids, timezone.now())] == ["Yayında"]
    with time_machine.travel(timezone.now() + dt.timedelta(hours=3)):
        assert sorted(r.title for r in CARDS(ids, timezone.now())) == ["Yakında", "Yayında"]
    assert [r.title for r in CARDS([out.pk], timezone.now())] == ["Yayında"]
    # only(): a column the cards leave out is read when asked for, as the ORM would.
    card = CARDS([out.pk], timezone.now())[0]
    with CaptureQueriesContext(connection) as queries:
        assert card.intro == "Yayında giriş paragrafı."
    assert len(queries) == 1


def test_a_build_that_reads_a_value_of_its_own_is_caught_under_tests():
    role = make_role("Aşçı")
    own_clock = Baked(lambda pk: Role.objects.filter(pk=pk, published_at__lte=timezone.now()))
    with time_machine.travel(timezone.now(), tick=False):
        assert [r.pk for r in own_clock(role.pk)] == [role.pk]
    with pytest.raises(BakingError, match="reads a value of its own"):
        own_clock(role.pk)  # a second later: the baked time is no longer now


def test_what_cannot_be_baked_is_refused():
    role = make_role("Şoför")
    with pytest.raises(BakingError, match=r"parameters \[1\]"):
        Baked(lambda pk, unused: Role.objects.filter(pk=pk))(role.pk, 3)
    with pytest.raises(BakingError, match="prefetch_related"):
        Baked(lambda pk: Role.objects.filter(pk=pk).prefetch_related("trends"))(role.pk)
    with pytest.raises(BakingError, match="boolean"):
        Baked(lambda flag: Role.objects.filter(pk=1) if flag else Role.objects.none())(True)


def test_the_article_reads_the_rows_its_prefetches_name():
    role = fill_role(make_role("Veri Analisti"), 3)
    near = make_role("İş Analisti")
    link(role, near, placement="after_training")
    link(role, make_role("Taslak", published=False))
    expected = Role.objects.prefetch_related(*article_prefetches()).get(pk=role.pk)
    found = article_role(role.slug)
    with CaptureQueriesContext(connection) as queries:
        load_article_rows(found)
    assert len(queries) == 4
    with CaptureQueriesContext(connection) as queries:
        for name in ("responsibilities", "role_skills", "trends", "related_links"):
            rows = getattr(found, name).all()
            assert [r.pk for r in rows] == [r.pk for r in getattr(expected, name).all()]
        assert [rs.skill.name for rs in found.role_skills.all()] == [
            rs.skill.name for rs in expected.role_skills.all()
        ]
        assert [link.to_role.title for link in found.related_links.all()] == ["İş Analisti"]
    assert len(queries) == 0
    # The manager's own query is kept: anything but .all() asks the database.
    second = found.responsibilities.filter(text="Görev 2")
    assert list(second.values_list("order", flat=True)) == [1]
    assert RoleSkill.objects.filter(role=found).count() == 3
