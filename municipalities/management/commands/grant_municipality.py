"""`manage.py grant_municipality USERNAME CODE [CODE...]`: make a user a consultant for municipalities."""

from municipalities.models import Municipality
from portal.access import CONSULTANT
from portal.granting import GrantCommand


class Command(GrantCommand):
    help = (
        "Link a user to one or more municipalities (by official code, e.g. 350) as their open-school "
        "consultant: marks the user as staff and adds them to the consultants group. Existing links stay."
    )
    role = CONSULTANT
    key_help = "municipality code, e.g. 350 for Lejre"

    def find(self, keys):
        return {m.code: m for m in Municipality.objects.filter(code__in=keys)}

    def unknown_message(self, keys):
        return (
            f"Unknown municipality code(s): {', '.join(keys)}. "
            "Codes are the official three-digit kommunekoder, e.g. 350 (Lejre), 101 (København)."
        )

    def success_message(self, username, objects):
        names = ", ".join(f"{m.name} ({m.code})" for m in objects)
        return f"{username} is now a consultant for: {names}."
