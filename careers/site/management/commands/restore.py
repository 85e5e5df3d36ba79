"""``manage.py restore PATH``: put a backup made by ``manage.py backup`` back: the database's
contents and the media files are replaced (careers/site/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from careers.site import backup


class Command(BaseCommand):
    help = "Replace the database and the media files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="An archive written by manage.py backup.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, path, interactive=True, **options):
        if interactive:
            answer = input(
                "Bu işlem veritabanını ve medya dosyalarını yedektekilerle değiştirir. "
                "Devam etmek için 'evet' yazın: "
            )
            if answer.strip().lower() != "evet":
                raise CommandError("Vazgeçildi: hiçbir şey değişmedi.")
        try:
            manifest = backup.restore(path)
        except (backup.BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{path}: restored ({manifest['engine']}, {manifest['created']})")
