from django.core.management import BaseCommand, CommandError

from careers.salaries.reports import batch


class Command(BaseCommand):
    help = (
        "Recompute every published cohort of readers' salary reports now (what the nightly "
        "job does), and print what changed and how long it took."
    )

    def handle(self, *args, **options):
        run = batch.run("manage.py")
        if run is None:
            raise CommandError("Another run is under way; nothing done.")
        self.stdout.write(
            f"{run.reports} reports read, {run.counted} counted, {run.held} held, "
            f"{run.cohorts} cohorts, {run.roles_changed} roles changed in {run.seconds:.1f} s "
            f"(read and computed {run.phases['read']:.1f} s, held {run.phases['hold']:.1f} s, "
            f"written {run.phases['write']:.1f} s)"
        )
