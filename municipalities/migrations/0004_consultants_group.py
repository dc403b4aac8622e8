"""The "Municipal consultants" group with exactly the permissions a consultant needs.

Consultants edit their municipality's site and its featured offers, and may look up (not change) offers
to feature them. Scope (which municipalities) comes from Municipality.consultants, not from the group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    # Permissions are normally created after all migrations; create them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in PERMISSIONS
    ]
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0003_municipal_sites"),
        ("offers", "0003_search_vector_trigger"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
