"""Reserved: filled in by the work on this step (see the docstring once written)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("offers", "0009_place_editors_occurrences")]

    operations = []
