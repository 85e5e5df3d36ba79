"""Related roles: the ranking rules of careers.articles.related, without HTTP."""

import pytest

from careers.articles.models import Role, RoleSkill
from careers.articles.related import RELATED_LIMIT, computed_related, related_for

from .factories import fill_role, link, make_band, make_role, make_sector, make_skill

pytestmark = pytest.mark.django_db


def with_skills(role, skills):
    for order, skill in enumerate(skills):
        RoleSkill.objects.create(role=role, skill=skill, body="x", order=order)
    return role


def article(role):
    return Role.objects.for_article().get(pk=role.pk)


@pytest.fixture
def world():
    home, other = make_sector("Finans", slug="finans"), make_sector("Sağlık", slug="saglik")
    a, b, c = make_skill(), make_skill(), make_skill()
    role = with_skills(make_role("Ana", sector=home), [a, b, c])
    return {"home": home, "other": other, "skills": (a, b, c), "role": role}


def titles(roles):
    return [r.title for r in roles]


def test_more_shared_skills_rank_higher_then_same_sector(world):
    a, b, c = world["skills"]
    with_skills(make_role("Bir Ortak Başka Sektör", sector=world["other"]), [a])
    with_skills(make_role("Üç Ortak Başka Sektör", sector=world["other"]), [a, b, c])
    with_skills(make_role("İki Ortak Aynı Sektör", sector=world["home"]), [a, b])
    with_skills(make_role("Bir Ortak Aynı Sektör", sector=world["home"]), [c])
    make_role("Sıfır Ortak Aynı Sektör", sector=world["home"])
    make_role("Sıfır Ortak Başka Sektör", sector=world["other"])
    role = article(world["role"])
    assert titles(computed_related(role, [a.pk, b.pk, c.pk], set())) == [
        "Üç Ortak Başka Sektör",
        "İki Ortak Aynı Sektör",
        "Bir Ortak Aynı Sektör",  # same count as the next: same sector wins
        "Bir Ortak Başka Sektör",
        "Sıfır Ortak Aynı Sektör",  # the sector alone is enough to be related
    ]


def test_ties_go_to_the_most_read_then_turkish_title_order(world):
    a = world["skills"][0]
    for title, reads in [("Çevirmen", 5), ("Cerrah", 5), ("Zabıt", 50), ("Dalgıç", 5)]:
        with_skills(make_role(title, sector=world["other"], view_count=reads), [a])
    role = article(world["role"])
    assert titles(computed_related(role, [a.pk], set())) == [
        "Zabıt",
        "Cerrah",
        "Çevirmen",
        "Dalgıç",
    ]


def test_drafts_scheduled_self_and_explicit_links_are_excluded(world):
    a = world["skills"][0]
    with_skills(make_role("Taslak", published=False, sector=world["home"]), [a])
    from django.utils import timezone

    with_skills(
        make_role(
            "Gelecek",
            sector=world["home"],
            published_at=timezone.now() + timezone.timedelta(days=1),
        ),
        [a],
    )
    explicit = with_skills(make_role("Açık Bağlantı", sector=world["home"]), [a])
    link(world["role"], explicit)
    draft_link = make_role("Taslak Bağlantı", published=False)
    link(world["role"], draft_link)
    role = article(world["role"])
    links, computed = related_for(role)
    assert [lk.to_role.title for lk in links] == ["Açık Bağlantı"]
    assert "Ana" not in titles(computed)
    assert titles(computed) == []


def test_explicit_links_come_first_in_editor_order_and_fill_the_limit(world):
    a = world["skills"][0]
    for i in range(RELATED_LIMIT):
        with_skills(make_role(f"Hesaplanan {i}", sector=world["home"]), [a])
    second, first = make_role("İkinci Bağlantı"), make_role("Birinci Bağlantı")
    make_band(first, year=2025, average="40000", top="60000")
    link(world["role"], first, order=0)
    link(world["role"], second, order=1)
    links, computed = related_for(article(world["role"]))
    assert [lk.to_role.title for lk in links] == ["Birinci Bağlantı", "İkinci Bağlantı"]
    assert links[0].to_role.salary_average == 40000
    assert len(links) + len(computed) == RELATED_LIMIT


def test_computed_roles_carry_their_latest_salary(world):
    a = world["skills"][0]
    other = with_skills(make_role("Maaşlı", sector=world["other"]), [a])
    make_band(other, year=2024, average="20000", top="30000")
    make_band(other, year=2025, average="25000", top="35000")
    (found,) = computed_related(article(world["role"]), [a.pk], set())
    assert (found.salary_year, found.salary_average) == (2025, 25000)


def test_a_role_without_skills_gets_its_sector(world):
    lonely = make_role("Yalnız", sector=world["other"])
    make_role("Komşu", sector=world["other"])
    with_skills(make_role("Uzak", sector=world["home"]), world["skills"])
    links, computed = related_for(article(lonely))
    assert titles(computed) == ["Komşu"]


def test_related_for_costs_two_queries_after_the_article(world, django_assert_num_queries):
    """The ranking (SQL written out: the ORM's building of it cost three times its run), then
    the cards: two queries however many roles share the skills."""
    a = world["skills"][0]
    for i in range(20):
        fill_role(with_skills(make_role(f"Komşu {i}"), [a]), 2)
    role = article(world["role"])
    with django_assert_num_queries(2):
        links, computed = related_for(role)
    assert len(computed) == RELATED_LIMIT
