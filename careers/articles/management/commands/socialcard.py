"""Write an article's social card to a file, as the site serves it:
``manage.py socialcard musteri-hizmetleri-ekip-lideri docs/social-card.png``."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.articles.cards import facts
from careers.articles.models import Role
from careers.site import cards, seo


class Command(BaseCommand):
    help = "Write a published article's 1200x630 social card (PNG) to a file."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("output")

    def handle(self, *args, slug, output, **options):
        role = Role.objects.published().select_related("sector").filter(slug=slug).first()
        if role is None:
            raise CommandError(f"No published article at /meslekler/{slug}/")
        png = cards.render(
            **facts(role),
            site_name=seo.SITE_NAME,
            site_host=urlsplit(settings.SITE_URL).hostname or "",
        )
        with open(output, "wb") as file:
            file.write(png)
        self.stdout.write(f"{output}: {len(png)} bytes")
