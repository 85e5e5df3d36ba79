"""How lists of roles are ordered and grouped: plain functions, tested without HTTP."""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext, ngettext

from careers import turkish
from careers.collation import turkish_order
from careers.site import jinja
from careers.site.pagecache import cached

from . import keys
from .freshness import with_last_modified
from .models import Role, RoleSkill, Sector, Skill, Status, published_q


def by_title(items, attr="title"):
    return sorted(items, key=lambda item: turkish.sort_key(getattr(item, attr)))


# --- Lists at any size: ordered and paginated in the database -------------------------------

#: Cached lists (letters, sector and skill counts) are kept until a role, sector or skill
#: changes (their surrogate keys): no page recounts every role on every request.
DIGITS = "0-9"


def _cached(name, build, *extra_keys):
    return cached(f"listing:{name}", [keys.ROLES, keys.SECTORS, *extra_keys], build)


#: The sector's fields the cached counts carry (pages and the API show them).
SECTOR_FIELDS = ("name", "slug", "name_sort", "description")


def sectors_with_counts():
    """Sectors with published roles and their ``role_count``, in Turkish order (cached until a
    role or sector changes): the one count of published roles per sector that pages, the
    sitemap and the API read. Two queries: the count over the roles' (sector, sort key) index
    alone, read in its order, then the few sectors (joined into the GROUP BY, each group
    carried its sector's description)."""

    def build():
        per_sector = dict(
            Role.objects.published().values_list("sector_id").annotate(n=Count("*")).order_by()
        )
        sectors = list(Sector.objects.filter(pk__in=list(per_sector)).only(*SECTOR_FIELDS))
        for sector in sectors:
            sector.role_count = per_sector[sector.pk]
        return sorted(sectors, key=lambda s: s.name_sort)

    return _cached("sectors", build)


def letters():
    """``[(letter, count)]`` of published roles by initial, in alphabetical order (the
    digits and signs first; cached until a role changes). Counted apart from the sectors:
    one GROUP BY of both (650 groups at 10,000 roles) cost every page that needs only one of
    them the other (6 ms cold; now 1.5 ms for the sectors, 3 ms for the letters)."""

    def build():
        per_initial = _by_initial if connection.vendor != "sqlite" else _by_initial_sqlite
        found = {}
        for initial, n in per_initial():
            letter = letter_of(initial)
            found[letter] = found.get(letter, 0) + n
        order = [DIGITS, *turkish.ALPHABET]
        return sorted((item for item in found.items() if item[1]), key=lambda i: order.index(i[0]))

    return _cached("letters", build)


def _initials(roles):
    return roles.annotate(initial=Substr("title_sort", 1, 1)).values_list("initial")


def _by_initial():
    """``(sort key initial, published roles)``: one GROUP BY (PostgreSQL reads the index on
    the initial, migration 0012)."""
    return _initials(Role.objects.published()).annotate(n=Count("*")).order_by()


def _by_initial_sqlite():
    """The same on SQLite, where the GROUP BY evaluated a substring and sorted every role (3.3
    ms of the home page's 19 at 10,000 roles): one query, each letter's roles counted as a
    range of the sort-key index, every role's count for the rest (digits and signs), less the
    few roles not published, grouped apart (1.2 ms)."""
    table = Role._meta.db_table
    weights = sorted(turkish.LETTER_OF_WEIGHT)
    every = f"SELECT '', COUNT(*) FROM {table}"  # noqa: S608 (our table)
    letter = f"SELECT %s, COUNT(*) FROM {table} WHERE title_sort >= %s AND title_sort < %s"  # noqa: S608
    hidden = f"""
        SELECT '-' || SUBSTR(title_sort, 1, 1), COUNT(*) FROM {table}
        WHERE NOT (status = %s AND published_at IS NOT NULL AND published_at <= %s) GROUP BY 1
    """  # noqa: S608
    sql = " UNION ALL ".join([every, *[letter] * len(weights), hidden])
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [v for w in weights for v in (w, w, chr(ord(w) + 1))] + [Status.PUBLISHED, now]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = dict(rows[1 : 1 + len(weights)])
    counts[""] = rows[0][1] - sum(counts.values())  # every other initial: DIGITS
    for label, n in rows[1 + len(weights) :]:
        initial = label[1:]
        counts[initial if initial in counts else ""] -= n
    return counts.items()


def find(items, **attrs):
    """The first of ``items`` (a cached list: sectors or skills with counts) whose attributes
    have these values, or None: ``find(sectors_with_counts(), slug="finans")``."""
    return next((i for i in items if all(getattr(i, k) == v for k, v in attrs.items())), None)


def role_count(items, pk):
    """The published roles counted for the sector or skill ``pk`` among ``items`` (0: none)."""
    found = find(items, pk=pk)
    return found.role_count if found else 0


def skills_with_counts():
    """Skills that published roles ask for, with ``role_count``, in Turkish order (cached).
    Three queries: every role skill counted per skill (the skill index alone), less those of
    the few roles not published (drafts, scheduled), then the skills. Counting over role
    skills joined to published roles read every role and took 14 ms at 10,000 roles and
    60,000 role skills; this takes 3 ms."""

    def build():
        def per_skill(role_skills):
            return dict(role_skills.values_list("skill_id").annotate(n=Count("*")).order_by())

        counts = per_skill(RoleSkill.objects.all())
        hidden = Role.objects.exclude(published_q()).values("pk")
        for skill_id, n in per_skill(RoleSkill.objects.filter(role_id__in=hidden)).items():
            counts[skill_id] -= n
        counts = {skill_id: n for skill_id, n in counts.items() if n > 0}
        skills = list(Skill.objects.filter(pk__in=list(counts)).order_by("name_sort"))
        for skill in skills:
            skill.role_count = counts[skill.pk]
        return skills

    return _cached("skills", build, keys.SKILLS)


def skill_role_count(skill_pk):
    """The published roles that ask for one skill (cached until roles or skills change): a
    skill's page counts its own, an indexed lookup of its few hundred role skills, rather
    than build every skill's count (:func:`skills_with_counts`, 4 ms at 10,000 roles) when the
    cache is empty."""

    def build():
        return RoleSkill.objects.filter(published_q("role__"), skill_id=skill_pk).count()

    return _cached(f"skill-count:{skill_pk}", build, keys.SKILLS)


def skill_list_html(request):
    """The skill list (hundreds of skills) rendered once until skills or roles change; each
    skill's address and count are formatted here (the template only looks them up)."""

    def render():
        placeholder = "beceri-adresi"
        address = reverse("articles:skill_detail", kwargs={"slug": placeholder})
        items = [
            {
                "url": address.replace(placeholder, skill.slug),
                "name": skill.name,
                "count": ngettext(
                    "%(counter)s occupation", "%(counter)s occupations", skill.role_count
                )
                % {"counter": localize(skill.role_count)},
            }
            for skill in skills_with_counts()
        ]
        return jinja.render(
            "includes/skill_list.jinja",
            {"skills": items, "empty": gettext("No skills listed yet.")},
        )

    return cached("listing:skill-list-html", [keys.ROLES, keys.SKILLS], render, request)


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
    """Roles that may be among the ``limit`` last changed (the role or its salary figures):
    the tops of the two update indexes, never every role; ``extra``: more ids to fetch."""
    published = Role.objects.published()
    ids = [
        published.order_by("-updated_at").values("pk")[:limit],
        published.filter(salary_updated_at__isnull=False)
        .order_by("-salary_updated_at")
        .values("pk")[:limit],
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


def by_last_change(roles, limit):
    return sorted(roles, key=lambda r: (r.last_modified, -r.pk), reverse=True)[:limit]


def recently_changed(limit):
    """The ``limit`` published roles whose page changed last, newest first (feeds)."""
    return by_last_change(_changed_candidates(limit), limit)


def home_selection(limit):
    """``(most read, recently updated)``, ``limit`` each, from one query over the tops of
    three indexes (roles by reads, by update and by salary update), never every role."""
    by_reads = (
        Role.objects.published().filter(view_count__gt=0).order_by("-view_count", "title_sort")
    )
    candidates = _changed_candidates(limit, by_reads.values("pk")[:limit])
    read = sorted(
        (r for r in candidates if r.view_count), key=lambda r: (-r.view_count, r.title_sort)
    )
    return read[:limit], by_last_change(candidates, limit)
