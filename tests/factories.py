"""Small factories for tests: plain functions, real database rows."""

import itertools
from decimal import Decimal

from django.utils import timezone

from careers.articles.models import (
    RelatedRole,
    Responsibility,
    Role,
    RoleSkill,
    Sector,
    Skill,
    Status,
    Trend,
)
from careers.salaries.models import SalaryBand

_seq = itertools.count(1)


def make_sector(name=None, **fields):
    n = next(_seq)
    name = name or f"Sektör {n}"
    fields.setdefault("slug", f"sektor-{n}")
    return Sector.objects.create(name=name, **fields)


def make_skill(name=None, **fields):
    n = next(_seq)
    name = name or f"Beceri {n}"
    fields.setdefault("slug", f"beceri-{n}")
    return Skill.objects.create(name=name, description=f"{name} açıklaması.", **fields)


def make_role(title=None, *, sector=None, published=True, **fields):
    n = next(_seq)
    title = title or f"Meslek {n}"
    fields.setdefault("summary", f"{title} hakkında kısa bir özet.")
    fields.setdefault("lead", f"{title} mesleğini tanıyın.")
    fields.setdefault("intro", f"{title} giriş paragrafı.")
    if published:
        fields.setdefault("status", Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timezone.timedelta(days=1))
    return Role.objects.create(title=title, sector=sector or make_sector(), **fields)


def make_band(role, year=2025, average="30000", top="45000", **fields):
    fields.setdefault("source", "Örnek veri: test")
    fields.setdefault("pay_basis", "net")
    return SalaryBand.objects.create(
        role=role, year=year, average=Decimal(average), top=Decimal(top), **fields
    )


def fill_role(role, count, *, skills=None):
    """Give ``role`` ``count`` responsibilities, skills, trends and one band per year."""
    for i in range(count):
        Responsibility.objects.create(role=role, text=f"Görev {i + 1}", order=i)
        skill = skills[i] if skills and i < len(skills) else make_skill()
        RoleSkill.objects.create(role=role, skill=skill, body=f"Beceri paragrafı {i + 1}.", order=i)
        Trend.objects.create(role=role, title=f"Eğilim {i + 1}", body=f"Eğilim metni {i + 1}.")
    return role


def link(from_role, to_role, order=0, placement=""):
    return RelatedRole.objects.create(
        from_role=from_role, to_role=to_role, order=order, placement=placement
    )


def make_comment(role, *, status="approved", parent=None, **fields):
    """A stored comment (approved unless told); name, e-mail and text made unique."""
    from careers.comments.models import Comment

    n = next(_seq)
    fields.setdefault("name", f"Okur {n}")
    fields.setdefault("email", f"okur{n}@example.com")
    fields.setdefault("body", f"Yorum metni {n}.")
    return Comment.objects.create(role=role, status=status, parent=parent, **fields)


def make_report(role, amount, *, address=None, **fields):
    """A reader's salary report (accepted, net, full time, this year in Istanbul, Ankara,
    2-4 years), from its own address unless ``address`` (a hash) says otherwise."""
    from careers.salaries.reports.models import Report

    n = next(_seq)
    fields.setdefault("province", 6)
    fields.setdefault("experience", "2-4")
    fields.setdefault("pay_basis", "net")
    fields.setdefault("employment", "full")
    fields.setdefault("year", timezone.localdate().year)
    return Report.objects.create(
        role=role, amount=Decimal(str(amount)), address_hash=address or f"adres-{n:058d}", **fields
    )
