from django.core.management import BaseCommand, CommandError

from careers.salaries.reports import conf, jobs


class Command(BaseCommand):
    help = (
        "Delete the keyed hash of the address of salary reports older than "
        "REPORTS_ADDRESS_RETENTION_DAYS days (KVKK; the daily job does it too)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        days = conf.get("REPORTS_ADDRESS_RETENTION_DAYS") if days is None else days
        if days < 0:
            raise CommandError("The number of days cannot be negative.")
        cleared = jobs.clear_old_addresses(days)
        self.stdout.write(f"Cleared the address of {cleared} reports older than {days} days.")
