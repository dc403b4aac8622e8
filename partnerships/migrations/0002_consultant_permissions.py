"""Give the "Municipal consultants" group what it needs for partnerships.

Consultants view, add and change the partnerships of their municipalities (the scope comes from
Municipality.consultants, see partnerships.models.PartnershipQuerySet.managed_by) and manage their contacts.
They do not delete partnerships: a record that stops gets an end date and stays as history. The view
permissions on learning places, schools, municipalities, subjects and grade levels let them use the
admin's autocomplete fields on the partnership form.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Municipal consultants"  # municipalities.access.CONSULTANTS_GROUP at the time of writing
PARTNERSHIP_PERMISSIONS = [
    ("partnerships", "view_partnership"),
    ("partnerships", "add_partnership"),
    ("partnerships", "change_partnership"),
    ("partnerships", "view_contact"),
    ("partnerships", "add_contact"),
    ("partnerships", "change_contact"),
    ("partnerships", "delete_contact"),
]
LOOKUP_PERMISSIONS = [
    ("offers", "view_provider"),
    ("offers", "view_offer"),
    ("offers", "view_subject"),
    ("offers", "view_gradelevel"),
    ("municipalities", "view_school"),
    ("municipalities", "view_municipality"),
]


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename) for app_label, codename in pairs
    ]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*_permissions(apps, PARTNERSHIP_PERMISSIONS + LOOKUP_PERMISSIONS))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, PARTNERSHIP_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("municipalities", "0004_consultants_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
