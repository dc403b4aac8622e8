"""Reserved: filled in by the work on this step (see the docstring once written)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("municipalities", "0007_coverage"), ("offers", "0010_outputs")]

    operations = []
