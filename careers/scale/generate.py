"""Fill the database with content at production size, fast: rows are built in Python with
explicit primary keys (so that foreign keys need no round trip) and written in batches.

Markdown is rendered through the one sanitizing renderer, once per distinct text (the texts
come from a pool, so 10,000 roles cost a few hundred renders). Comments (comments.py) and
readers' salary reports (reports.py) are written with ``executemany``.
"""

import datetime as dt
import functools
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from careers import markup, turkish
from careers.articles.models import (
    Correction,
    RelatedRole,
    Responsibility,
    Revision,
    Role,
    RoleSkill,
    Sector,
    Skill,
    Status,
    Trend,
)
from careers.comments.models import Comment
from careers.salaries.models import PayBasis, SalaryBand
from careers.salaries.reports.models import Report
from careers.search.models import SearchDocument
from careers.search.text import document_fields

from . import comments as scale_comments
from . import newsroom, vocab
from . import reports as salary_reports

BATCH = 2000


@dataclass
class Made:
    counts: dict = field(default_factory=dict)

    def add(self, name, n):
        self.counts[name] = self.counts.get(name, 0) + n


render = functools.lru_cache(maxsize=None)(markup.render)


def next_id(model):
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def paragraph(rng, n=3):
    return " ".join(rng.sample(vocab.SENTENCES, n))


def make_sectors(rng, count):
    taken = set(Sector.objects.values_list("slug", flat=True))
    taken |= {turkish.slugify(n) for n in Sector.objects.values_list("name", flat=True)}
    new = []
    pk = next_id(Sector)
    needed = count - Sector.objects.count()  # ``count`` sectors in all
    for name in vocab.SECTORS:
        if turkish.slugify(name) in taken or len(new) >= needed:
            continue
        description = f"{name} alanındaki meslekler, maaşları ve becerileri."
        new.append(
            Sector(
                pk=pk,
                name=name,
                slug=turkish.slugify(name),
                name_sort=turkish.sort_key(name),
                description=description,
            )
        )
        pk += 1
    Sector.objects.bulk_create(new, batch_size=BATCH)
    return list(Sector.objects.all()), len(new)


def make_skills(rng, count):
    taken = {turkish.slugify(n) for n in Skill.objects.values_list("name", flat=True)}
    names = [f"{area}{kind}" for kind in vocab.SKILL_KINDS for area in vocab.SKILL_AREAS]
    new = []
    pk = next_id(Skill)
    needed = count - len(taken)  # ``count`` skills in all
    for name in names:
        slug = turkish.slugify(name)
        if len(new) >= needed or slug in taken:
            continue
        taken.add(slug)
        description = f"{name}, birçok meslekte aranan bir yetkinliktir. {paragraph(rng, 2)}"
        new.append(
            Skill(
                pk=pk,
                name=name,
                slug=slug,
                name_sort=turkish.sort_key(name),
                description=description,
                description_html=render(description),
            )
        )
        pk += 1
    Skill.objects.bulk_create(new, batch_size=BATCH)
    return list(Skill.objects.all()), len(new)


def role_titles(rng, count, taken):
    """``count`` distinct titles (distinct slugs), the special cases first."""
    titles = []
    for title in vocab.SPECIAL_TITLES:
        if turkish.slugify(title) not in taken:
            taken.add(turkish.slugify(title))
            titles.append(title)
    attempts = 0
    while len(titles) < count and attempts < count * 50:
        attempts += 1
        level = rng.choice(vocab.LEVELS)
        title = " ".join(filter(None, [level, rng.choice(vocab.FIELDS), rng.choice(vocab.BASES)]))
        slug = turkish.slugify(title)
        if slug not in taken:
            taken.add(slug)
            titles.append(title)
    if len(titles) < count:  # more roles than word combinations: number the rest
        base = len(titles)
        titles += [f"{titles[i % base]} {i // base + 1}" for i in range(base, count)]
    return titles[:count]


SECTIONS = ("intro", "salary_intro", "outlook_text", "salary_footnote", "education",
            "training", "certifications", "work_environment", "trends_intro",
            "how_to_become", "career_path")  # fmt: skip


def build_role(rng, pk, title, sector, now, review_rng=None):
    texts = {name: paragraph(rng) for name in SECTIONS}
    texts["salary_footnote"] = "Dipnot: Rakamlar iş ilanları ve kariyer sitelerinden derlenmiştir."
    texts["intro"] = f"**{title}**, {sector.name.lower()} alanında çalışır. {texts['intro']}"
    draft = rng.random() < 0.03
    published = now - dt.timedelta(days=rng.randint(1, 4 * 365), minutes=rng.randint(0, 1440))
    updated = min(now, published + dt.timedelta(days=rng.randint(0, 400)))
    role = Role(
        pk=pk,
        title=title,
        slug=turkish.slugify(title, max_length=160),
        sector=sector,
        title_sort=turkish.sort_key(title),
        summary=f"{title} ne iş yapar, ne kadar kazanır? Görevleri, maaşı ve gerekli beceriler.",
        lead=f"{title} olarak çalışmak isteyenler için görevler, maaşlar ve kariyer yolu.",
        outlook=rng.choice(["grows", "stable", "stable", "declines"]),
        status=Status.DRAFT if draft else Status.PUBLISHED,
        published_at=None if draft else published,
        created_at=published,
        updated_at=updated,
        view_count=int(rng.paretovariate(1.2) * 20),
        comments_open=rng.random() > 0.05,
        **texts,
        **{f"{name}_html": render(value) for name, value in texts.items()},
    )
    if review_rng is not None:  # its own random stream: the rest of the data stays the same
        role.recent_reads = int(role.view_count * review_rng.uniform(0.02, 0.25))
        if review_rng.random() > 0.35:  # a third never reviewed, the rest within two years
            role.last_reviewed_at = now - dt.timedelta(days=review_rng.randint(0, 730))
    return role


def bands_for(rng, role, latest_year):
    base = Decimal(rng.randrange(17_000, 90_000, 500))
    basis = rng.choices(list(PayBasis.values), weights=[80, 15, 5])[0]  # net, gross, unspecified
    bands = []
    for back in range(3):
        year = latest_year - back
        average = (base / (Decimal("1.35") ** back)).quantize(Decimal(1))
        top = (average * Decimal(rng.choice(["1.4", "1.6", "1.8", "2.2"]))).quantize(Decimal(1))
        low = (average * Decimal("0.7")).quantize(Decimal(1)) if rng.random() < 0.5 else None
        bands.append(
            SalaryBand(
                role=role,
                year=year,
                average=average,
                top=top,
                low=low,
                pay_basis=basis,
                source="Kariyer siteleri ve iş ilanları",
                is_sample=True,
                updated_at=role.updated_at,
            )
        )
    return bands


def make_roles(rng, count, sectors, skills, made, review_rng=None):
    """Roles with their responsibilities, skills, bands, trends, links and search documents."""
    now = timezone.now()
    taken = set(Role.objects.values_list("slug", flat=True))
    pk = next_id(Role)
    titles = role_titles(rng, count, taken)
    weights = [1 / (i + 1) ** 0.5 for i in range(len(sectors))]
    duties_html = {d: d for d in vocab.DUTIES}
    for start in range(0, len(titles), BATCH):
        roles, rows = [], {"resp": [], "skills": [], "bands": [], "trends": [], "docs": []}
        for title in titles[start : start + BATCH]:
            sector = rng.choices(sectors, weights)[0]
            role = build_role(rng, pk, title, sector, now, review_rng)
            pk += 1
            roles.append(role)
            duties = rng.sample(vocab.DUTIES, rng.randint(4, 7))
            rows["resp"] += [
                Responsibility(role=role, text=duties_html[d], order=i)
                for i, d in enumerate(duties)
            ]
            chosen = rng.sample(skills, rng.randint(4, 8))
            for i, skill in enumerate(chosen):
                body = f"{title} için {turkish.lower(skill.name)} önemlidir. {paragraph(rng, 1)}"
                rows["skills"].append(
                    RoleSkill(role=role, skill=skill, order=i, body=body, body_html=render(body))
                )
            bands = bands_for(rng, role, rng.choice([2023, 2024, 2025, 2025, 2026]))
            latest = bands[0]  # the latest band, as refresh_role_salaries() keeps it
            role.salary_year, role.salary_average, role.salary_top = (
                latest.year,
                latest.average,
                latest.top,
            )
            role.salary_pay_basis = latest.pay_basis
            role.salary_updated_at = max(band.updated_at for band in bands)
            rows["bands"] += bands
            for i, name in enumerate(rng.sample(vocab.TRENDS, 2)):
                body = paragraph(rng, 2)
                rows["trends"].append(
                    Trend(role=role, title=name, body=body, body_html=render(body), order=i)
                )
            rows["docs"].append(
                SearchDocument(role=role, **document_fields(role, duties, [s.name for s in chosen]))
            )
        Role.objects.bulk_create(roles, batch_size=500)
        Responsibility.objects.bulk_create(rows["resp"], batch_size=BATCH)
        RoleSkill.objects.bulk_create(rows["skills"], batch_size=BATCH)
        SalaryBand.objects.bulk_create(rows["bands"], batch_size=BATCH)
        Trend.objects.bulk_create(rows["trends"], batch_size=BATCH)
        SearchDocument.objects.bulk_create(rows["docs"], batch_size=BATCH)
        for name, key in (
            ("responsibilities", "resp"),
            ("role skills", "skills"),
            ("salary bands", "bands"),
            ("trends", "trends"),
        ):
            made.add(name, len(rows[key]))
        made.add("roles", len(roles))
    return make_links(rng, made)


def make_links(rng, made):
    """Explicit related roles: up to three per new role, mostly in the same sector."""
    by_sector = {}
    for pk, sector_id in Role.objects.values_list("pk", "sector_id"):
        by_sector.setdefault(sector_id, []).append(pk)
    existing = set(RelatedRole.objects.values_list("from_role_id", flat=True))
    links = []
    for members in by_sector.values():
        for pk in members:
            if pk in existing or len(members) < 2:
                continue
            targets = {rng.choice(members) for _ in range(rng.randint(0, 3))} - {pk}
            links += [
                RelatedRole(from_role_id=pk, to_role_id=t, order=i)
                for i, t in enumerate(sorted(targets))
            ]
    RelatedRole.objects.bulk_create(links, batch_size=BATCH)
    made.add("related links", len(links))


def reset_sequences():
    """PostgreSQL: explicit primary keys leave the sequences behind."""
    from django.core.management.color import no_style

    models = [
        Sector,
        Skill,
        Role,
        Responsibility,
        RoleSkill,
        SalaryBand,
        Trend,
        RelatedRole,
        Comment,
        Report,
        Revision,
        Correction,
    ]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def generate(*, roles, comments, reports=0, sectors=30, skills=300, seed=14):
    rng = random.Random(seed)
    made = Made()
    with transaction.atomic():
        sector_rows, n = make_sectors(rng, sectors)
        made.add("sectors", n)
        skill_rows, n = make_skills(rng, skills)
        made.add("skills", n)
        review_rng = random.Random(seed * 1000 + 22)
        make_roles(rng, roles, sector_rows, skill_rows, made, review_rng)
        newsroom.make_revisions(review_rng, max(1, roles // 50), made)
        newsroom.make_authors(made)
        reset_sequences()
    with transaction.atomic():
        scale_comments.make_comments(rng, comments, made, first_pk=next_id(Comment))
        reset_sequences()
    with transaction.atomic():  # readers' salary reports, on every published role (as comments)
        role_ids = list(Role.objects.published().order_by("pk").values_list("pk", flat=True))
        salary_reports.make_reports(rng, reports, role_ids, made)
        reset_sequences()
    return made.counts
