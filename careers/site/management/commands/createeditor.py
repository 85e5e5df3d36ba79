"""``manage.py createeditor``: a staff account in the “Editörler” group (``--reviewer``: in
“Yayın kurulu”, who also approve others' changes).

The password is asked for twice with getpass (never echoed, never a default). Without a
terminal, pass ``--noinput`` and set DJANGO_EDITOR_PASSWORD in the environment.
"""

import getpass
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from careers.site.editors import setup_editor_group, setup_reviewer_group

PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"  # noqa: S105  (the variable's name, not a password)


class Command(BaseCommand):
    help = "Create an editor: a staff account in the “Editörler” group (asks for a password)."

    def add_arguments(self, parser):
        parser.add_argument("--username", help="The editor's user name.")
        parser.add_argument("--email", default="", help="The editor's e-mail address.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Ask nothing: needs --username and the {PASSWORD_ENV} environment variable.",
        )
        parser.add_argument(
            "--reviewer",
            action="store_true",
            help="Put the account in “Yayın kurulu”: it also approves others' changes.",
        )

    def handle(self, *args, username=None, email="", interactive=True, reviewer=False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._create(username, email, interactive, reviewer)

    def _create(self, username, email, interactive, reviewer=False):
        User = get_user_model()
        if not username:
            if not interactive:
                raise CommandError(_("Give a user name with --username."))
            username = input(_("User name: ")).strip()
            if not username:
                raise CommandError(_("A user name is required."))
        if User.objects.filter(username=username).exists():
            raise CommandError(_("A user named “%(name)s” already exists.") % {"name": username})
        if interactive and not email:
            email = input(_("E-mail address (optional): ")).strip()
        user = User(username=username, email=email, is_staff=True)
        password = self._password(user, interactive)
        user.set_password(password)
        with transaction.atomic():
            user.save()
            group, _skipped = setup_reviewer_group() if reviewer else setup_editor_group()
            user.groups.add(group)
        self.stdout.write(
            _("Editor “%(name)s” created in the “%(group)s” group. Sign in at /yonetim/.")
            % {"name": username, "group": group.name}
        )

    def _password(self, user, interactive):
        if not interactive:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(
                    _("Set the %(env)s environment variable to the password.")
                    % {"env": PASSWORD_ENV}
                )
            self._validate(password, user)
            return password
        for _attempt in range(3):
            password = getpass.getpass(_("Password: "))
            if password != getpass.getpass(_("Password (again): ")):
                self.stderr.write(_("The passwords do not match. Try again."))
                continue
            try:
                self._validate(password, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return password
        raise CommandError(_("No editor created: no acceptable password was given."))

    @staticmethod
    def _validate(password, user):
        if not password:
            raise CommandError(_("The password cannot be empty."))
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
