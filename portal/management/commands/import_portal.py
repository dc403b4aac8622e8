"""`manage.py import_portal FILE`: import an interchange document (all or nothing)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.interchange import InterchangeError, import_document, read_document


class Command(BaseCommand):
    help = "Import an aabenskole-portal/1 document: create or update its objects by key, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the JSON document")

    def handle(self, *args, file: str, **options):
        try:
            counts = import_document(read_document(file))
        except InterchangeError as error:
            for message in error.messages:
                self.stderr.write(message)
            count = len(error.messages)
            raise CommandError(
                ngettext(
                    "%(count)d error; nothing was imported.", "%(count)d errors; nothing was imported.", count
                )
                % {"count": count}
            ) from None
        if not counts:
            self.stdout.write(_("The document has no sections; nothing was imported."))
        for section, c in counts.items():
            self.stdout.write(
                _("%(section)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
                % {"section": section, "created": c.created, "updated": c.updated, "unchanged": c.unchanged}
            )
