"""How lists of roles are ordered and grouped: plain functions, tested without HTTP."""

from itertools import groupby

from careers import turkish


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
