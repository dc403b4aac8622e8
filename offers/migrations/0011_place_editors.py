"""Place editors: learning places get their editors (``Provider.editors``, linked by manage.py grant_provider)
and the "Place editors" group with exactly the permissions a place editor needs: change their places (not add
or delete them), add and change their offers (archived, never deleted), and keep the offers' dates. Scope
(which places) comes from ``Provider.editors`` (portal.access), not from the group.
"""

from django.conf import settings
from django.db import migrations, models

from portal import migration_permissions


GROUP = "Place editors"  # portal.access.PLACE_EDITORS_GROUP at the time of writing
PERMISSIONS = [
    ("offers", "view_provider"),
    ("offers", "change_provider"),
    ("offers", "view_offer"),
    ("offers", "add_offer"),
    ("offers", "change_offer"),
    ("offers", "view_occurrence"),
    ("offers", "add_occurrence"),
    ("offers", "change_occurrence"),
    ("offers", "delete_occurrence"),
]


def create_group(apps, schema_editor):
    migration_permissions.grant(apps, GROUP, PERMISSIONS)


def remove_group(apps, schema_editor):
    migration_permissions.delete_group(apps, GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0010_outputs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="provider",
            name="editors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Users who keep this place and its offers up to date (manage.py grant_provider).",
                related_name="editor_for",
                to=settings.AUTH_USER_MODEL,
                verbose_name="place editors",
            ),
        ),
        migrations.RunPython(create_group, remove_group),
    ]
