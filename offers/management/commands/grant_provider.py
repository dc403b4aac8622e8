"""`manage.py grant_provider USERNAME PROVIDER_KEY [...]`: make a user a place editor for learning places."""

from offers.models import Provider
from portal.access import PLACE_EDITOR
from portal.granting import GrantCommand


class Command(GrantCommand):
    help = (
        "Link a user to one or more learning places (by their key, as in the interchange format) as a place "
        "editor: marks the user as staff and adds them to the place editors group. Existing links stay."
    )
    role = PLACE_EDITOR
    key_help = "learning place key, e.g. lejre-museum"

    def find(self, keys):
        return {p.key: p for p in Provider.objects.filter(key__in=keys)}

    def unknown_message(self, keys):
        return (
            f"Unknown learning place key(s): {', '.join(keys)}. "
            "The key is shown on the learning place in the back office and in the interchange export."
        )

    def success_message(self, username, objects):
        names = ", ".join(f"{p.name} ({p.key})" for p in objects)
        return f"{username} is now a place editor for: {names}."
