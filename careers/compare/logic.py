"""Comparing roles: plain functions, tested without HTTP."""

from dataclasses import dataclass, field

from careers import turkish

MIN_ROLES, MAX_ROLES = 2, 3


def canonical_slugs(slugs):
    """The one order a comparison's address uses: the slugs sorted (plain ASCII, so the order
    is the same on every database and in every language), without repeats.
    ``["veri-analisti", "kredi-asistani"]`` -> ``["kredi-asistani", "veri-analisti"]``."""
    return sorted(set(slugs))


def is_comparable(slugs):
    return MIN_ROLES <= len(set(slugs)) <= MAX_ROLES


def comparison_url(slugs):
    """The one address of the comparison of these roles, whatever order they come in."""
    from django.urls import reverse

    args = canonical_slugs(slugs)
    return reverse("compare:pair" if len(args) == 2 else "compare:triple", args=args)


@dataclass
class SkillComparison:
    #: skills every role asks for, in Turkish alphabetical order
    common: list = field(default_factory=list)
    #: ``[(role, [skills only that role asks for])]``, in the roles' order
    apart: list = field(default_factory=list)
    #: skills some but not all roles ask for (only with three roles), with the roles' titles
    partly: list = field(default_factory=list)


def compare_skills(roles):
    """Skills in common and apart, from each role's prefetched ``role_skills`` (with
    ``skill``); no query."""
    skills_of = {
        role.pk: {rs.skill.pk: rs.skill for rs in role.role_skills.all()} for role in roles
    }
    everyone = set.intersection(*(set(skills) for skills in skills_of.values())) if roles else set()
    result = SkillComparison()
    by_name = lambda skills: sorted(skills, key=lambda skill: turkish.sort_key(skill.name))  # noqa: E731
    any_role = {pk: skill for skills in skills_of.values() for pk, skill in skills.items()}
    result.common = by_name(any_role[pk] for pk in everyone)
    for role in roles:
        others = set().union(*(set(s) for pk, s in skills_of.items() if pk != role.pk))
        only = [skill for pk, skill in skills_of[role.pk].items() if pk not in others]
        result.apart.append((role, by_name(only)))
    if len(roles) > 2:
        for pk, skill in any_role.items():
            holders = [role.title for role in roles if pk in skills_of[role.pk]]
            if 1 < len(holders) < len(roles):
                result.partly.append((skill, holders))
        result.partly.sort(key=lambda item: turkish.sort_key(item[0].name))
    return result


def latest_band(bands):
    return max(bands, key=lambda band: band.year) if bands else None
