"""Surrogate keys: what each cached page shows, and what each change touches.

A page records these with :func:`careers.site.pagecache.shows`; a change invalidates the keys of
what it changed (``signals.py``), so only the pages showing it are rendered again.

=================  ===================================================================
key                shown by
=================  ===================================================================
``role-<pk>``      that role's article; every article linking it (explicit or
                   computed related roles, with its title and latest salary); sector
                   and skill pages whose cards show it
``roles``          pages listing all roles: home, A–Z, salaries, sitemap, feeds, search
``sector-<pk>``    its sector page; articles of that sector (breadcrumb, computed
                   related roles from the same sector)
``sectors``        pages listing every sector (home, salaries, search's help)
``skill-<pk>``     its skill page; articles listing that skill (and whose computed
                   related roles come from roles sharing it)
``skills``         the skill list
``comments-<pk>``  that role's article (its approved comments and their count)
``author-<pk>``    that author's page; articles naming them as author or reviewer
``corrections``    the corrections page and its feeds
``search``         search results
=================  ===================================================================

Apps built on articles add their own (``minwage``: ``careers.salaries.keys``); an article's
template tags add theirs to its cached fragments (``fragments.shows_in_template``).
"""

ROLES = "roles"
SECTORS = "sectors"
SKILLS = "skills"
SEARCH = "search"
CORRECTIONS = "corrections"


def role(pk):
    return f"role-{pk}"


def sector(pk):
    return f"sector-{pk}"


def skill(pk):
    return f"skill-{pk}"


def comments(role_pk):
    return f"comments-{role_pk}"


def author(pk):
    return f"author-{pk}"


def cards(roles):
    """The keys of a list of role cards (title, summary, sector, latest salary; the salary
    notice adds the minimum wage's key)."""
    return [key for r in roles for key in (role(r.pk), sector(r.sector_id))]


def article(page_role, links, computed):
    """What an article shows: its role, sector and skills, its author and reviewer, the roles
    it links (the salary figures and the comments add theirs through their template tags)."""
    return [
        role(page_role.pk),
        sector(page_role.sector_id),
        *(author(pk) for pk in (page_role.author_id, page_role.reviewed_by_id) if pk),
        *(skill(rs.skill_id) for rs in page_role.role_skills.all()),
        *(role(link.to_role_id) for link in links),
        *cards(computed),
    ]
