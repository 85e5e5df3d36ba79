"""Write the web app icons (manifest, apple-touch-icon) into static/icons/ from the favicon's
drawing: ``manage.py appicons``. The files are committed; run it again after changing the mark."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from careers.site.cards import icon

ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),  # iOS rounds the corners itself: a full square
}


class Command(BaseCommand):
    help = "Write the web app icons into static/icons/."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "icons"
        folder.mkdir(parents=True, exist_ok=True)
        for name, (size, maskable) in ICONS.items():
            (folder / name).write_bytes(icon(size, maskable=maskable))
            self.stdout.write(f"{folder / name}")
