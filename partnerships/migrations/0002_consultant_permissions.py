"""Give the "Municipal consultants" group what it needs for partnerships.

Consultants view, add and change the partnerships of their municipalities (the scope comes from
Municipality.consultants, see partnerships.models.PartnershipQuerySet.managed_by) and manage their contacts.
They do not delete partnerships: a record that stops gets an end date and stays as history. The view
permissions on learning places, schools, municipalities, subjects and grade levels let them use the
admin's autocomplete fields on the partnership form.
"""

from django.db import migrations

from portal import migration_permissions

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


def grant(apps, schema_editor):
    migration_permissions.grant(apps, GROUP, PARTNERSHIP_PERMISSIONS + LOOKUP_PERMISSIONS)


def revoke(apps, schema_editor):
    migration_permissions.revoke(apps, GROUP, PARTNERSHIP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("municipalities", "0004_consultants_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
