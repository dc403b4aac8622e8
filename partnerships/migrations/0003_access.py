"""Reserved for the access work of issue 10; it needed no schema change (the rules live in portal/access.py,
login throttling brings django-axes' own migrations), so it changes nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0002_consultant_permissions")]

    operations = []
