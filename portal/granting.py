"""What `manage.py grant_municipality` and `manage.py grant_provider` share: link a user to the things a role
(portal.access.ROLES) works for, making them staff and a member of the role's group, in one transaction."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.access import Role


class GrantCommand(BaseCommand):
    """A command `grant_<role> USERNAME KEY [KEY...]`. Subclasses set `role`, `key_help` and implement
    `find(keys)`, which returns {key: object} for the keys that exist and `unknown_message(keys)`."""

    role: Role
    key_help: str

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("keys", nargs="+", metavar="KEY", help=self.key_help)

    def find(self, keys: list[str]) -> dict:
        raise NotImplementedError

    def unknown_message(self, keys: list[str]) -> str:
        raise NotImplementedError

    def handle(self, *args, username: str, keys: list[str], **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                f"No user named {username!r}. Create one first (manage.py createsuperuser)."
            ) from None
        keys = list(dict.fromkeys(key.strip() for key in keys))
        found = self.find(keys)
        unknown = [key for key in keys if key not in found]
        if unknown:
            raise CommandError(self.unknown_message(unknown))
        try:
            group = Group.objects.get(name=self.role.group)
        except Group.DoesNotExist:
            raise CommandError(f"The group {self.role.group!r} is missing; run manage.py migrate.") from None
        with transaction.atomic():
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            user.groups.add(group)
            getattr(user, self.role.link).add(*found.values())
        self.stdout.write(self.style.SUCCESS(self.success_message(username, list(found.values()))))
        if not user.is_active:
            self.stderr.write(f"Note: {username} is inactive and cannot log in until reactivated.")

    def success_message(self, username: str, objects: list) -> str:
        raise NotImplementedError
