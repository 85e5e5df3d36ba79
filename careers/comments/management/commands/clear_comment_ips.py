from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from careers.comments import conf, privacy


class Command(BaseCommand):
    help = _(
        "Clear the IP addresses of comments older than COMMENTS_IP_RETENTION_DAYS days "
        "(KVKK: kept for moderation only). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=_("Override the retention period, in days."),
        )

    def handle(self, *args, days=None, **options):
        days = conf.get("COMMENTS_IP_RETENTION_DAYS") if days is None else days
        if days < 0:
            raise CommandError(_("The number of days cannot be negative."))
        cleared = privacy.clear_old_ip_addresses(days)
        self.stdout.write(
            _("Cleared the IP address of %(count)s comments older than %(days)s days.")
            % {"count": cleared, "days": days}
        )
