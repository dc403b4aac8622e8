"""The "Municipal consultants" group with exactly the permissions a consultant needs.

Consultants edit their municipality's site and its featured offers, and may look up (not change) offers
to feature them. Scope (which municipalities) comes from Municipality.consultants, not from the group.
"""

from django.db import migrations

from portal import migration_permissions

GROUP = "Municipal consultants"  # municipalities.access.CONSULTANTS_GROUP at the time of writing
PERMISSIONS = [
    ("municipalities", "view_municipalsite"),
    ("municipalities", "add_municipalsite"),
    ("municipalities", "change_municipalsite"),
    ("municipalities", "view_featuredoffer"),
    ("municipalities", "add_featuredoffer"),
    ("municipalities", "change_featuredoffer"),
    ("municipalities", "delete_featuredoffer"),
    ("offers", "view_offer"),
]


def create_group(apps, schema_editor):
    migration_permissions.grant(apps, GROUP, PERMISSIONS)


def remove_group(apps, schema_editor):
    migration_permissions.delete_group(apps, GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0003_municipal_sites"),
        ("offers", "0003_search_vector_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
