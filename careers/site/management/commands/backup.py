"""``manage.py backup [PATH]``: the database and the media files in one archive
(careers/site/backup.py). Safe while the site runs."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from careers.site import backup


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup or pg_dump) and the media files."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="The archive to write (default: var/backups/meslek-<date>-<time>.tar).",
        )

    def handle(self, *args, path=None, **options):
        if path is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            path = Path(settings.VAR_DIR) / "backups" / f"meslek-{stamp}.tar"
        try:
            manifest = backup.create(path)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(f"{path}: {manifest['engine']} database, {media} media files")
