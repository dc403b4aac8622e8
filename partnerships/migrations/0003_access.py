"""Reserved: filled in by the work on this step (see the docstring once written)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_consultant_permissions")]

    operations = []
