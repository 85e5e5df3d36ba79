"""How lists of roles are ordered and grouped: plain functions, tested without HTTP."""

from itertools import groupby

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import Substr
from django.template.loader import render_to_string

from careers import turkish
from careers.collation import turkish_order
from careers.site.pagecache import cached

from . import keys
from .freshness import with_last_modified
from .models import Role, RoleSkill, SalaryBand, Sector, Skill, published_q


def alphabetical(roles):
    """Roles in Turkish alphabetical order, grouped by initial: ``[(letter, [roles])]``."""
    roles = sorted(roles, key=lambda role: turkish.sort_key(role.title))
    return [
        (letter, list(group))
        for letter, group in groupby(roles, key=lambda r: turkish.initial(r.title))
    ]


def by_title(items, attr="title"):
    return sorted(items, key=lambda item: turkish.sort_key(getattr(item, attr)))


def sort_roles(roles, key, ascending):
    """Sort by ``"title"`` (Turkish order), ``"average"`` or ``"top"`` (the latest band's);
    roles without figures always come last, in title order."""
    if key == "title":
        return sorted(roles, key=lambda r: turkish.sort_key(r.title), reverse=not ascending)
    field = f"latest_{key}"
    with_figures = [role for role in roles if getattr(role, field) is not None]
    without = [role for role in roles if getattr(role, field) is None]
    ordered = sorted(by_title(with_figures), key=lambda r: getattr(r, field), reverse=not ascending)
    return ordered + by_title(without)


# --- Lists at any size: ordered and paginated in the database -------------------------------

#: Cached lists (letters, sector and skill counts) are kept until a role, sector or skill
#: changes (their surrogate keys): no page recounts every role on every request.
DIGITS = "0-9"


def _cached(name, build, *extra_keys):
    return cached(f"listing:{name}", [keys.ROLES, keys.SECTORS, *extra_keys], build)


def counts():
    """Published roles counted by sector and by initial, from one GROUP BY (cached):
    ``{"sectors": [Sector with role_count], "letters": [(letter, count)]}``."""

    def build():
        rows = (
            Role.objects.published()
            .annotate(initial=Substr("title_sort", 1, 1))
            .values("sector_id", "sector__name", "sector__slug", "sector__name_sort", "initial")
            .annotate(n=Count("pk"))
            .order_by()
        )
        sectors, letters = {}, {}
        for row in rows:
            sector = sectors.get(row["sector_id"])
            if sector is None:
                sector = sectors[row["sector_id"]] = Sector(
                    pk=row["sector_id"], name=row["sector__name"], slug=row["sector__slug"],
                    name_sort=row["sector__name_sort"],
                )  # fmt: skip
                sector.role_count = 0
            sector.role_count += row["n"]
            letter = letter_of(row["initial"])
            letters[letter] = letters.get(letter, 0) + row["n"]
        order = [DIGITS, *turkish.ALPHABET]
        return {
            "sectors": sorted(sectors.values(), key=lambda s: s.name_sort),
            "letters": sorted(letters.items(), key=lambda item: order.index(item[0])),
        }

    return _cached("counts", build)


def sectors_with_counts():
    """Sectors with published roles and their ``role_count``, in Turkish order."""
    return counts()["sectors"]


def letters():
    """``[(letter, count)]`` of published roles by initial, in alphabetical order (the
    digits and signs first)."""
    return counts()["letters"]


def skills_with_counts():
    """Skills that published roles ask for, with ``role_count``, in Turkish order (cached).
    Two queries: the counts grouped over role skills joined to roles (SQLite reads both
    from covering indexes), then the skills; one query counting per skill was ten times
    slower at 10,000 roles."""

    def build():
        counts = dict(
            RoleSkill.objects.filter(published_q("role__"))
            .values_list("skill_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        skills = list(Skill.objects.filter(pk__in=list(counts)).order_by("name_sort"))
        for skill in skills:
            skill.role_count = counts[skill.pk]
        return skills

    return _cached("skills", build, keys.SKILLS)


def skill_list_html(request):
    """The skill list (hundreds of skills) rendered once until skills or roles change."""
    return cached(
        "listing:skill-list-html",
        [keys.ROLES, keys.SKILLS],
        lambda: render_to_string("includes/skill_list.html", {"skills": skills_with_counts()}),
        request,
    )


def letter_of(key_initial):
    """The letter (``"ç"``) or ``DIGITS`` a sort key's first character stands for."""
    return turkish.LETTER_OF_WEIGHT.get(key_initial, DIGITS)


class CountedPaginator(Paginator):
    """A paginator told its count (from :func:`counts`): no COUNT query."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


def roles_by_letter(letter):
    """Published roles whose title starts with ``letter`` (``DIGITS``: with a digit or a
    sign), in Turkish order."""
    roles = Role.objects.published()
    if letter == DIGITS:
        return in_turkish_order(roles.filter(title_sort__lt=turkish.FIRST_LETTER_WEIGHT))
    weight = turkish.letter_weight(letter)
    if connection.vendor == "postgresql":
        # The index on (initial, title COLLATE turkish), migration 0012, serves the filter
        # and the order together.
        roles = roles.annotate(initial=Substr("title_sort", 1, 1)).filter(initial=weight)
    else:  # a range, not LIKE 'x%' (SQLite's case-insensitive LIKE skips the index)
        roles = roles.filter(title_sort__gte=weight, title_sort__lt=chr(ord(weight) + 1))
    return in_turkish_order(roles)


def in_turkish_order(roles):
    return roles.order_by(turkish_order("title", "title_sort"), "pk")


def _changed_candidates(limit, extra=None):
    """Roles that may be among the ``limit`` last changed (the role or one of its bands):
    the tops of the two update indexes, never every role; ``extra``: more ids to fetch."""
    published = Role.objects.published()
    ids = [
        published.order_by("-updated_at").values("pk")[:limit],
        recent_bands(limit * 10).values("role_id"),  # the outer query drops drafts
        *([extra] if extra is not None else []),
    ]
    if connection.features.supports_slicing_ordering_in_compound:  # PostgreSQL
        # One list of ids: with ``IN (a) OR IN (b)`` PostgreSQL reads every role.
        condition = Q(pk__in=ids[0].union(*ids[1:], all=True))
    else:  # SQLite reads each IN list through the primary key (MULTI-INDEX OR)
        condition = Q()
        for subquery in ids:
            condition |= Q(pk__in=subquery)
    return list(with_last_modified(published.filter(condition).for_cards()))


def recent_bands(n):
    """The ``n`` last changed salary bands, any role's: read from the update index alone (a
    join to roles first would make SQLite read every role)."""
    return SalaryBand.objects.filter(
        pk__in=SalaryBand.objects.order_by("-updated_at").values("pk")[:n]
    )


def by_last_change(roles, limit):
    return sorted(roles, key=lambda r: (r.last_modified, -r.pk), reverse=True)[:limit]


def recently_changed(limit):
    """The ``limit`` published roles whose page changed last, newest first (feeds)."""
    return by_last_change(_changed_candidates(limit), limit)


def home_selection(limit):
    """``(most read, recently updated)``, ``limit`` each, from one query over the tops of
    three indexes (roles by reads, roles by update, bands by update), never every role."""
    by_reads = (
        Role.objects.published().filter(view_count__gt=0).order_by("-view_count", "title_sort")
    )
    candidates = _changed_candidates(limit, by_reads.values("pk")[:limit])
    read = sorted(
        (r for r in candidates if r.view_count), key=lambda r: (-r.view_count, r.title_sort)
    )
    return read[:limit], by_last_change(candidates, limit)


def salary_order(roles, key, ascending):
    """``sort_roles`` in the database: by title (Turkish order), or by the latest average or
    top figure with roles without figures last, then by title."""
    if key == "title":
        return roles.order_by(turkish_order("title", "title_sort", descending=not ascending), "pk")
    field = F(f"salary_{key}")
    # Roles without figures last, spelled so the index on the figure serves the order: SQLite
    # puts NULLs first ascending and last descending, PostgreSQL the other way round.
    nulls_sort_low = connection.vendor == "sqlite"
    if ascending:
        figure = field.asc(nulls_last=True) if nulls_sort_low else field.asc()
    else:
        figure = field.desc() if nulls_sort_low else field.desc(nulls_last=True)
    return roles.order_by(figure, "title_sort", "pk")  # ties: the stored Turkish key
