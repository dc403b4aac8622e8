"""`manage.py export_portal [FILE]`: write every section as an interchange document (stdout by default)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.interchange import dump_document, export_document


class Command(BaseCommand):
    help = "Export the portal's content as an aabenskole-portal/1 document, to FILE or to standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="path to write (default: standard output)")

    def handle(self, *args, file: str | None, **options):
        document = export_document()
        text = dump_document(document)
        if file is None:
            self.stdout.write(text, ending="")
            return
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("%(path)s: cannot be written (%(error)s)") % {"path": file, "error": error.strerror}
            ) from None
        sizes = ", ".join(f"{name}: {len(items)}" for name, items in document.items() if name != "format")
        self.stdout.write(_("Wrote %(path)s (%(sizes)s).") % {"path": file, "sizes": sizes})
