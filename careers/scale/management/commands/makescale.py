import time

from django.core.management import BaseCommand, CommandError
from django.db import connection

from careers.articles.management.commands.loaddemo import demo_fixture_files
from careers.articles.models import Role
from careers.comments.models import Comment
from careers.scale.generate import generate


def demo_slugs():
    return {path.stem for path in demo_fixture_files() if path.parent.name == "roles"}


class Command(BaseCommand):
    help = (
        "Fill the database with generated articles, comments and salary reports at production size "
        "(benchmarks and query-plan tests). Refuses a database holding real content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--roles", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=1_000_000)
        parser.add_argument(
            "--reports",
            type=int,
            default=None,
            help="Readers' salary reports (default: 100 per new role: 1,000,000 for 10,000), "
            "spread over every published role; the batch then publishes their figures.",
        )
        parser.add_argument("--sectors", type=int, default=30)
        parser.add_argument("--skills", type=int, default=300)
        parser.add_argument("--seed", type=int, default=14, help="Random seed (same data again).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add to a database that already holds articles or comments of its own.",
        )

    def handle(self, *args, **options):
        real_roles = Role.objects.exclude(slug__in=demo_slugs()).count()
        real_comments = Comment.objects.count()
        if (real_roles or real_comments) and not options["force"]:
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} already holds "
                f"{real_roles} roles beyond the demo and {real_comments} comments: "
                "generated content would mix with real content. Use --force to add anyway."
            )
        started = time.monotonic()
        counts = generate(
            roles=options["roles"],
            comments=options["comments"],
            reports=100 * options["roles"] if options["reports"] is None else options["reports"],
            sectors=options["sectors"],
            skills=options["skills"],
            seed=options["seed"],
        )
        if counts.get("salary reports"):  # publish their figures, as the nightly batch would
            from careers.salaries.reports import batch

            run = batch.run("makescale")
            counts["  cohorts published"] = run.cohorts
            counts["  outliers held"] = run.held
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # the query planner's statistics
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if options["verbosity"]:
            for name, count in counts.items():
                self.stdout.write(f"{name:>18}: {count:,}".replace(",", "."))
            self.stdout.write(f"Made in {time.monotonic() - started:.1f} s.")
