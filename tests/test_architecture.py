"""The house rules that keep the code base readable: dependencies between the apps run one way
(site <- articles <- comments, search, pages; compare on articles and search), and no module
grows past 400 lines."""

import ast
from pathlib import Path

import pytest

CAREERS = Path(__file__).resolve().parents[1] / "careers"

#: What each app may import from the others (careers.turkish and careers.markup are plain
#: helpers any app may use).
ALLOWED = {
    "site": set(),
    "articles": {"site"},
    "comments": {"site", "articles"},
    "search": {"site", "articles"},
    "api": {"site", "articles", "search"},
    "pages": {"site", "articles"},
    "compare": {"site", "articles", "search"},
}
MAX_LINES = 400


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


def test_the_article_reaches_comments_only_through_template_tags():
    template = (CAREERS.parent / "templates" / "articles" / "role_detail.html").read_text()
    assert "{% comment_section role %}" in template
    assert "comments/section.html" not in template


def test_no_module_is_over_400_lines():
    """Every module but settings.py, which lists configuration rather than code (the review of
    2026-12-03: keep the cap for app modules, exempt the settings)."""
    long = {
        str(path.relative_to(CAREERS)): lines
        for path in CAREERS.rglob("*.py")
        if "migrations" not in path.parts
        and path != CAREERS / "settings.py"
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
