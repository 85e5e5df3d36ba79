"""The house rules that keep the code base readable: dependencies between the apps run one way
(site <- articles <- salaries <- comments, search, pages, compare, api <- scale), in Python
imports, in templates ({% load %}, {% include %}/{% extends %}, {% url %}), in the URL names
Python reverses and in the dotted paths settings.py names; every template is balanced HTML; and
no module grows past 400 lines."""

import ast
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CAREERS = ROOT / "careers"
TEMPLATES = ROOT / "templates"

#: What each app may import from the others (careers.turkish and careers.markup are plain
#: helpers any app may use).
ALLOWED = {
    "site": set(),
    "articles": {"site"},
    "salaries": {"site", "articles"},
    "comments": {"site", "articles", "salaries"},
    "search": {"site", "articles", "salaries"},
    "api": {"site", "articles", "salaries", "search"},
    "pages": {"site", "articles", "salaries"},
    "compare": {"site", "articles", "salaries", "search"},
    "scale": {"site", "articles", "salaries", "comments", "search", "api", "pages", "compare"},
}
MAX_LINES = 400
MAX_TEMPLATE_LINE = 200


def _modules(app):
    return [path for path in (CAREERS / app).rglob("*.py") if "migrations" not in path.parts]


def _imported_apps(path, app):
    """The careers apps a module imports (absolute imports, and relative ones that climb out
    of the app)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(CAREERS.parent).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names = [".".join([*base, *(node.module.split(".") if node.module else [])])]
            else:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "careers" and len(parts) > 1 and parts[1] in ALLOWED:
                found.add(parts[1])
    return found - {app}


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_apps_depend_one_way(app):
    wrong = {
        str(path.relative_to(CAREERS)): sorted(_imported_apps(path, app) - ALLOWED[app])
        for path in _modules(app)
    }
    assert {module: apps for module, apps in wrong.items() if apps} == {}


def test_every_app_is_in_the_table():
    apps = {path.parent.name for path in CAREERS.glob("*/apps.py")}
    assert apps == set(ALLOWED)


def test_the_article_reaches_comments_and_salaries_only_through_slots():
    """The article names places (slots) the apps built on it fill, and knows nothing else of
    them: the comment section and the salary figures are theirs."""
    from careers.comments.templatetags.comments import comment_section
    from careers.salaries.templatetags.salaries import salary_section
    from careers.site import slots

    page = (TEMPLATES / "articles" / "role_detail.html").read_text()
    body = (CAREERS / "articles" / "fragments.py").read_text()  # the body is filled in Python
    assert '{% slot "article-end" role %}' in page
    assert 'fill(context, "article-salary", role)' in body
    assert slots.fillers("article-end") == [comment_section]
    assert slots.fillers("article-salary") == [salary_section]
    articles = "\n".join(path.read_text() for path in (TEMPLATES / "articles").glob("*.*"))
    assert "comments/" not in articles and "salaries/" not in articles


def test_every_slot_named_is_filled_and_every_page_named_is_offered():
    """A slot no app fills, or a page no app offers, is a typo or a page that lost its app."""
    from careers.site import slots

    named = {
        args.split()[0].strip("'\"")
        for path in _templates()
        for tag, args in _tags(path)
        if tag == "slot"
    }
    for path in CAREERS.rglob("*.py"):  # filled from Python: slots.fill(context, "name", ...)
        named |= set(re.findall(r"\bfill\(\s*context,\s*\"([\w-]+)\"", path.read_text()))
    assert named == slots.slot_names()
    linked = {
        args.split()[0].strip("'\"")
        for path in _templates()
        for tag, args in _tags(path)
        if tag == "link_url"
    }
    assert linked <= slots.link_names()
    for name in slots.link_names():
        assert slots.link_url(name).startswith("/")


def test_no_module_is_over_400_lines():
    """App modules split by concern; the settings module is exempt (one place for every
    variable and why, as the review's 3.3 asks, rather than comments squeezed to fit)."""
    long = {
        str(path.relative_to(CAREERS)): lines
        for path in CAREERS.rglob("*.py")
        if "migrations" not in path.parts
        and path != CAREERS / "settings.py"
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def is_data(node):
    """A literal table: constants and names in tuples, lists, sets, dicts and calls."""
    if isinstance(node, ast.Constant | ast.Name | ast.Attribute):
        return True
    if isinstance(node, ast.UnaryOp):
        return is_data(node.operand)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return all(is_data(item) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(key is not None and is_data(key) for key in node.keys) and all(
            is_data(value) for value in node.values
        )
    if isinstance(node, ast.Call):
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        return is_data(node.func) and all(is_data(argument) for argument in arguments)
    return False


def data_table_ends(body):
    """The last lines of module- and class-level assignments of literal tables."""
    for statement in body:
        assigned = isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value
        if assigned and is_data(statement.value):
            yield statement.end_lineno
        if isinstance(statement, ast.ClassDef):
            yield from data_table_ends(statement.body)


def test_fmt_skip_only_on_data_tables():
    """ruff formats the code; `# fmt: skip` keeps the columns of a data table (a module- or
    class-level constant of literals: field lists, tariffs, vocabularies), never a hand-wrapped
    call squeezed to stay under the line cap."""
    skipped = []
    for path in CAREERS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "# fmt: skip" not in source:
            continue
        tables = set(data_table_ends(ast.parse(source).body))
        skipped += [
            f"{path.relative_to(CAREERS)}:{number}"
            for number, line in enumerate(source.splitlines(), 1)
            if line.rstrip().endswith("# fmt: skip") and number not in tables
        ]
    assert skipped == []


def test_no_template_line_is_over_200_characters():
    """Templates read as markup, not as minified HTML: a long line breaks where whitespace
    already is (scripts/render_pages.py shows the pages stay the same)."""
    long = {
        f"{path.relative_to(TEMPLATES)}:{number}": len(line)
        for path in sorted(TEMPLATES.rglob("*.*"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_TEMPLATE_LINE
    }
    assert long == {}


# --- Templates ------------------------------------------------------------------------------
# A template under templates/<app>/ (or templates/admin/<app>/) belongs to that app; one
# directly under templates/ (the page frame, the error pages) to the project, which sits on top
# and may load, include and name anything. These belong to the app whose pages use them (the
# lowest one, so that every user may reach it), or to site when any page may:
OWNERS = {
    "500.html": "site",  # the outage answers (careers/site/outage.py): no request, no database
    "503.html": "site",
    "error_static.html": "site",  # their frame
    "admin/lockout.html": "site",  # django-axes' page, rendered by careers/site/lockout.py
    "includes/alphabetical.html": "articles",  # the A–Z initials: home and the A–Z list
    "includes/breadcrumbs.html": "site",  # every page's trail (base.html), from site/seo.py
    "includes/pagination.html": "site",  # any paginated list: articles, salaries, search
    "includes/search_form.html": "site",  # the search box of every page (base.html, 404)
    "includes/skill_list.jinja": "articles",  # the skills page (articles.listing, Jinja2)
}
PROJECT = "project"
TAG = re.compile(r"{%\s*(\w+)\s*(.*?)\s*%}")
NAME = re.compile(r"""^(['"])(.+?)\1""")


def _templates(suffix=".html"):
    return sorted(TEMPLATES.rglob(f"*{suffix}"))


def template_owner(name):
    """The app (or the project) a template belongs to; None for a template not ours."""
    if name in OWNERS:
        return OWNERS[name]
    parts = name.split("/")
    if not (TEMPLATES / name).is_file():
        return None
    if len(parts) == 1:
        return PROJECT
    if parts[0] == "admin" and parts[1] in ALLOWED:
        return parts[1]
    return parts[0] if parts[0] in ALLOWED else None


def _may_use(owner, other):
    """May code of ``owner`` depend on ``other`` (an app, the project, or None: not ours)?"""
    if other is None or owner == PROJECT or other == owner:
        return True
    return other != PROJECT and other in ALLOWED[owner]


def _tags(path):
    """``(tag, arguments)`` of every template tag in a template."""
    return TAG.findall(path.read_text(encoding="utf-8"))


def _library_owners():
    """Each tag library name {% load %} can name, and the app it comes from (None: Django's
    or a dependency's)."""
    from django.template import engines

    libraries = engines["django"].engine.libraries  # name: the module that registers it
    return {name: _module_owner(module) for name, module in libraries.items()}


def _module_owner(module):
    parts = (module or "").split(".")
    if parts[0] != "careers":
        return None
    if len(parts) > 1 and parts[1] in ALLOWED:
        return parts[1]
    return PROJECT if parts[1:] in (["urls"], ["settings"], ["wsgi"], ["asgi"]) else None


def _loaded_libraries(arguments):
    words = arguments.split()
    return [words[-1]] if "from" in words else words  # {% load a b %}, {% load x y from lib %}


def test_every_template_has_an_owner():
    """Each shared include is listed above with its owner and why; every other template's
    owner follows from its folder."""
    includes = {str(path.relative_to(TEMPLATES)) for path in (TEMPLATES / "includes").iterdir()}
    assert includes == {name for name in OWNERS if name.startswith("includes/")}
    every = [str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.*")]
    assert [name for name in every if template_owner(name) is None] == []


def test_templates_load_tag_libraries_one_way():
    """A template of app X loads the tag libraries of X and of the apps X may import: an app
    shows something of an app built on it only through a slot (careers/site/slots.py)."""
    owners = _library_owners()
    wrong = {}
    for path in _templates():
        name = str(path.relative_to(TEMPLATES))
        owner = template_owner(name)
        for tag, arguments in _tags(path):
            if tag == "load":
                for library in _loaded_libraries(arguments):
                    if not _may_use(owner, owners.get(library)):
                        wrong.setdefault(name, []).append(f"{{% load {library} %}}")
    assert wrong == {}


def _template_references():
    """``(template, how, target)`` for every {% include %} and {% extends %} of a template
    named by a literal."""
    found = []
    for path in _templates():
        for tag, arguments in _tags(path):
            match = NAME.match(arguments)
            if tag in ("include", "extends") and match:
                found.append((str(path.relative_to(TEMPLATES)), tag, match.group(2)))
    return found


def _python_template_names(app):
    """Template names an app's Python renders (string literals ending in .html or .txt)."""
    for path in _modules(app):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"[\w/.-]+\.(html|txt)", node.value)
            ):
                yield str(path.relative_to(CAREERS)), node.value


def test_templates_include_and_extend_one_way():
    """A template of app X includes (and an app's Python renders) templates of X and of the
    apps X may import; any template may extend the project's page frame (base.html, the error
    pages' frames), which every page of the site is drawn in."""
    wrong = []
    for name, how, target in _template_references():
        owner, other = template_owner(name), template_owner(target)
        if how == "extends" and other == PROJECT:
            continue
        if not _may_use(owner, other):
            wrong.append(f"{name}: {{% {how} '{target}' %}} ({other})")
    for app in ALLOWED:
        for module, target in _python_template_names(app):
            if not _may_use(app, template_owner(target)):
                wrong.append(f"{module}: renders {target} ({template_owner(target)})")
    assert wrong == []


# --- URL names ------------------------------------------------------------------------------
def url_name_owners():
    """Every URL name (with its namespaces) and who declares it: the app whose urls.py does,
    the project for careers/urls.py; an admin page belongs to the app of its model
    (``admin:articles_role_change``), the admin's own pages to Django (None)."""
    from django.urls import URLResolver, get_resolver

    owners = {}

    def walk(patterns, namespace, owner):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                module = getattr(pattern.urlconf_name, "__name__", None)
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, inner, _module_owner(module) or owner)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                owners.setdefault(name, owner)

    walk(get_resolver().url_patterns, "", PROJECT)
    for name in [name for name in owners if name.startswith("admin:")]:
        label = name.removeprefix("admin:").split("_")[0]
        owners[name] = label if label in ALLOWED else None
    return owners


def _template_url_names(path):
    for tag, arguments in _tags(path):
        match = NAME.match(arguments)
        if tag == "url" and match:
            yield match.group(2)


REVERSERS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}


def _python_url_names(path):
    """URL names a module passes to reverse(), reverse_lazy(), redirect() or resolve_url():
    literals, and the namespace of an f-string (``f"pages:{name}"``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        first = node.args[0]
        if func not in REVERSERS:
            continue
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield first.value
        elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
            prefix = first.values[0].value
            if ":" in prefix:
                yield prefix.split(":")[0] + ":*"


def _url_owner(name, owners):
    if name.endswith(":*"):
        namespace = name[:-1]
        found = {owner for url, owner in owners.items() if url.startswith(namespace)}
        return found.pop() if len(found) == 1 else None
    return owners.get(name, "unknown")


def test_url_names_are_named_one_way():
    """A template or module of app X names URLs of X and of the apps X may import (never the
    project's): a link to an app built on X comes through a slot (careers/site/slots.py), a
    URL name the project chooses through settings (SITE_HOME_URL_NAME)."""
    owners = url_name_owners()
    wrong = []
    for path in _templates():
        name = str(path.relative_to(TEMPLATES))
        owner = template_owner(name)
        for url in _template_url_names(path):
            if not _may_use(owner, _url_owner(url, owners)):
                wrong.append(f"{name}: {{% url '{url}' %}} ({_url_owner(url, owners)})")
    for app in ALLOWED:
        for path in _modules(app):
            for url in _python_url_names(path):
                other = _url_owner(url, owners)
                if (url in owners or url.endswith(":*")) and not _may_use(app, other):
                    wrong.append(f"{path.relative_to(CAREERS)}: {url!r} ({other})")
    assert wrong == []


def test_every_url_name_used_exists():
    """The URL names the checks above read are real ones (a typo would hide an edge)."""
    owners = url_name_owners()
    used = {url for path in _templates() for url in _template_url_names(path)}
    used |= {
        url
        for app in ALLOWED
        for path in _modules(app)
        for url in _python_url_names(path)
        if ":" in url
    }
    assert {url for url in used if _url_owner(url, owners) == "unknown"} == set()


# --- Dotted paths in settings ---------------------------------------------------------------
#: Settings that Django or a dependency reads on every request or for the whole site: what they
#: name is site-wide, so it lives in careers.site (or a shared helper: careers.markup,
#: careers.turkish), never in an app. The project's own wiring (its urls, its apps, which app
#: job runs when) may name any app. Every setting naming careers code is in one of the two.
SITE_WIDE_SETTINGS = {
    "MIDDLEWARE",
    "TEMPLATES",
    "CACHES",
    "AUTHENTICATION_BACKENDS",
    "AXES_LOCKOUT_CALLABLE",
    "AXES_CLIENT_IP_CALLABLE",
    "DEFAULT_EXCEPTION_REPORTER_FILTER",
    "MARKDOWNX_MARKDOWNIFY_FUNCTION",
    "LOGGING",
    "TASKS",
}
PROJECT_SETTINGS = {"INSTALLED_APPS", "ROOT_URLCONF", "WSGI_APPLICATION", "PERIODIC_JOBS"}


def settings_dotted_paths():
    """``(setting, dotted path)`` for every "careers...." string settings.py assigns."""
    tree = ast.parse((CAREERS / "settings.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            for value in ast.walk(node.value):
                if isinstance(value, ast.Constant) and str(value.value).startswith("careers."):
                    found.append((node.targets[0].id, value.value))
    return found


def _importable(path):
    """Does ``path`` name a module (an app, the urlconf) or an attribute of one?"""
    import importlib

    from django.utils.module_loading import import_string

    for load in (importlib.import_module, import_string):
        try:
            load(path)
        except ImportError:
            continue
        return True
    return False


def test_settings_name_importable_careers_paths():
    paths = settings_dotted_paths()
    assert len(paths) > 15
    assert [f"{setting}: {path}" for setting, path in paths if not _importable(path)] == []


def test_settings_name_site_wide_code_in_site():
    """A middleware, a context processor, a cache backend or the sign-in lockout runs for
    every page: it lives in site (or a shared helper), never in an app."""
    unknown = {setting for setting, _path in settings_dotted_paths()} - (
        SITE_WIDE_SETTINGS | PROJECT_SETTINGS
    )
    assert unknown == set(), "say whether each new setting is site-wide or the project's"
    wrong = [
        f"{setting}: {path}"
        for setting, path in settings_dotted_paths()
        if setting in SITE_WIDE_SETTINGS and _module_owner(path) not in ("site", None)
    ]
    assert wrong == []


# --- Balanced templates ---------------------------------------------------------------------
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
DJANGO_SYNTAX = re.compile(
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}|{%.*?%}|{{.*?}}", re.S
)


class _Counting(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = Counter()

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open[tag] += 1

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.open[tag] -= 1


def unbalanced_tags(text):
    """Elements a piece of template opens and does not close (positive) or closes without
    opening (negative), its Django tags read as nothing."""
    parser = _Counting()
    parser.feed(DJANGO_SYNTAX.sub(" ", text))
    parser.close()
    return {tag: count for tag, count in parser.open.items() if count}


def test_every_template_closes_what_it_opens():
    """No fragment opens an element that another file closes: each template (an include, a
    cached fragment such as the article's head and body, a block) is balanced on its own, so
    that each can be read, moved and cached alone."""
    wrong = {
        str(path.relative_to(TEMPLATES)): found
        for path in _templates()
        if (found := unbalanced_tags(path.read_text(encoding="utf-8")))
    }
    assert wrong == {}
