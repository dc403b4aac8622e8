"""The database keeps a date's capacity (the trigger ``booking_capacity``), and the "Place editors" group gets
the permissions to handle their places' requests and allocation rounds, "Municipal consultants" those to keep
their municipalities' allocation policies (scope: portal.access).

The trigger runs before a request is written as confirmed for a date: it locks the date's row (FOR UPDATE)
and counts the date's other confirmed requests, so of two transactions confirming the last place at the same
moment the second waits for the first and then fails (SQLSTATE 23514, an IntegrityError in Django)."""

from django.db import migrations

from portal import migration_permissions

CAPACITY = """
CREATE FUNCTION booking_capacity() RETURNS trigger AS $$
DECLARE
    capacity integer;
    taken integer;
BEGIN
    IF NEW.status = 'confirmed' AND NEW.occurrence_id IS NOT NULL AND (
        TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'confirmed'
        OR OLD.occurrence_id IS DISTINCT FROM NEW.occurrence_id
    ) THEN
        SELECT places INTO capacity FROM offers_occurrence WHERE id = NEW.occurrence_id FOR UPDATE;
        SELECT count(*) INTO taken FROM bookings_bookingrequest
            WHERE occurrence_id = NEW.occurrence_id AND status = 'confirmed' AND id <> NEW.id;
        IF taken >= capacity THEN
            RAISE EXCEPTION 'booking_capacity: date % is fully booked (% places)', NEW.occurrence_id, capacity
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER booking_capacity BEFORE INSERT OR UPDATE ON bookings_bookingrequest
    FOR EACH ROW EXECUTE FUNCTION booking_capacity();
"""

DROP_CAPACITY = """
DROP TRIGGER IF EXISTS booking_capacity ON bookings_bookingrequest;
DROP FUNCTION IF EXISTS booking_capacity();
"""

# portal.access.PLACE_EDITORS_GROUP and CONSULTANTS_GROUP at the time of writing
PERMISSIONS = {
    "Place editors": [
        "view_bookingrequest",
        "change_bookingrequest",
        "view_allocationround",
        "add_allocationround",
        "change_allocationround",
    ],
    "Municipal consultants": ["view_allocationpolicy", "add_allocationpolicy", "change_allocationpolicy"],
}


def grant(apps, schema_editor):
    for group, codenames in PERMISSIONS.items():
        migration_permissions.grant(apps, group, [("bookings", codename) for codename in codenames])


def revoke(apps, schema_editor):
    for group, codenames in PERMISSIONS.items():
        migration_permissions.revoke(apps, group, [("bookings", codename) for codename in codenames])


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_initial"),
        ("offers", "0011_place_editors"),
        ("municipalities", "0004_consultants_group"),
    ]

    operations = [
        migrations.RunSQL(CAPACITY, DROP_CAPACITY),
        migrations.RunPython(grant, revoke),
    ]
