from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """What every page of the site shares, whatever app renders it: the page cache, SEO meta,
    robots.txt, health, error pages and the template filters. It imports no other app."""

    name = "careers.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate, post_save

        from .editors import setup_after_migrate
        from .markdown import render_fixture_markdown

        post_save.connect(render_fixture_markdown, dispatch_uid="site_render_fixture_markdown")
        post_migrate.connect(setup_after_migrate, dispatch_uid="site_setup_editor_group")
