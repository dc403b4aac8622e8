"""What the migrations that give a role's group its permissions share (municipalities 0004, partnerships
0002, offers 0011, bookings 0002). Migrations call these with their historical ``apps``; permissions are
(app_label, codename) pairs. Which records a role reaches comes from portal.access, not from the group."""

from django.contrib.auth.management import create_permissions


def grant(apps, group_name: str, permissions: list[tuple[str, str]]) -> None:
    """Give the group ``group_name`` (created when missing) the ``permissions``."""
    # Permissions are normally created after all migrations; create them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    group.permissions.add(*_permissions(apps, permissions))


def revoke(apps, group_name: str, permissions: list[tuple[str, str]]) -> None:
    """Take the ``permissions`` away from the group ``group_name``, if it exists."""
    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, permissions))


def delete_group(apps, group_name: str) -> None:
    apps.get_model("auth", "Group").objects.filter(name=group_name).delete()


def _permissions(apps, pairs: list[tuple[str, str]]) -> list:
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in pairs
    ]
