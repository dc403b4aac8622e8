"""`manage.py grant_municipality USERNAME CODE [CODE...]`: make a user a consultant for municipalities."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from municipalities.models import Municipality
from portal.access import CONSULTANTS_GROUP


class Command(BaseCommand):
    help = (
        "Link a user to one or more municipalities (by official code, e.g. 350) as their open-school "
        "consultant: marks the user as staff and adds them to the consultants group. Existing links stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("codes", nargs="+", metavar="CODE", help="municipality code, e.g. 350 for Lejre")

    def handle(self, *args, username: str, codes: list[str], **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                f"No user named {username!r}. Create one first (manage.py createsuperuser)."
            ) from None
        codes = list(dict.fromkeys(code.strip() for code in codes))
        municipalities = {m.code: m for m in Municipality.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in municipalities]
        if unknown:
            raise CommandError(
                f"Unknown municipality code(s): {', '.join(unknown)}. "
                "Codes are the official three-digit kommunekoder, e.g. 350 (Lejre), 101 (København)."
            )
        try:
            group = Group.objects.get(name=CONSULTANTS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f"The group {CONSULTANTS_GROUP!r} is missing; run manage.py migrate."
            ) from None
        with transaction.atomic():
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            user.groups.add(group)
            user.consultant_for.add(*municipalities.values())
        names = ", ".join(f"{m.name} ({m.code})" for m in municipalities.values())
        self.stdout.write(self.style.SUCCESS(f"{username} is now a consultant for: {names}."))
        if not user.is_active:
            self.stderr.write(f"Note: {username} is inactive and cannot log in until reactivated.")
